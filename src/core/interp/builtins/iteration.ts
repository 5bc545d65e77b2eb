import { describeKind, int, list, bool, rangeLength, toInt, tuple } from "../construct";
import { lookupClassAttribute } from "../classes";
import { enumMembers, isEnumClass } from "../enum-members";
import { compareValues } from "../operators";
import { noPosition } from "../../python/ast";
import { PythonError, Unresolved, type Value } from "../values";
import { builtin, type BuiltinScope, type Native } from "./builtin";

/** The builtins over sequences and iterators: range, len, zip, enumerate, next, min/max, sum, sorted, map, filter... */
export function installIteration({ names, interp, iterate, call }: BuiltinScope): void {
  names.set("range", builtin("range", ({ args }) => {
    const n = args.map((a) => toInt(a, "range()"));
    const [start, stop, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? 1];
    if (step === 0) throw new PythonError("range() arg 3 must not be zero");
    return { kind: "range", start, stop, step };
  }));
  // Python 2's `xrange` is Python 3's `range`. Only a file written for Python 2 meets it unbound (module names shadow
  // builtins, so `from six.moves import xrange` or `xrange = range` still win), and such a file only runs there.
  names.set("xrange", names.get("range")!);
  names.set("len", builtin("len", ({ args }) => {
    const v = args[0];
    switch (v.kind) {
      case "list": case "tuple": return int(v.items.length);
      case "str": return int(v.value.length);
      case "dict": return int(v.entries.size);
      case "set": return int(v.entries.size);
      case "range": return int(rangeLength(v.start, v.stop, v.step));
      case "tensor":
        if (v.shape.length === 0) throw new PythonError("len() of a 0-d tensor");
        if (v.rowsUnknown) throw new Unresolved(v.rowsUnknown);
        return int(v.shape[0]);
      case "instance": {
        if (v.module && !lookupClassAttribute(v.cls, "__len__")) return int(v.module.children.size);
        const m = lookupClassAttribute(v.cls, "__len__");
        if (m) return call(m, [v]);
        throw new Unresolved(`len() of a ${v.cls.name}`);
      }
      case "class":
        if (isEnumClass(v)) return int(enumMembers(v).length);
        throw new Unresolved(`len() of the class ${v.name}`);
      case "unknown": return v;
      default: throw new Unresolved(`len() of a ${describeKind(v)}`);
    }
  }));
  names.set("zip", builtin("zip", ({ args }) => {
    const lists = args.map(iterate);
    const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 0;
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(tuple(lists.map((l) => l[i])));
    return { kind: "iterator", items: out, index: 0 };
  }));
  names.set("enumerate", builtin("enumerate", ({ args, kwargs }) => {
    const start = toInt(args[1] ?? kwargs.get("start") ?? int(0));
    return { kind: "iterator", items: iterate(args[0]).map((v, i) => tuple([int(start + i), v])), index: 0 };
  }));
  names.set("reversed", builtin("reversed", ({ args }) => ({ kind: "iterator", items: iterate(args[0]).reverse(), index: 0 })));
  names.set("iter", builtin("iter", ({ args }) => ({ kind: "iterator", items: iterate(args[0]), index: 0 })));
  names.set("next", builtin("next", ({ args }) => {
    const it = args[0];
    if (it.kind === "iterator") {
      if (it.index >= it.items.length) {
        if (args.length > 1) return args[1];
        throw new PythonError("StopIteration");
      }
      return it.items[it.index++];
    }
    const items = iterate(it);
    if (items.length === 0) {
      if (args.length > 1) return args[1];
      throw new PythonError("StopIteration");
    }
    return items[0];
  }));
  const extreme = (which: "min" | "max"): Native => ({ args, kwargs }) => {
    const items = args.length === 1 ? iterate(args[0]) : args;
    if (items.length === 0) {
      const d = kwargs.get("default");
      if (d) return d;
      throw new PythonError(`${which}() of an empty sequence`);
    }
    const keyFn = kwargs.get("key");
    const keyOfItem = (v: Value) => (keyFn && keyFn.kind !== "none" ? call(keyFn, [v]) : v);
    let best = items[0];
    let bestKey = keyOfItem(best);
    for (const v of items.slice(1)) {
      const k = keyOfItem(v);
      const better = compareValues(which === "min" ? "<" : ">", k, bestKey, interp());
      if (better.kind === "unknown") return better;
      if (better.kind === "bool" && better.value) {
        best = v;
        bestKey = k;
      }
    }
    return best;
  };
  names.set("min", builtin("min", extreme("min")));
  names.set("max", builtin("max", extreme("max")));
  names.set("sum", builtin("sum", ({ args }) => {
    let total: Value = args[1] ?? int(0);
    for (const v of iterate(args[0])) total = interp().binary("+", total, v, noPosition);
    return total;
  }));
  names.set("sorted", builtin("sorted", ({ args, kwargs }) => {
    const items = iterate(args[0]);
    const keyFn = kwargs.get("key");
    const keyed = items.map((v) => ({ v, k: keyFn && keyFn.kind !== "none" ? call(keyFn, [v]) : v }));
    keyed.sort((a, b) => {
      const lt = compareValues("<", a.k, b.k, interp());
      const gt = compareValues(">", a.k, b.k, interp());
      return lt.kind === "bool" && lt.value ? -1 : gt.kind === "bool" && gt.value ? 1 : 0;
    });
    const out = keyed.map((x) => x.v);
    const rev = kwargs.get("reverse");
    if (rev && interp().truth(rev)) out.reverse();
    return list(out);
  }));
  names.set("any", builtin("any", ({ args }) => {
    for (const v of iterate(args[0])) if (interp().truth(v)) return bool(true);
    return bool(false);
  }));
  names.set("all", builtin("all", ({ args }) => {
    for (const v of iterate(args[0])) if (!interp().truth(v)) return bool(false);
    return bool(true);
  }));
  names.set("map", builtin("map", ({ args }) => {
    const lists = args.slice(1).map(iterate);
    const n = Math.min(...lists.map((l) => l.length));
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(call(args[0], lists.map((l) => l[i])));
    return { kind: "iterator", items: out, index: 0 };
  }));
  names.set("filter", builtin("filter", ({ args }) => ({
    kind: "iterator",
    items: iterate(args[1]).filter((v) => interp().truth(args[0].kind === "none" ? v : call(args[0], [v]))),
    index: 0,
  })));
}
