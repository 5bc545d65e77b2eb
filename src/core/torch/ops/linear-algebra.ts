// Matrix products: matmul (as ATen's _matmul_impl dispatches it), linear, bilinear, einsum, and their FLOPs.
import { tensor } from "../../interp/construct";
import { PythonError, type OpContext, type TensorValue } from "../../interp/values";
import { promoteTypes } from "../dtypes";
import { bmmFlops, mmFlops } from "../flops";
import { broadcastShapes, numel } from "../shapes";
import { emit } from "./define";

function mismatch(op: string, a: readonly number[], b: readonly number[]): PythonError {
  return new PythonError(`${op}: shapes [${a.join(", ")}] and [${b.join(", ")}] cannot be multiplied`);
}

/** torch.mm: [m, k] @ [k, n]; aten.mm, 2·m·k·n FLOPs. */
export function mm(a: TensorValue, b: TensorValue, context: OpContext, op = "aten.mm"): TensorValue {
  if (a.shape.length !== 2 || b.shape.length !== 2) throw new PythonError(`${op}: expected 2-D tensors, got ${a.shape.length}-D and ${b.shape.length}-D`);
  const [m, k] = a.shape;
  const [k2, n] = b.shape;
  if (k !== k2) throw mismatch(op, a.shape, b.shape);
  return emit(context, op, mmFlops(m, k, n), [m, n], promoteTypes(a.dtype, b.dtype));
}

/** torch.bmm: [b, m, k] @ [b, k, n]; aten.bmm, 2·b·m·k·n FLOPs. */
export function bmm(a: TensorValue, b: TensorValue, context: OpContext, op = "aten.bmm"): TensorValue {
  if (a.shape.length !== 3 || b.shape.length !== 3) throw new PythonError(`${op}: expected 3-D tensors, got ${a.shape.length}-D and ${b.shape.length}-D`);
  const [batch, m, k] = a.shape;
  const [batch2, k2, n] = b.shape;
  if (batch !== batch2 || k !== k2) throw mismatch(op, a.shape, b.shape);
  return emit(context, op, bmmFlops(batch, m, k, n), [batch, m, n], promoteTypes(a.dtype, b.dtype));
}

/**
 * torch.matmul, following aten/src/ATen/native/LinearAlgebra.cpp _matmul_impl: 1-D·1-D is aten.dot and 2-D·1-D
 * (or a folded N-D·1-D) is aten.mv, neither counted by flop_counter.py; 1-D·2-D and 2-D·2-D are aten.mm; N-D·2-D folds
 * the batch into one aten.mm; everything else broadcasts the batch dims into one aten.bmm.
 */
export function matmul(a: TensorValue, b: TensorValue, context: OpContext): TensorValue {
  const da = a.shape.length;
  const db = b.shape.length;
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (da === 0 || db === 0) throw new PythonError(`both arguments to matmul need to be at least 1D, but they are ${da}D and ${db}D`);
  const inner = (k1: number, k2: number) => {
    if (k1 !== k2) throw mismatch("matmul", a.shape, b.shape);
  };
  if (da === 1 && db === 1) {
    inner(a.shape[0], b.shape[0]);
    return emit(context, "aten.dot", 0, [], dtype);
  }
  if (db === 1) {
    // 2-D·1-D is mv; N-D·1-D folds the batch dims of a contiguous input into one mv.
    inner(a.shape[da - 1], b.shape[0]);
    return emit(context, "aten.mv", 0, a.shape.slice(0, -1), dtype);
  }
  if (da <= 2 && db === 2) {
    const m = da === 1 ? 1 : a.shape[0];
    const k = a.shape[da - 1];
    inner(k, b.shape[0]);
    const n = b.shape[1];
    return emit(context, "aten.mm", mmFlops(m, k, n), da === 1 ? [n] : [m, n], dtype);
  }
  if (da >= 3 && db === 2) {
    const k = a.shape[da - 1];
    inner(k, b.shape[0]);
    const rows = numel(a.shape.slice(0, -1));
    return emit(context, "aten.mm", mmFlops(rows, k, b.shape[1]), [...a.shape.slice(0, -1), b.shape[1]], dtype);
  }
  // Batched: broadcast the batch dims, vectors become 1-row / 1-column matrices.
  const n = da > 1 ? a.shape[da - 2] : 1;
  const k = a.shape[da - 1];
  const k2 = b.shape[db - 2];
  const p = b.shape[db - 1];
  inner(k, k2);
  const batch = broadcastShapes(a.shape.slice(0, Math.max(da - 2, 0)), b.shape.slice(0, db - 2));
  const out = [...batch];
  if (da > 1) out.push(n);
  out.push(p);
  return emit(context, "aten.bmm", bmmFlops(numel(batch), n, k, p), out, dtype);
}

/**
 * F.linear(input, weight [out, in], bias): ATen's linear runs addmm for 2-D input with bias (and for contiguous
 * 3-D input with bias, flattened), otherwise matmul; all count 2·rows·in·out.
 */
export function linear(input: TensorValue, weight: TensorValue, bias: TensorValue | undefined, context: OpContext): TensorValue {
  if (weight.shape.length !== 2) {
    if (weight.shape.length === 1) {
      // A 1-D weight is a dot product along the last dim (mv / dot: not counted).
      if (input.shape[input.shape.length - 1] !== weight.shape[0]) throw mismatch("linear", input.shape, weight.shape);
      return emit(context, input.shape.length === 1 ? "aten.dot" : "aten.mv", 0, input.shape.slice(0, -1), input.dtype);
    }
    throw new PythonError(`linear: weight must be 1-D or 2-D, got [${weight.shape.join(", ")}]`);
  }
  const [outFeatures, inFeatures] = weight.shape;
  if (input.shape.length === 0) throw new PythonError("linear: input must have at least one dimension");
  if (input.shape[input.shape.length - 1] !== inFeatures) {
    throw new PythonError(`linear: mat1 and mat2 shapes cannot be multiplied (input [${input.shape.join(", ")}], weight [${weight.shape.join(", ")}] expects last dim ${inFeatures})`);
  }
  if (bias && bias.shape.length > 0 && bias.shape[bias.shape.length - 1] !== outFeatures && bias.shape[bias.shape.length - 1] !== 1) {
    throw new PythonError(`linear: bias of shape [${bias.shape.join(", ")}] does not match ${outFeatures} output features`);
  }
  const rows = numel(input.shape.slice(0, -1));
  const fused = bias !== undefined && (input.shape.length === 2 || input.shape.length === 3);
  return emit(context, fused ? "aten.addmm" : "aten.mm", mmFlops(rows, inFeatures, outFeatures), [...input.shape.slice(0, -1), outFeatures], input.dtype);
}

/**
 * F.bilinear(x1 [..., in1], x2 [..., in2], weight [out, in1, in2], bias) → [..., out]. ATen runs it as aten._trilinear,
 * which flop_counter.py does not count, so 0 FLOPs under that convention.
 */
export function bilinear(input1: TensorValue, input2: TensorValue, weight: TensorValue, bias: TensorValue | undefined, context: OpContext): TensorValue {
  if (weight.shape.length !== 3) throw new PythonError(`bilinear: weight must be 3-D, got [${weight.shape.join(", ")}]`);
  const [outFeatures, in1, in2] = weight.shape;
  if (input1.shape[input1.shape.length - 1] !== in1) throw new PythonError(`bilinear: input1 size ${input1.shape[input1.shape.length - 1]} does not match weight size ${in1}`);
  if (input2.shape[input2.shape.length - 1] !== in2) throw new PythonError(`bilinear: input2 size ${input2.shape[input2.shape.length - 1]} does not match weight size ${in2}`);
  const lead1 = input1.shape.slice(0, -1);
  const lead2 = input2.shape.slice(0, -1);
  if (lead1.length !== lead2.length || lead1.some((d, i) => d !== lead2[i])) throw new PythonError(`bilinear: input1 and input2 must have the same leading dims, got [${lead1.join(", ")}] and [${lead2.join(", ")}]`);
  if (bias && bias.shape[bias.shape.length - 1] !== outFeatures) throw new PythonError("bilinear: bias does not match out_features");
  return emit(context, "aten._trilinear", 0, [...lead1, outFeatures], input1.dtype);
}

interface EinsumOperand {
  labels: string[];
  shape: number[];
}

/** Splits one einsum term into labels; "..." becomes positional labels aligned from the right. */
function termLabels(term: string, rank: number | undefined, ellipsisRank: number): string[] {
  const out: string[] = [];
  const dots = term.indexOf("...");
  const before = dots < 0 ? term : term.slice(0, dots);
  const after = dots < 0 ? "" : term.slice(dots + 3);
  for (const c of before) out.push(c);
  if (dots >= 0) {
    const count = rank === undefined ? ellipsisRank : rank - before.length - after.length;
    if (count < 0) throw new PythonError(`einsum(): the number of subscripts in '${term}' exceeds the operand's dims`);
    for (let i = ellipsisRank - count; i < ellipsisRank; i++) out.push(`…${i}`);
  }
  for (const c of after) out.push(c);
  return out;
}

/**
 * torch.einsum: output shape from the equation; FLOPs as ATen's einsum runs it (aten/src/ATen/native/Linear.cpp):
 * operands contract left to right; a pair with dims to sum runs sumproduct_pair as one aten.bmm of
 * 2·batch·left·right·summed FLOPs; a pair with nothing to sum is an element-wise aten.mul (0).
 */
export function einsum(equation: string, operands: TensorValue[], context: OpContext): TensorValue {
  const eq = equation.replace(/\s+/g, "");
  const arrow = eq.indexOf("->");
  const lhs = arrow < 0 ? eq : eq.slice(0, arrow);
  const terms = lhs.split(",");
  if (terms.length !== operands.length) throw new PythonError(`einsum(): ${terms.length} operand subscripts but ${operands.length} operands`);
  if (!/^[A-Za-z.,\->]*$/.test(eq)) throw new PythonError(`einsum(): invalid subscript in '${equation}'`);
  const ellipsisRank = Math.max(0, ...terms.map((t, i) => (t.includes("...") ? operands[i].shape.length - (t.length - 3) : 0)));
  const parsed: EinsumOperand[] = terms.map((t, i) => {
    const labels = termLabels(t, operands[i].shape.length, ellipsisRank);
    if (labels.length !== operands[i].shape.length) throw new PythonError(`einsum(): subscript '${t}' has ${labels.length} labels for an operand of ${operands[i].shape.length} dims`);
    return { labels, shape: operands[i].shape };
  });
  const sizes = new Map<string, number>();
  for (const p of parsed) {
    p.labels.forEach((l, i) => {
      const d = p.shape[i];
      const known = sizes.get(l);
      if (known === undefined || known === 1) sizes.set(l, d);
      else if (d !== 1 && d !== known) throw new PythonError(`einsum(): operands do not broadcast: subscript ${l} has size ${known} and ${d}`);
    });
  }
  let outputLabels: string[];
  if (arrow >= 0) {
    outputLabels = termLabels(eq.slice(arrow + 2), undefined, ellipsisRank);
    for (const l of outputLabels) if (!sizes.has(l)) throw new PythonError(`einsum(): output subscript ${l} does not appear in the operands`);
  } else {
    // Implicit form: ellipsis dims, then labels seen exactly once, alphabetically.
    const counts = new Map<string, number>();
    for (const p of parsed) for (const l of p.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    const ellipsis = [...sizes.keys()].filter((l) => l.startsWith("…")).sort();
    const once = [...counts.entries()].filter(([l, c]) => c === 1 && !l.startsWith("…")).map(([l]) => l).sort();
    outputLabels = [...ellipsis, ...once];
  }
  const dtype = operands.map((o) => o.dtype).reduce(promoteTypes);
  const outShape = outputLabels.map((l) => sizes.get(l) ?? 1);
  if (parsed.length === 1) return emit(context, "aten.sum", 0, outShape, dtype);

  const output = new Set(outputLabels);
  let current = new Set(parsed[0].labels);
  for (let i = 1; i < parsed.length; i++) {
    const keep = new Set(output);
    for (let j = i + 1; j < parsed.length; j++) for (const l of parsed[j].labels) keep.add(l);
    const right = new Set(parsed[i].labels);
    const size = (l: string) => sizes.get(l) ?? 1;
    const both = [...current].filter((l) => right.has(l));
    const summed = both.filter((l) => !keep.has(l) && size(l) > 1);
    const batch = both.filter((l) => keep.has(l));
    const leftOnly = [...current].filter((l) => !right.has(l) && keep.has(l));
    const rightOnly = [...right].filter((l) => !current.has(l) && keep.has(l));
    const prod = (ls: string[]) => ls.reduce((acc, l) => acc * size(l), 1);
    const kept = [...batch, ...leftOnly, ...rightOnly];
    // Measured with FlopCounterMode on torch 2.11: a full contraction ("i,i->") also runs as a counted bmm.
    if (summed.length === 0) context.addFlops(0, "aten.mul");
    else context.addFlops(bmmFlops(prod(batch), prod(leftOnly), prod(summed), prod(rightOnly)), "aten.bmm");
    current = new Set(kept);
  }
  // The last contraction's kernel wrote the result; the final permute to the output order is a view.
  return tensor(outShape, dtype);
}

/**
 * torch.nn.functional.grouped_mm / torch._grouped_mm (PyTorch 2.10 docs): groups of matrix products in one kernel.
 * [S, k] @ [G, k, n] with `offs` (rows split among G groups: a mixture-of-experts layer's routed rows) gives [S, n];
 * [G, m, k] @ [G, k, n] is a batch; [m, K] @ [K, n] with `offs` splits K among groups and gives [G, m, n]. Every row
 * meets one group's matrix, so the FLOPs are the mm formula over all rows (2·S·k·n), as the same products as separate
 * mm calls count under flop_counter.py.
 */
export function groupedMm(a: TensorValue, b: TensorValue, offs: TensorValue | undefined, context: OpContext): TensorValue {
  const op = "aten._grouped_mm";
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (a.shape.length === 2 && b.shape.length === 3) {
    const [s, k] = a.shape;
    const [, k2, n] = b.shape;
    if (k !== k2 || !offs) throw mismatch(op, a.shape, b.shape);
    return emit(context, op, mmFlops(s, k, n), [s, n], dtype);
  }
  if (a.shape.length === 3 && b.shape.length === 3) return bmm(a, b, context, op);
  if (a.shape.length === 2 && b.shape.length === 2 && offs) {
    const [m, k] = a.shape;
    const [k2, n] = b.shape;
    if (k !== k2) throw mismatch(op, a.shape, b.shape);
    // groups along k: each group's [m, n] product sums over its share of k
    return emit(context, op, mmFlops(m, k, n), [offs.shape[0] ?? 1, m, n], dtype);
  }
  throw mismatch(op, a.shape, b.shape);
}
