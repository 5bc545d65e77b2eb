// TensorFlow Datasets 1.x's legacy subsplits (tensorflow_datasets/core/splits.py, SplitBase.subsplit, TFDS 1.x; removed in
// 2.x in favour of "train[:80%]" strings): `tfds.Split.TRAIN.subsplit(weighted=(8, 1, 1))`, as the TF 2.0 transfer
// learning tutorial splits cats_vs_dogs, turns the weights into whole percents of the split, `100 * w // sum(weights)`
// each, laid end to end from 0 and the last stretched to 100; `subsplit(k=n)` makes n parts of `100 // n` percents,
// the last stretched to 100; `subsplit(tfds.percent[a:b])` is that one slice of the 100 percents. A positional
// argument is k when an int, the percent slice when a slice, the weights when a list. TFDS 4.x's
// `tfds.even_splits("train", n)` names the parts "train[p_i%:p_i+1%]" with p_i = round(i * 100 / n). Each part reads
// as the percent slice string tfds.load takes today, so the split tables read it (split-slicing.ts).
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { dottedName, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { tfdsSplitMember } from "./tfds-split-members";

/** The whole percents [start, stop) a Python slice `a:b` keeps of range(100). */
function percentSlice(start: number | undefined, stop: number | undefined): [number, number] {
  const at = (n: number | undefined, fallback: number) => (n === undefined ? fallback : Math.min(100, Math.max(0, n < 0 ? 100 + n : n)));
  return [at(start, 0), at(stop, 100)];
}

/** The int a literal or a negated literal holds. */
function literalInt(e: Expression | undefined): number | undefined {
  if (e?.type === "int") return e.value;
  if (e?.type === "unary" && e.op === "-" && e.operand.type === "int") return -e.operand.value;
  return undefined;
}

/** The percent slice `<tfds>.percent[a:b]` writes. */
function tfdsPercent(e: Expression | undefined, tfdsModule: string): [number, number] | undefined {
  if (e?.type !== "subscript" || dottedName(e.object) !== `${tfdsModule}.percent` || e.index.type !== "slice" || e.index.step) return undefined;
  const [start, stop] = [e.index.start, e.index.stop].map(literalInt);
  if ((e.index.start && start === undefined) || (e.index.stop && stop === undefined)) return undefined;
  return percentSlice(start, stop);
}

/** The whole numbers a list or tuple value holds. */
function ints(v: Value | undefined): number[] | undefined {
  if (v?.kind !== "list" && v?.kind !== "tuple") return undefined;
  const out = v.items.map((i) => (i.kind === "int" ? i.value : undefined));
  return out.every((n): n is number => n !== undefined && n >= 0) ? out : undefined;
}

/** The percent slices of a `subsplit(...)` call's parts, in order. */
function subsplitParts(call: Extract<Expression, { type: "call" }>, tfdsModule: string, evaluate: (e: Expression) => Value | undefined): [number, number][] | undefined {
  const arg = positionalArgument(call, 0);
  const percent = tfdsPercent(keywordArgument(call, "percent") ?? arg, tfdsModule);
  if (percent) return [percent];
  const argValue = arg ? evaluate(arg) : undefined;
  const kArgument = keywordArgument(call, "k");
  const kValue = kArgument ? evaluate(kArgument) : argValue?.kind === "int" ? argValue : undefined;
  if (kValue?.kind === "int") {
    const k = kValue.value;
    if (k < 1 || k > 100) return undefined;
    const shift = Math.floor(100 / k);
    return Array.from({ length: k }, (_, i) => [i * shift, i === k - 1 ? 100 : (i + 1) * shift]);
  }
  // A positional list is the weights; a positional tuple is none of the three forms (TFDS raises).
  const weightsArgument = keywordArgument(call, "weighted");
  const weights = weightsArgument ? ints(evaluate(weightsArgument)) : argValue?.kind === "list" ? ints(argValue) : undefined;
  const total = weights?.reduce((a, b) => a + b, 0);
  if (!weights || weights.length === 0 || !total) return undefined;
  const parts: [number, number][] = [];
  let start = 0;
  for (const [i, w] of weights.entries()) {
    const stop = i === weights.length - 1 ? 100 : start + Math.floor((100 * w) / total);
    parts.push([start, stop]);
    start = stop;
  }
  return parts;
}

/** The split string of each part a subsplit call makes (`tfds.Split.TRAIN.subsplit(weighted=(8, 1, 1))`: "train[0%:80%]",
 *  "train[80%:90%]", "train[90%:100%]"), or `tfds.even_splits("train", n=3)`; undefined for any other expression. */
function partsOf(e: Expression, tfdsModule: string, evaluate: (e: Expression) => Value | undefined): string[] | undefined {
  if (e.type !== "call" || e.func.type !== "attribute") return undefined;
  if (e.func.name === "subsplit") {
    const member = tfdsSplitMember(e.func.object, tfdsModule);
    const parts = member !== undefined ? subsplitParts(e, tfdsModule, evaluate) : undefined;
    return parts?.map(([a, b]) => `${member}[${a}%:${b}%]`);
  }
  if (dottedName(e.func) === `${tfdsModule}.even_splits`) {
    const split = evaluate(positionalArgument(e, 0) ?? keywordArgument(e, "split") ?? e);
    const n = evaluate(positionalArgument(e, 1) ?? keywordArgument(e, "n") ?? e);
    if (split?.kind !== "str" || n?.kind !== "int" || n.value < 1 || n.value > 100) return undefined;
    const edge = (i: number) => Math.round((i * 100) / n.value);
    return Array.from({ length: n.value }, (_, i) => `${split.value}[${edge(i)}%:${edge(i + 1)}%]`);
  }
  return undefined;
}

/** The split strings a `tfds.load(split=...)` argument names when it is made of TFDS subsplits: the call itself, a
 *  name bound to it earlier (`bindingOf`), `list(...)` or `tuple(...)` of those, a list written out (its first, the
 *  training split), or one part by a literal index (`splits[0]`). Undefined when the argument is no subsplit. */
export function tfdsSubsplitNames(e: Expression | undefined, tfdsModule: string, bindingOf: (name: string) => Expression | undefined, evaluate: (e: Expression) => Value | undefined, depth = 0): string[] | undefined {
  if (!e || depth > 4) return undefined;
  const again = (x: Expression | undefined) => tfdsSubsplitNames(x, tfdsModule, bindingOf, evaluate, depth + 1);
  if (e.type === "name") return again(bindingOf(e.id));
  if (e.type === "call" && e.func.type === "name" && (e.func.id === "list" || e.func.id === "tuple") && e.args.length === 1) return again(positionalArgument(e, 0));
  // A list of splits written out: tfds.load's first is the training one.
  if ((e.type === "list" || e.type === "tuple") && e.items.length > 0) return again(e.items[0]);
  if (e.type === "subscript") {
    const index = literalInt(e.index);
    const parts = again(e.object);
    const part = parts && index !== undefined ? parts[index < 0 ? parts.length + index : index] : undefined;
    return part !== undefined ? [part] : undefined;
  }
  return partsOf(e, tfdsModule, evaluate);
}
