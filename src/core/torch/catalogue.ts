// The PyTorch catalogue the interpreter calls: nn layers, torch / F / init functions, tensor methods, operators.
import { bool, float, size, tensor } from "../interp/construct";
import { PythonError, Unresolved, type LayerSpec, type NativeCall, type OpContext, type TensorValue, type Value, UnknownInput } from "../interp/values";
import type { TorchCatalogue } from "../interp/torch-catalogue";
import { device } from "./device";
import { DTYPE_NAMES, dtypeBytes } from "./dtypes";
import { FUNCTIONAL, INITIALISERS } from "./functional";
import { getItem } from "./indexing";
import { ACTIVATION_LAYERS } from "./layers/activation";
import { ATTENTION_LAYERS } from "./layers/attention";
import { CONV_LAYERS } from "./layers/conv";
import { EMBEDDING_LAYERS } from "./layers/embedding";
import { LAZY_LAYERS } from "./layers/lazy";
import { LINEAR_LAYERS } from "./layers/linear";
import { LOSS_LAYERS } from "./layers/loss";
import { NORMALIZATION_LAYERS } from "./layers/normalization";
import { POOLING_LAYERS } from "./layers/pooling";
import { RECURRENT_LAYERS } from "./layers/recurrent";
import { SHAPE_LAYERS } from "./layers/shape-layers";
import { TRANSFORMER_LAYERS, setChildRegistry } from "./layers/transformer";
import { view } from "./ops/define";
import { elementwise, unary } from "./ops/elementwise";
import { matmul } from "./ops/linear-algebra";
import { transpose } from "./ops/shape-ops";
import { numel } from "./shapes";
import { TENSOR_METHODS } from "./tensor-methods";
import { TORCH_FLOAT_CONSTANTS, TORCH_FUNCTIONS } from "./torch-functions";
import { FFT_FUNCTIONS } from "./ops/fft";
import { LINALG_ALIASES, LINALG_SOLVERS } from "./ops/linalg-solvers";

export type { TorchCatalogue };


/** Python operator → element-wise op and result kind. */
const OPERATORS: Record<string, [string, "promote" | "bool" | "float"]> = {
  "+": ["add", "promote"], "-": ["sub", "promote"], "*": ["mul", "promote"], "/": ["div", "float"], "//": ["floor_divide", "promote"],
  "%": ["remainder", "promote"], "**": ["pow", "promote"], "&": ["bitwise_and", "promote"], "|": ["bitwise_or", "promote"], "^": ["bitwise_xor", "promote"],
  "<<": ["bitwise_left_shift", "promote"], ">>": ["bitwise_right_shift", "promote"],
  "<": ["lt", "bool"], "<=": ["le", "bool"], ">": ["gt", "bool"], ">=": ["ge", "bool"], "==": ["eq", "bool"], "!=": ["ne", "bool"],
};

function binaryOperator(op: string, left: Value, right: Value, context: OpContext): Value {
  if (op === "@") {
    if (left.kind !== "tensor" || right.kind !== "tensor") {
      const other = left.kind === "tensor" ? right : left;
      if (other.kind === "unknown") throw new UnknownInput(other);
      throw new PythonError(`unsupported operand type(s) for @: '${left.kind}' and '${right.kind}'`);
    }
    return matmul(left, right, context);
  }
  if ((op === "==" || op === "!=") && (left.kind === "none" || right.kind === "none")) return bool(op === "!=");
  const entry = OPERATORS[op];
  if (!entry) throw new PythonError(`unsupported operator ${op} for tensors`);
  const [name, kind] = entry;
  const result = elementwise(name, [left, right], context, kind);
  // Arithmetic on numpy arrays (and numbers) gives a numpy array: `np.asarray(x) * 255` keeps numpy's methods.
  const arrays = [left, right].filter((v): v is TensorValue => v.kind === "tensor");
  if (result.kind === "tensor" && !result.numpy && arrays.every((a) => a.numpy)) result.numpy = true;
  return result;
}

function unaryOperator(op: "-" | "+" | "~", operand: TensorValue, context: OpContext): Value {
  if (op === "+") return operand;
  if (op === "-") {
    if (operand.dtype === "bool") throw new PythonError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    return unary("neg", operand, context);
  }
  return unary(operand.dtype === "bool" ? "logical_not" : "bitwise_not", operand, context);
}

function tensorAttribute(self: TensorValue, name: string): Value | undefined {
  switch (name) {
    case "shape": return size(self.shape);
    case "dtype": return { kind: "dtype", name: self.dtype };
    case "ndim": return { kind: "int", value: self.shape.length };
    case "T":
      return self.shape.length < 2 ? self : view(self, [...self.shape].reverse(), false);
    case "mT": case "mH":
      if (self.shape.length < 2) throw new PythonError("tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.");
      return transpose(self, -2, -1);
    case "H":
      if (self.shape.length > 2) throw new PythonError("tensor.H is only supported on matrices (2-D tensors)");
      return self.shape.length < 2 ? self : transpose(self, 0, 1);
    case "data": return self;
    case "grad": return { kind: "none" };
    // the analysis models a CPU tensor: every accelerator and layout flag is off
    case "is_cuda": case "is_xpu": case "is_mps": case "is_meta": case "is_mkldnn": case "is_nested": case "is_ipu": case "is_hpu": return bool(false);
    case "is_leaf": return bool(true);
    case "is_sparse": return bool(false);
    case "is_quantized": return bool(false);
    case "requires_grad": return bool(self.parameter?.requiresGrad ?? false);
    // the analysis models CPU tensors (see is_cuda): a tensor is on the CPU however the script moves it
    case "device": return device("cpu");
    case "itemsize": return { kind: "int", value: dtypeBytes(self.dtype) };
    case "nbytes": return { kind: "int", value: dtypeBytes(self.dtype) * numel(self.shape) };
    case "real": case "imag": return tensor(self.shape, self.dtype);
    default: return undefined;
  }
}

/** Builds the catalogue; it holds no state between analyses. */
export function createTorchCatalogue(): TorchCatalogue {
  const layers = new Map<string, LayerSpec>();
  for (const spec of [
    ...LINEAR_LAYERS, ...CONV_LAYERS, ...POOLING_LAYERS, ...NORMALIZATION_LAYERS, ...ACTIVATION_LAYERS, ...SHAPE_LAYERS,
    ...EMBEDDING_LAYERS, ...LOSS_LAYERS, ...RECURRENT_LAYERS, ...ATTENTION_LAYERS, ...TRANSFORMER_LAYERS, ...LAZY_LAYERS,
  ]) layers.set(spec.name, spec);
  setChildRegistry(layers);

  const functions = new Map<string, (call: NativeCall) => Value>();
  for (const [name, f] of Object.entries(TORCH_FUNCTIONS)) functions.set(`torch.${name}`, f);
  for (const [name, f] of Object.entries(FUNCTIONAL)) functions.set(`torch.nn.functional.${name}`, f);
  for (const [name, f] of Object.entries(INITIALISERS)) functions.set(`torch.nn.init.${name}`, f);
  // torch.X aliases of functional ops that PyTorch also exposes at the top level.
  for (const name of [
    "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "max_pool1d", "max_pool2d", "max_pool3d",
    "avg_pool1d", "adaptive_avg_pool1d", "adaptive_max_pool1d", "layer_norm", "batch_norm", "group_norm", "instance_norm", "embedding",
    "pixel_shuffle", "pixel_unshuffle", "selu", "celu", "prelu", "rrelu", "hardshrink", "cosine_similarity", "pairwise_distance", "bilinear",
    "relu_", "selu_", "celu_", "rrelu_", "alpha_dropout", "feature_alpha_dropout", "logsigmoid", "threshold", "threshold_", "softplus", "native_layer_norm", "rms_norm",
  ]) {
    const f = FUNCTIONAL[name];
    if (f && !functions.has(`torch.${name}`)) functions.set(`torch.${name}`, f);
  }
  for (const [name, f] of [["matmul", TORCH_FUNCTIONS.matmul], ["norm", TORCH_FUNCTIONS.norm], ["vector_norm", TORCH_FUNCTIONS.norm], ["vecdot", TORCH_FUNCTIONS.inner]] as const) {
    functions.set(`torch.linalg.${name}`, f);
  }
  for (const name of ["expit", "erf", "erfc", "erfinv", "logit", "sinc", "i0", "log1p", "expm1", "exp2"]) {
    const f = TORCH_FUNCTIONS[name === "expit" ? "sigmoid" : name];
    if (f) functions.set(`torch.special.${name}`, f);
  }
  for (const [name, f] of Object.entries(FFT_FUNCTIONS)) functions.set(`torch.fft.${name}`, f);
  for (const [name, f] of Object.entries(LINALG_SOLVERS)) functions.set(`torch.linalg.${name}`, f);
  for (const [name, f] of Object.entries(LINALG_ALIASES)) if (!functions.has(`torch.${name}`)) functions.set(`torch.${name}`, f);
  functions.set("torch.special.softmax", TORCH_FUNCTIONS.softmax);
  functions.set("torch.special.log_softmax", TORCH_FUNCTIONS.log_softmax);

  const constants = new Map<string, Value>();
  for (const [name, dtype] of Object.entries(DTYPE_NAMES)) constants.set(name, { kind: "dtype", name: dtype });
  for (const [name, value] of Object.entries(TORCH_FLOAT_CONSTANTS)) constants.set(name, float(value));

  return {
    layers,
    functions,
    tensorMethods: new Map(TENSOR_METHODS),
    tensorAttribute,
    binaryOperator,
    unaryOperator,
    getItem,
    constants,
  };
}
