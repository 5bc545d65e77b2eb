// Mini-batches a module function of the script cuts and returns as a list, the idiom of the deeplearning.ai courses'
// `random_mini_batches(X, Y, mini_batch_size=64)`: `for k in range(m // S): mini_batch_X = shuffled_X[:, k * S:(k + 1)
// * S]`, appended (alone or in a tuple with its labels) to the list the function returns. Each item holds S samples
// along the sliced axis (a shorter slice of the remainder aside), and one pass over the list walks all of the data.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { sameNameOrInteger } from "../python/syntax-walk";

/** A batch list read in the caller's terms: the slice width and the data sliced as the call passes them. */
export interface FunctionBatchList {
  size: Expression;
  data: Expression;
  /** The axis the slices cut (1 for `X[:, a:b]`, columns as samples). */
  axis: number;
  /** The line of the loop that cuts the batches. */
  line: number;
}

type ForStatement = Extract<Statement, { type: "for" }>;
type CallExpression = Extract<Expression, { type: "call" }>;

/** The batches `call` returns when it calls a module function that cuts its argument into slices of a fixed width and
 *  returns them as a list; undefined for any other call. */
export function functionBatchList(call: Expression, body: Statement[]): FunctionBatchList | undefined {
  if (call.type !== "call" || call.func.type !== "name") return undefined;
  const name = call.func.id;
  const fn = body.find((s): s is FunctionDefinition => s.type === "function" && s.name === name);
  if (!fn) return undefined;
  const returned = fn.body.find((s): s is Extract<Statement, { type: "return" }> => s.type === "return");
  if (returned?.value?.type !== "name") return undefined;
  const list = returned.value.id;
  for (const s of fn.body) {
    if (s.type !== "for") continue;
    const cut = appendedSlice(s, list);
    if (!cut) continue;
    const size = callerExpression(cut.size, fn, call);
    const data = callerExpression(sourceOf(cut.data, fn), fn, call);
    if (size && data) return { size, data, axis: cut.axis, line: s.pos.line };
  }
  return undefined;
}

/** The slice a loop appends to `list` each pass, directly or through a name (or a tuple of names) its body binds. */
function appendedSlice(loop: ForStatement, list: string): BatchSlice | undefined {
  if (loop.target.type !== "name") return undefined;
  const index = loop.target.id;
  const bound = new Map<string, Expression>();
  for (const s of loop.body) {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name") bound.set(s.targets[0].id, s.value);
  }
  const resolve = (e: Expression): Expression => (e.type === "name" && bound.has(e.id) ? bound.get(e.id)! : e);
  for (const s of loop.body) {
    if (s.type !== "expression" || s.value.type !== "call" || s.value.func.type !== "attribute" || s.value.func.name !== "append") continue;
    if (s.value.func.object.type !== "name" || s.value.func.object.id !== list || s.value.args[0]?.kind !== "positional") continue;
    const item = resolve(s.value.args[0].value);
    // A tuple of slices (`(mini_batch_X, mini_batch_Y)`): its first part is the inputs.
    const first = item.type === "tuple" && item.items.length > 0 ? resolve(item.items[0]) : item;
    const cut = widthSlice(first, index, loop.iter);
    if (cut) return cut;
  }
  return undefined;
}

/** A slice of a fixed width S along one axis, the data it cuts, and the axis (0 for `data[i:i + S]`). */
export interface BatchSlice {
  size: Expression;
  data: Expression;
  axis: number;
}

/** `data[..., k * S:(k + 1) * S]` over `range(...)`, or `data[..., i:i + S]` over `range(0, n, S)`; undefined for any
 *  other element. */
export function widthSlice(e: Expression, index: string, iter: Expression): BatchSlice | undefined {
  if (e.type !== "subscript") return undefined;
  const parts = e.index.type === "tuple" ? e.index.items : [e.index];
  const axis = parts.findIndex((p) => p.type === "slice" && (p.start !== undefined || p.stop !== undefined));
  if (axis < 0 || parts.some((p, i) => i !== axis && (p.type !== "slice" || p.start || p.stop))) return undefined;
  const slice = parts[axis] as Extract<Expression, { type: "slice" }>;
  if (!slice.start || !slice.stop || slice.step) return undefined;
  if (iter.type !== "call" || iter.func.type !== "name" || iter.func.id !== "range") return undefined;
  const product = scaledIndex(slice.start, index);
  if (product) {
    // (k + 1) * S
    const stop = slice.stop;
    if (stop.type !== "binary" || stop.op !== "*") return undefined;
    const [next, width] = isNextIndex(stop.left, index) ? [stop.left, stop.right] : isNextIndex(stop.right, index) ? [stop.right, stop.left] : [undefined, undefined];
    if (!next || !width || !sameNameOrInteger(width, product)) return undefined;
    return { size: product, data: e.object, axis };
  }
  // i:i + S over range(0, n, S)
  if (slice.start.type !== "name" || slice.start.id !== index || slice.stop.type !== "binary" || slice.stop.op !== "+") return undefined;
  const width = sameNameOrInteger(slice.stop.left, slice.start) ? slice.stop.right : sameNameOrInteger(slice.stop.right, slice.start) ? slice.stop.left : undefined;
  // Python's range(0, n, S) yields every S-th index from 0 (docs.python.org/3/library/stdtypes.html#range).
  const [start, , step] = iter.args.map((a) => (a.kind === "positional" ? a.value : undefined));
  if (iter.args.length !== 3 || start?.type !== "int" || start.value !== 0 || !width || !step || !sameNameOrInteger(width, step)) return undefined;
  return { size: width, data: e.object, axis };
}

/** S of `k * S` or `S * k`. */
function scaledIndex(e: Expression, index: string): Expression | undefined {
  if (e.type !== "binary" || e.op !== "*") return undefined;
  if (e.left.type === "name" && e.left.id === index) return e.right;
  if (e.right.type === "name" && e.right.id === index) return e.left;
  return undefined;
}

/** `(k + 1)` or `(1 + k)`. */
function isNextIndex(inner: Expression, index: string): boolean {
  if (inner.type !== "binary" || inner.op !== "+") return false;
  const one = (x: Expression) => x.type === "int" && x.value === 1;
  const k = (x: Expression) => x.type === "name" && x.id === index;
  return (k(inner.left) && one(inner.right)) || (one(inner.left) && k(inner.right));
}

/** The parameter a local the function sliced came from: `shuffled_X = X[:, permutation]` keeps X's samples, in another
 *  order. */
function sourceOf(e: Expression, fn: FunctionDefinition): Expression {
  let at = e;
  for (let hop = 0; hop < 3 && at.type === "name"; hop++) {
    const id = at.id;
    if (fn.params.some((p) => p.name === id)) return at;
    const assigned = fn.body.filter((s): s is Extract<Statement, { type: "assign" }> => s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === id);
    if (assigned.length !== 1) return at;
    const value = assigned[0].value;
    at = value.type === "subscript" && value.object.type === "name" && !hasBoundedSlice(value.index) ? value.object : value;
  }
  return at;
}

function hasBoundedSlice(index: Expression): boolean {
  const parts = index.type === "tuple" ? index.items : [index];
  return parts.some((p) => p.type === "slice" && (p.start !== undefined || p.stop !== undefined));
}

/** An expression of the function's parameters in the caller's terms: the argument the call passes, else the default;
 *  an integer stands as it is. */
function callerExpression(e: Expression, fn: FunctionDefinition, call: CallExpression): Expression | undefined {
  if (e.type === "int") return e;
  if (e.type !== "name") return undefined;
  const at = fn.params.findIndex((p) => p.name === e.id);
  if (at < 0 || fn.params[at].kind !== "normal") return undefined;
  const keyword = call.args.find((a) => a.kind === "keyword" && a.name === e.id);
  if (keyword && keyword.kind === "keyword") return keyword.value;
  if (call.args.some((a) => a.kind !== "positional" && a.kind !== "keyword")) return undefined;
  const positional = call.args.filter((a) => a.kind === "positional");
  const passed = positional[at];
  if (passed && passed.kind === "positional") return passed.value;
  return fn.params[at].default;
}
