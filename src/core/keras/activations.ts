// Keras activation identifiers ("relu", "softmax", ...) as the aten ops PyTorch runs for them. Activations cost
// 0 FLOPs under the project's convention (torch.utils.flop_counter counts none); they are recorded so the
// energy model sees their memory traffic.
import { PythonError, type OpContext, type TensorValue, type Value } from "../interp/values";
import { tensor } from "../interp/construct";

/** Keras activation name → the aten op PyTorch records for the same function. */
const ACTIVATION_OPS: Record<string, string | null> = {
  linear: null,
  relu: "aten.relu",
  relu6: "aten.hardtanh",
  sigmoid: "aten.sigmoid",
  tanh: "aten.tanh",
  softmax: "aten._softmax",
  log_softmax: "aten._log_softmax",
  gelu: "aten.gelu",
  silu: "aten.silu",
  swish: "aten.silu",
  elu: "aten.elu",
  selu: "aten.elu",
  softplus: "aten.softplus",
  softsign: "aten.softsign",
  hard_sigmoid: "aten.hardsigmoid",
  hard_silu: "aten.hardswish",
  hard_swish: "aten.hardswish",
  leaky_relu: "aten.leaky_relu",
  mish: "aten.mish",
  exponential: "aten.exp",
};

/** Names Keras accepts as activation identifiers. */
export const ACTIVATION_NAMES = Object.keys(ACTIVATION_OPS);

/** Records an activation by name on a tensor of this shape (no FLOPs) and returns the result. */
export function activationByName(name: string, x: TensorValue, context: OpContext): TensorValue {
  if (!(name in ACTIVATION_OPS)) throw new PythonError(`Could not interpret activation function identifier: ${name}`);
  const op = ACTIVATION_OPS[name];
  if (op === null) return x;
  context.addFlops(0, op);
  return tensor(x.shape, x.dtype);
}

/** Applies a layer's `activation=` argument: a name, None, or a callable (called through the interpreter). */
export function applyActivation(activation: Value, x: TensorValue, context: OpContext): Value {
  if (activation.kind === "none") return x;
  if (activation.kind === "str") return activationByName(activation.value, x, context);
  return context.callValue(activation, [x]);
}
