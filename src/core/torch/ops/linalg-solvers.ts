// torch.linalg's solvers and inverses as shapes (docs.pytorch.org/docs/stable/linalg.html): models fit spline
// coefficients with lstsq when they initialise (KANs), or invert a small matrix in a flow layer. torch.utils.flop_counter
// has no formula for any of them, so they count no FLOPs here either.
import { tuple } from "../../interp/construct";
import { PythonError, type BoundArguments, type OpContext, type TensorValue, type Value } from "../../interp/values";
import { tensorArg } from "../args";
import { broadcastShapes } from "../shapes";
import { defineOp, emit } from "./define";

/** The matrix dims [rows, cols] and batch dims of an argument that must be at least 2-D. */
function matrix(x: TensorValue, op: string): { batch: number[]; rows: number; cols: number } {
  if (x.shape.length < 2) throw new PythonError(`linalg.${op}: The input tensor A must have at least 2 dimensions.`);
  return { batch: x.shape.slice(0, -2), rows: x.shape[x.shape.length - 2], cols: x.shape[x.shape.length - 1] };
}

function square(x: TensorValue, op: string): { batch: number[]; n: number } {
  const { batch, rows, cols } = matrix(x, op);
  if (rows !== cols) throw new PythonError(`linalg.${op}: A must be batches of square matrices, but they are ${rows} by ${cols} matrices`);
  return { batch, n: rows };
}

/** lstsq(A (*, m, n), B (*, m, k)) → (solution (*, n, k), residuals, rank, singular_values) as the default CPU driver (gelsy) leaves them. */
const lstsq = defineOp("torch.linalg.lstsq", ["A", "B", "rcond=None", "driver=None"], (a: BoundArguments, c: OpContext): Value => {
  const A = tensorArg(a, "A", "lstsq");
  const B = tensorArg(a, "B", "lstsq");
  const { batch, rows, cols } = matrix(A, "lstsq");
  const b = matrix(B, "lstsq");
  if (b.rows !== rows) throw new PythonError(`torch.linalg.lstsq: input.size(-2) should match other.size(-2)`);
  const batchShape = broadcastShapes(batch, b.batch);
  const solution = emit(c, "aten.linalg_lstsq", 0, [...batchShape, cols, b.cols], A.dtype);
  return Object.assign(tuple([solution, emit(c, "aten.empty", 0, [0], A.dtype), emit(c, "aten.empty", 0, batchShape, "int64"), emit(c, "aten.empty", 0, [0], A.dtype)]), {
    fields: ["solution", "residuals", "rank", "singular_values"],
  });
});

/** solve(A (*, n, n), B (*, n, k) or (*, n)): the shape of B with the batch dims broadcast. */
const solve = defineOp("torch.linalg.solve", ["A", "B", "left=True", "out=None"], (a: BoundArguments, c: OpContext) => {
  const A = tensorArg(a, "A", "solve");
  const B = tensorArg(a, "B", "solve");
  const { batch, n } = square(A, "solve");
  const vector = B.shape.length === 1 || (B.shape.length === A.shape.length - 1 && B.shape[B.shape.length - 1] === n);
  const tail = vector ? [n] : B.shape.slice(-2);
  if (tail[0] !== n && a.bool("left")) throw new PythonError(`linalg.solve: Incompatible shapes of A and B for the equation AX = B (${A.shape.join("x")} and ${B.shape.join("x")})`);
  const batchShape = broadcastShapes(batch, B.shape.slice(0, B.shape.length - tail.length));
  return emit(c, "aten.linalg_solve", 0, [...batchShape, ...tail], A.dtype);
});

const inv = (name: string) => defineOp(name, ["A", "out=None"], (a: BoundArguments, c: OpContext) => {
  const A = tensorArg(a, "A", "inv");
  square(A, "inv");
  return emit(c, "aten.linalg_inv", 0, [...A.shape], A.dtype);
});

const pinv = (name: string) => defineOp(name, ["A", "rcond=None", "hermitian=False", "atol=None", "rtol=None", "out=None"], (a: BoundArguments, c: OpContext) => {
  const A = tensorArg(a, "A", "pinv");
  const { batch, rows, cols } = matrix(A, "pinv");
  return emit(c, "aten.linalg_pinv", 0, [...batch, cols, rows], A.dtype);
});

const det = (name: string) => defineOp(name, ["A", "out=None"], (a: BoundArguments, c: OpContext) => {
  const A = tensorArg(a, "A", "det");
  return emit(c, "aten.linalg_det", 0, square(A, "det").batch, A.dtype);
});

/** torch.linalg's solvers by name. */
export const LINALG_SOLVERS = { lstsq, solve, inv: inv("torch.linalg.inv"), pinv: pinv("torch.linalg.pinv"), det: det("torch.linalg.det") };

/** Their older top-level names: torch.inverse, torch.pinverse, torch.det. */
export const LINALG_ALIASES = { inverse: inv("torch.inverse"), pinverse: pinv("torch.pinverse"), det: det("torch.det") };
