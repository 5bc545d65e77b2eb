// torch.nn.utils.weight_norm / spectral_norm (torch/nn/utils/weight_norm.py, spectral_norm.py, PyTorch 1.13): both
// replace a layer's parameter by others and recompute the original as a plain tensor attribute before each forward.
// weight_norm: `weight` becomes `weight_g` (the weight's size along `dim`, ones elsewhere; a scalar when dim is None)
// and `weight_v` (the weight's shape), so the layer gains one parameter per output channel. spectral_norm: `weight`
// becomes `weight_orig` plus the power-iteration buffers `weight_u` (size along dim) and `weight_v` (the rest).
import { bindArguments, tensor } from "../interp/construct";
import { PythonError, UnknownInput, type InstanceValue, type NativeCall, type TensorValue, type Value } from "../interp/values";
import { normalizeDim, numel } from "./shapes";

function target(call: NativeCall, what: string, signature: string[]): { module: InstanceValue; name: string; dim: number | null; weight: TensorValue } | undefined {
  const a = bindArguments(signature, call.args, call.kwargs, what);
  const module = a.get("module");
  // a layer the analyzer could not build stays that gap, noted where it arose (not a failed model)
  if (module.kind === "unknown") throw new UnknownInput(module);
  if (module.kind !== "instance" || !module.module) throw new PythonError(`${what}: module must be an nn.Module`);
  const name = a.str("name");
  const weight = module.module.parameters.get(name);
  if (!weight || weight.kind !== "tensor") throw new PythonError(`${what}: module has no parameter '${name}'`);
  const dim = a.isNone("dim") ? null : normalizeDim(a.int("dim"), weight.shape.length);
  return { module, name, dim, weight };
}

/** Moves the original weight off the parameter list to a plain attribute, as the hook's first compute does. */
function detachWeight(module: InstanceValue, name: string, weight: TensorValue): void {
  module.module!.parameters.delete(name);
  module.attributes.set(name, tensor(weight.shape, weight.dtype));
}

/** torch.nn.utils.weight_norm(module, name='weight', dim=0). */
export function weightNorm(call: NativeCall): Value {
  const t = target(call, "weight_norm", ["module", "name='weight'", "dim=0"])!;
  const { module, name, dim, weight } = t;
  detachWeight(module, name, weight);
  const g = dim === null ? [] : weight.shape.map((d, i) => (i === dim ? d : 1));
  module.module!.parameters.set(`${name}_g`, call.context.parameter(g));
  module.module!.parameters.set(`${name}_v`, call.context.parameter(weight.shape));
  return module;
}

/** torch.nn.utils.spectral_norm(module, name='weight', n_power_iterations=1, eps=1e-12, dim=None). */
export function spectralNorm(call: NativeCall): Value {
  const a = bindArguments(["module", "name='weight'", "n_power_iterations=1", "eps=1e-12", "dim=None"], call.args, call.kwargs, "spectral_norm");
  const module = a.get("module");
  // ConvTranspose layers keep output channels in dim 1; every other layer in dim 0 (spectral_norm's default).
  const defaultDim = module.kind === "instance" && /^ConvTranspose/.test(module.module?.typeName ?? "") ? 1 : 0;
  const t = target({ ...call, kwargs: new Map([...call.kwargs, ["dim", a.isNone("dim") ? { kind: "int", value: defaultDim } : a.get("dim")]]) }, "spectral_norm", ["module", "name='weight'", "n_power_iterations=1", "eps=1e-12", "dim=None"])!;
  const { name, weight } = t;
  const dim = t.dim ?? defaultDim;
  detachWeight(t.module, name, weight);
  const h = weight.shape[dim] ?? 1;
  t.module.module!.parameters.set(`${name}_orig`, call.context.parameter(weight.shape));
  t.module.module!.buffers.set(`${name}_u`, tensor([h], weight.dtype));
  t.module.module!.buffers.set(`${name}_v`, tensor([numel(weight.shape) / h], weight.dtype));
  return t.module;
}
