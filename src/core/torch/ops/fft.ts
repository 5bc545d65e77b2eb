// torch.fft (docs.pytorch.org/docs/stable/fft.html) as shapes: spectral layers (Fourier neural operators, FFC, global
// filter networks) transform, scale and transform back. A complex result is kept as its real-valued shape, as
// complex.ts keeps complex views; torch.utils.flop_counter counts no FLOPs for FFTs, so neither does this.
import { toInts } from "../../interp/construct";
import { PythonError, type BoundArguments, type OpContext, type TensorValue, type Value } from "../../interp/values";
import { dimsArg, optionalInt, tensorArg } from "../args";
import { normalizeDim } from "../shapes";
import { defineOp, emit } from "./define";

/** How a transform changes the length of its last transformed dimension from n (its output length when not given). */
type Kind = "same" | "half" | "full";

/** The output length of the last transformed dimension: rfft keeps n//2+1 of n, irfft/hfft make 2*(m-1) of m. */
function lastLength(kind: Kind, inputLength: number, requested: number | undefined): number {
  if (kind === "same") return requested ?? inputLength;
  if (kind === "half") return Math.floor((requested ?? inputLength) / 2) + 1;
  return requested ?? 2 * (inputLength - 1);
}

function transformed(x: TensorValue, dims: number[], sizes: (number | undefined)[], kind: Kind, c: OpContext, op: string): TensorValue {
  const shape = [...x.shape];
  dims.forEach((d, i) => {
    const last = i === dims.length - 1;
    shape[d] = last ? lastLength(kind, x.shape[d], sizes[i]) : (sizes[i] ?? x.shape[d]);
    if (shape[d] <= 0) throw new PythonError(`${op}: invalid number of data points (${shape[d]}) specified`);
  });
  return emit(c, `aten.${op}`, 0, shape, x.dtype);
}

/** fft / ifft / rfft / irfft / hfft / ihfft: one dimension, `n` points. */
function oneDimensional(op: string, kind: Kind) {
  return defineOp(`torch.fft.${op}`, ["input", "n=None", "dim=-1", "norm=None", "out=None"], (a: BoundArguments, c: OpContext) => {
    const x = tensorArg(a, "input", op);
    return transformed(x, [normalizeDim(a.int("dim"), x.shape.length)], [optionalInt(a, "n")], kind, c, op);
  });
}

/** The 2-D and n-D forms: `s` sizes over `dim` (the last two, or every dimension, or the last len(s)). */
function multiDimensional(op: string, kind: Kind, defaultDims: "two" | "all") {
  return defineOp(`torch.fft.${op}`, ["input", "s=None", `dim=${defaultDims === "two" ? "(-2, -1)" : "None"}`, "norm=None", "out=None"], (a: BoundArguments, c: OpContext) => {
    const x = tensorArg(a, "input", op);
    const sizes = a.isNone("s") ? undefined : toInts(a.get("s") as Value);
    const rank = x.shape.length;
    const dims = dimsArg(a, "dim", rank) ?? (sizes ? sizes.map((_, i) => rank - sizes.length + i) : x.shape.map((_, i) => i));
    return transformed(x, dims, dims.map((_, i) => sizes?.[i]), kind, c, op);
  });
}

/** fftshift / ifftshift: a roll, the same shape. */
const shift = (op: string) => defineOp(`torch.fft.${op}`, ["input", "dim=None"], (a: BoundArguments, c: OpContext) => {
  const x = tensorArg(a, "input", op);
  return emit(c, `aten.${op}`, 0, [...x.shape], x.dtype);
});

/** The sample frequencies: n of them, or n//2+1 for the real transform's. */
const frequencies = (op: string, half: boolean) => defineOp(`torch.fft.${op}`, ["n", "d=1.0", "out=None", "dtype=None", "layout=None", "device=None", "requires_grad=False"], (a: BoundArguments, c: OpContext) => {
  const n = a.int("n");
  return emit(c, `aten.${op}`, 0, [half ? Math.floor(n / 2) + 1 : n], "float32");
});

/** torch.fft's functions by name. */
export const FFT_FUNCTIONS = {
  fft: oneDimensional("fft", "same"),
  ifft: oneDimensional("ifft", "same"),
  rfft: oneDimensional("rfft", "half"),
  irfft: oneDimensional("irfft", "full"),
  hfft: oneDimensional("hfft", "full"),
  ihfft: oneDimensional("ihfft", "half"),
  fft2: multiDimensional("fft2", "same", "two"),
  ifft2: multiDimensional("ifft2", "same", "two"),
  rfft2: multiDimensional("rfft2", "half", "two"),
  irfft2: multiDimensional("irfft2", "full", "two"),
  fftn: multiDimensional("fftn", "same", "all"),
  ifftn: multiDimensional("ifftn", "same", "all"),
  rfftn: multiDimensional("rfftn", "half", "all"),
  irfftn: multiDimensional("irfftn", "full", "all"),
  fftshift: shift("fftshift"),
  ifftshift: shift("ifftshift"),
  fftfreq: frequencies("fftfreq", false),
  rfftfreq: frequencies("rfftfreq", true),
};
