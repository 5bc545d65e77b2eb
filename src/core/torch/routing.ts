// Top-k routing (mixture-of-experts layers): which experts a token picks is data, how many picks there are is not.
// `torch.topk(scores, k)` over E candidates gives every row k picks, so N rows make M = N·k picks in all, and a
// layer that runs each expert on the rows routed to it runs its experts on M rows in total, whatever the router
// decides. The analyzer spreads the picks evenly: expert e gets ⌊(e+1)·M/E⌋ − ⌊e·M/E⌋ rows (N·k/E each, rounded so
// that the counts sum to M exactly), the expectation under uniform routing and what the load-balancing loss trains
// routers toward (Shazeer et al. 2017, "Outrageously Large Neural Networks", §4; Fedus et al. 2021, "Switch
// Transformers", §2.2). Experts of one layer have the same shapes and their cost is linear in rows, so the total
// equals the count PyTorch measures on any input. Facts ride beside tensors by identity (as known-values.ts does), so
// the Value model stays shapes-only.
import type { OpContext, TensorValue, Value } from "../interp/values";
import { valuesOf, withValues } from "./known-values";

type Fact =
  /** Every element is the index of one of `experts` candidates, picked by the router (data). */
  | { kind: "picks"; experts: number }
  /** one_hot of picks: `picks` ones in all, spread evenly along `axis` (the expert axis). */
  | { kind: "onehot"; experts: number; axis: number; picks: number }
  /** A mask of the picks of one expert: `count` nonzero elements (of `picks` over `experts`). */
  | { kind: "selected"; count: number; picks: number; experts: number };

const facts = new WeakMap<TensorValue, Fact>();

const numel = (t: TensorValue) => t.shape.reduce((a, b) => a * b, 1);

/** Rows expert `e` of `experts` gets of `picks` picks spread evenly (0 for an index past the experts). */
export function evenShare(e: number, picks: number, experts: number): number {
  if (e < 0 || e >= experts) return 0;
  return Math.floor(((e + 1) * picks) / experts) - Math.floor((e * picks) / experts);
}

function shares(picks: number, experts: number, length = experts): number[] {
  return Array.from({ length }, (_, e) => evenShare(e, picks, experts));
}

function assume(context: OpContext, picks: number, experts: number): void {
  context.assumeEvenRouting?.(`which expert each token goes to is data: assumed even, ${picks} picks over ${experts} experts (${+(picks / experts).toFixed(2)} rows each; the total over experts is exact)`);
}

/** The indices of topk / argmax over candidates of unknown scores: router picks over `experts` candidates. */
export function markPicks(indices: TensorValue, scores: TensorValue, experts: number): TensorValue {
  if (!valuesOf(scores) && experts > 1 && numel(indices) > 0) facts.set(indices, { kind: "picks", experts });
  return indices;
}

/** A view, reshape, copy or cast of `source` (same elements): picks and masks keep what they are. */
export function sameElements(source: TensorValue, out: TensorValue): TensorValue {
  const fact = facts.get(source);
  if (!fact || out === source || numel(out) !== numel(source)) return out;
  if (fact.kind === "onehot") {
    // only an unchanged layout keeps the expert axis where it was
    if (out.shape.length === source.shape.length && out.shape.every((d, i) => d === source.shape[i])) facts.set(out, fact);
  } else facts.set(out, fact);
  return out;
}

/** permute / transpose: the expert axis of a one-hot moves with the dims. */
export function permuted(source: TensorValue, dims: number[], out: TensorValue): TensorValue {
  const fact = facts.get(source);
  if (fact?.kind === "onehot") facts.set(out, { ...fact, axis: dims.indexOf(fact.axis) });
  else if (fact) facts.set(out, fact);
  return out;
}

/** F.one_hot(picks, num_classes): a mask with the expert axis last. */
export function oneHot(input: TensorValue, classes: number, out: TensorValue): TensorValue {
  const fact = facts.get(input);
  if (fact?.kind === "picks" && classes >= fact.experts) facts.set(out, { kind: "onehot", experts: fact.experts, axis: out.shape.length - 1, picks: numel(input) });
  return out;
}

/** The one expert index a key item names: a Python int, or a one-element tensor of known value. */
function expertIndex(v: Value): number | undefined {
  if (v.kind === "int") return v.value;
  if (v.kind === "tensor" && v.shape.length <= 1 && numel(v) === 1) return valuesOf(v)?.[0];
  return undefined;
}

const isFullSlice = (v: Value) => v.kind === "slice" && v.start.kind === "none" && v.stop.kind === "none" && v.step.kind === "none";

/** x[key] on a one-hot routing mask that keeps every row and picks one expert: that expert's mask. */
export function indexed(self: TensorValue, key: Value, out: TensorValue): TensorValue {
  const fact = facts.get(self);
  if (fact?.kind !== "onehot") return out;
  const items = key.kind === "tuple" && !key.isSize ? key.items : [key];
  const ellipsis = items.findIndex((v) => v.kind === "ellipsis");
  if (items.some((v) => v.kind === "none")) return out;
  const consumed = items.filter((v) => v.kind !== "ellipsis");
  // the dim each item stands for: before an Ellipsis from the front, after it from the back
  let expert: number | undefined;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v.kind === "ellipsis") continue;
    const dim = ellipsis < 0 || i < ellipsis ? i : self.shape.length - (items.length - i);
    if (dim === fact.axis) {
      expert = expertIndex(v);
      if (expert === undefined) return out;
    } else if (!isFullSlice(v)) return out;
  }
  if (expert === undefined || consumed.length > self.shape.length) return out;
  if (expert < 0) expert += self.shape[fact.axis];
  facts.set(out, { kind: "selected", count: evenShare(expert, fact.picks, fact.experts), picks: fact.picks, experts: fact.experts });
  return out;
}

/** Comparisons: `picks == e` is expert e's mask; `mask != 0`, `mask > 0`, `mask.bool()` stay that mask. */
export function compared(op: string, operands: Value[], out: TensorValue): TensorValue {
  if (operands.length !== 2) return out;
  const [a, b] = operands;
  const left = a.kind === "tensor" ? facts.get(a) : undefined;
  const right = b.kind === "tensor" ? facts.get(b) : undefined;
  const [fact, other] = left ? [left, b] : [right, a];
  if (!fact || (left && right)) return out;
  const scalar = other.kind === "int" || other.kind === "bool" ? Number(other.value) : other.kind === "tensor" && numel(other) === 1 ? valuesOf(other)?.[0] : undefined;
  if (scalar === undefined) return out;
  if (fact.kind === "picks" && op === "eq" && numel(out) === numel(left ? (a as TensorValue) : (b as TensorValue))) {
    const picks = numel(left ? (a as TensorValue) : (b as TensorValue));
    facts.set(out, { kind: "selected", count: evenShare(scalar, picks, fact.experts), picks, experts: fact.experts });
  } else if (fact.kind === "selected" && scalar === 0 && (op === "ne" || (left ? op === "gt" : op === "lt"))) facts.set(out, fact);
  return out;
}

/** sum over every dim but the expert axis of a one-hot: the rows each expert gets; a full sum of a mask: its count. */
export function reducedCounts(op: string, input: TensorValue, dims: number[] | undefined, out: TensorValue, context: OpContext): TensorValue {
  const fact = facts.get(input);
  if (!fact || (op !== "sum" && op !== "count_nonzero")) return out;
  if (fact.kind === "selected" && (dims === undefined || dims.length === input.shape.length) && numel(out) === 1) {
    assume(context, fact.picks, fact.experts);
    return withValues(out, [fact.count]);
  }
  if (fact.kind === "onehot" && dims !== undefined && !dims.includes(fact.axis) && dims.length === input.shape.length - 1) {
    assume(context, fact.picks, fact.experts);
    return withValues(out, shares(fact.picks, fact.experts, input.shape[fact.axis]));
  }
  return out;
}

/** torch.bincount(picks, minlength) / torch.histc(picks, bins=E, min=0, max=E-1): the rows each expert gets. */
export function histogram(input: TensorValue, bins: number, out: TensorValue, context: OpContext): TensorValue | undefined {
  const fact = facts.get(input);
  if (fact?.kind !== "picks" || bins < fact.experts) return undefined;
  assume(context, numel(input), fact.experts);
  return withValues(out, shares(numel(input), fact.experts, bins));
}

/** The number of candidates a tensor of router picks chooses among (undefined for other tensors). */
export function pickedExperts(t: TensorValue): number | undefined {
  const fact = facts.get(t);
  return fact?.kind === "picks" ? fact.experts : undefined;
}

/** How many nonzero elements a tensor has when routing or known contents say (else undefined: data). */
export function nonzeroCount(input: TensorValue, context: OpContext): number | undefined {
  const fact = facts.get(input);
  if (fact?.kind === "selected") {
    assume(context, fact.picks, fact.experts);
    return fact.count;
  }
  const values = valuesOf(input);
  return values ? values.filter((x) => x !== 0).length : undefined;
}

/** The coordinates of the nonzero elements of a tensor of known contents, one list per dim (row-major order). */
export function nonzeroCoordinates(input: TensorValue): number[][] | undefined {
  const values = valuesOf(input);
  if (!values) return undefined;
  const coordinates: number[][] = input.shape.map(() => []);
  values.forEach((x, flat) => {
    if (x === 0) return;
    let rest = flat;
    for (let d = input.shape.length - 1; d >= 0; d--) {
      coordinates[d].push(rest % input.shape[d]);
      rest = Math.floor(rest / input.shape[d]);
    }
  });
  return coordinates;
}
