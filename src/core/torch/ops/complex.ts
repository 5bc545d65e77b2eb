// Complex views as rotary position code uses them (LLaMA's freqs_cis): the analyzer has no complex dtype, so a
// complex tensor is kept as its real-valued shape without the trailing (real, imaginary) pair. Element-wise complex
// products then cost 0 FLOPs, as element-wise ops do under torch.utils.flop_counter.
import { PythonError } from "../../interp/values";
import { tensorArg } from "../args";
import { broadcastShapes } from "../shapes";
import { defineOp, emit, view, type OpImpl } from "./define";

/** torch.view_as_complex(x): x's last dimension of 2 becomes one complex element. */
export const viewAsComplex: OpImpl = defineOp("torch.view_as_complex", ["input"], (a) => {
  const x = tensorArg(a, "input", "view_as_complex");
  if (x.shape[x.shape.length - 1] !== 2) throw new PythonError(`view_as_complex: the last dimension must be 2, got shape [${x.shape.join(", ")}]`);
  return view(x, x.shape.slice(0, -1), true);
});

/** torch.view_as_real(z): each complex element becomes a trailing (real, imaginary) pair. */
export const viewAsReal: OpImpl = defineOp("torch.view_as_real", ["input"], (a) => {
  const z = tensorArg(a, "input", "view_as_real");
  return view(z, [...z.shape, 2], true);
});

/** torch.polar(abs, angle): a complex tensor of their broadcast shape. */
export const polar: OpImpl = defineOp("torch.polar", ["abs", "angle"], (a, c) => {
  const magnitude = tensorArg(a, "abs", "polar");
  const angle = tensorArg(a, "angle", "polar");
  return emit(c, "aten.polar", 0, broadcastShapes(magnitude.shape, angle.shape), magnitude.dtype);
});

/** torch.complex(real, imag): same as polar for shapes. */
export const complexFromParts: OpImpl = defineOp("torch.complex", ["real", "imag"], (a, c) => {
  const re = tensorArg(a, "real", "complex");
  const im = tensorArg(a, "imag", "complex");
  return emit(c, "aten.complex", 0, broadcastShapes(re.shape, im.shape), re.dtype);
});
