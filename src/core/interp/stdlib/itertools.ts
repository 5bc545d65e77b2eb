import { NONE, list, toInt, tuple } from "../construct";
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
    // islice(it, stop) or islice(it, start, stop[, step]); None bounds mean the start or the end
    islice: fn("itertools.islice", ({ args }) => {
      const items = iterate(args[0]);
      const bound = (v: Value | undefined, dflt: number) => (v === undefined || v.kind === "none" ? dflt : Math.min(toInt(v), items.length));
      const [start, stop, step] = args.length <= 2 ? [0, bound(args[1], items.length), 1] : [bound(args[1], 0), bound(args[2], items.length), bound(args[3], 1)];
      const out: Value[] = [];
      for (let i = start; i < stop; i += Math.max(1, step)) out.push(items[i]);
      return list(out);
    }),
    combinations: fn("itertools.combinations", ({ args }) => list(choose(iterate(args[0]), toInt(args[1]), false).map((c) => tuple(c)))),
    combinations_with_replacement: fn("itertools.combinations_with_replacement", ({ args }) => list(choose(iterate(args[0]), toInt(args[1]), true).map((c) => tuple(c)))),
    permutations: fn("itertools.permutations", ({ args }) => {
      const items = iterate(args[0]);
      const r = args[1] === undefined || args[1].kind === "none" ? items.length : toInt(args[1]);
      const out: Value[][] = [];
      const walk = (prefix: number[]) => {
        if (prefix.length === r) return void out.push(prefix.map((i) => items[i]));
        for (let i = 0; i < items.length; i++) if (!prefix.includes(i)) walk([...prefix, i]);
      };
      walk([]);
      return list(out.map((p) => tuple(p)));
    }),
    zip_longest: fn("itertools.zip_longest", ({ args, kwargs }) => {
      const pools = args.map(iterate);
      const fill = kwargs.get("fillvalue") ?? NONE;
      const n = Math.max(0, ...pools.map((p) => p.length));
      return list(Array.from({ length: n }, (_, i) => tuple(pools.map((p) => p[i] ?? fill))));
    }),
    pairwise: fn("itertools.pairwise", ({ args }) => {
      const items = iterate(args[0]);
      return list(items.slice(1).map((b, i) => tuple([items[i], b])));
    }),
    starmap: fn("itertools.starmap", ({ args }) => list(iterate(args[1]).map((a) => call(args[0], iterate(a))))),
    compress: fn("itertools.compress", ({ args }) => {
      const keep = iterate(args[1]);
      return list(iterate(args[0]).filter((_, i) => i < keep.length && interp().truth(keep[i])));
    }),
    filterfalse: fn("itertools.filterfalse", ({ args }) => list(iterate(args[1]).filter((v) => !interp().truth(args[0].kind === "none" ? v : call(args[0], [v]))))),
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

/** The r-element index choices of itertools.combinations (with replacement: indices may repeat), in its order. */
function choose(items: Value[], r: number, replacement: boolean): Value[][] {
  const out: Value[][] = [];
  const walk = (from: number, picked: number[]) => {
    if (picked.length === r) return void out.push(picked.map((i) => items[i]));
    for (let i = from; i < items.length; i++) walk(replacement ? i : i + 1, [...picked, i]);
  };
  walk(0, []);
  return out;
}
