import { NONE } from "../construct";
import { wraps } from "../inspect-signature";
import { fn, namespace, type StandardLibrary } from "./native";

/** functools: partial (flattened as CPython does), reduce, wraps, and the caching decorators as identities. */
export function installFunctools({ modules, call, iterate, identityDecorator }: StandardLibrary): void {
  // partial of a partial flattens into one (as CPython's functools.partial does): .func is the innermost callable
  const partial = fn("functools.partial", ({ args, kwargs }) => {
    const inner = args[0];
    if (inner?.kind === "partial") return { kind: "partial", fn: inner.fn, args: [...inner.args, ...args.slice(1)], kwargs: new Map([...inner.kwargs, ...kwargs]) };
    return { kind: "partial", fn: inner, args: args.slice(1), kwargs: new Map(kwargs) };
  });
  modules.set("functools", namespace("functools", {
    partial,
    partialmethod: fn("functools.partialmethod", ({ args, kwargs }) => ({ kind: "partial", fn: args[0] ?? NONE, args: args.slice(1), kwargs: new Map(kwargs), method: true })),
    reduce: fn("functools.reduce", ({ args }) => {
      const items = iterate(args[1]);
      let acc = args.length > 2 ? args[2] : items.shift()!;
      for (const v of items) acc = call(args[0], [acc, v]);
      return acc;
    }),
    wraps: fn("functools.wraps", ({ args }) => wraps(args[0] ?? NONE)),
    lru_cache: identityDecorator,
    cache: identityDecorator,
    cached_property: fn("cached_property", ({ args }) => ({ kind: "property", getter: args[0] })),
  }));
}
