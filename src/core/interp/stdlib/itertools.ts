import { list, toInt, tuple } from "../construct";
import type { Value } from "../values";
import { noPosition } from "../../python/ast";
import { fn, namespace, type StandardLibrary } from "./native";

/** itertools: the combinators over finite iterables (an infinite one has no use in building a model). */
export function installItertools({ modules, interp, call, iterate }: StandardLibrary): void {
  modules.set("itertools", namespace("itertools", {
    product: fn("itertools.product", ({ args, kwargs }) => {
      const repeat = kwargs.has("repeat") ? toInt(kwargs.get("repeat")!) : 1;
      let pools = args.map(iterate);
      if (repeat > 1) pools = Array.from({ length: repeat }, () => pools).flat();
      let result: Value[][] = [[]];
      for (const p of pools) result = result.flatMap((r) => p.map((x) => [...r, x]));
      return list(result.map((r) => tuple(r)));
    }),
    chain: fn("itertools.chain", ({ args }) => list(args.flatMap(iterate))),
    repeat: fn("itertools.repeat", ({ args }) => list(Array.from({ length: args[1] ? toInt(args[1]) : 1 }, () => args[0]))),
    accumulate: fn("itertools.accumulate", ({ args, kwargs }) => {
      // accumulate(iterable, func=None, *, initial=None): a given initial value comes first
      const initial = kwargs.get("initial");
      const func = args[1]?.kind === "none" ? undefined : args[1];
      const out: Value[] = initial && initial.kind !== "none" ? [initial] : [];
      let acc: Value | undefined = out[0];
      for (const v of iterate(args[0])) {
        acc = acc === undefined ? v : func ? call(func, [acc, v]) : interp().binary("+", acc, v, noPosition);
        out.push(acc);
      }
      return list(out);
    }),
    islice: fn("itertools.islice", ({ args }) => list(iterate(args[0]).slice(0, toInt(args[args.length - 1])))),
    // version parsing (packaging's trailing-zero strip) and prefix scans; an unknown predicate leaves the result unknown
    dropwhile: fn("itertools.dropwhile", ({ args }) => {
      const items = iterate(args[1]);
      for (let i = 0; i < items.length; i++) {
        const keep = call(args[0], [items[i]]);
        if (keep.kind === "unknown") return keep;
        if (!interp().truth(keep)) return list(items.slice(i));
      }
      return list([]);
    }),
    takewhile: fn("itertools.takewhile", ({ args }) => {
      const items = iterate(args[1]);
      for (let i = 0; i < items.length; i++) {
        const keep = call(args[0], [items[i]]);
        if (keep.kind === "unknown") return keep;
        if (!interp().truth(keep)) return list(items.slice(0, i));
      }
      return list(items);
    }),
  }));
}
