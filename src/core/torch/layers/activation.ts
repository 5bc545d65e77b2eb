// Activation modules (nn.ReLU, GELU, Softmax, PReLU, ...): same shape out, 0 FLOPs (flop_counter.py counts none).
import { PythonError, type LayerSpec } from "../../interp/values";
import { normalizeDim } from "../shapes";
import { emit } from "../ops/define";
import { unary } from "../ops/elementwise";
import { defineLayer, input, parameter, DEVICE_DTYPE } from "./define";

/** The dim PyTorch picks when softmax gets dim=None (torch.nn.functional._get_softmax_dim). */
export function implicitSoftmaxDim(rank: number): number {
  return rank === 0 || rank === 1 || rank === 3 ? 0 : 1;
}

function elementwiseActivation(name: string, op: string, signature: string[]): LayerSpec {
  return defineLayer({
    name,
    signature,
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const x = input(args, name);
      const inplace = layer.config.has("inplace") && layer.config.bool("inplace");
      if (inplace) {
        context.addFlops(0, `aten.${op}_`);
        return x;
      }
      return unary(op, x, context);
    },
  });
}

function softmaxLike(name: string, op: string): LayerSpec {
  return defineLayer({
    name,
    signature: ["dim=None"],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const x = input(args, name);
      const dim = layer.config.isNone("dim") ? implicitSoftmaxDim(x.shape.length) : layer.config.int("dim");
      normalizeDim(dim, x.shape.length);
      return emit(context, `aten.${op}`, 0, x.shape, x.dtype);
    },
  });
}

export const PReLU = defineLayer({
  name: "PReLU",
  signature: ["num_parameters=1", "init=0.25", ...DEVICE_DTYPE],
  build: (a) => ({ parameters: [["weight", [a.int("num_parameters")]]] }),
  forward: (layer, args, context) => {
    const x = input(args, "PReLU");
    const n = parameter(layer, "weight")?.shape[0] ?? 1;
    const channels = x.shape.length >= 2 ? x.shape[1] : x.shape[0] ?? 1;
    if (n !== 1 && n !== channels) throw new PythonError(`Mismatch of parameter numbers and input channel size. Found parameter numbers = ${n} and channel size = ${channels}.`);
    return emit(context, "aten._prelu_kernel", 0, x.shape, x.dtype);
  },
});

export const GLU = defineLayer({
  name: "GLU",
  signature: ["dim=-1"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => {
    const x = input(args, "GLU");
    const d = normalizeDim(layer.config.int("dim"), x.shape.length);
    if (x.shape[d] % 2 !== 0) throw new PythonError(`Halving dimension must be even, but dimension ${d} is size ${x.shape[d]}`);
    return emit(context, "aten.glu", 0, x.shape.map((s, i) => (i === d ? s / 2 : s)), x.dtype);
  },
});

export const Softmax2d = defineLayer({
  name: "Softmax2d",
  signature: [],
  build: () => ({ parameters: [] }),
  forward: (_layer, args, context) => {
    const x = input(args, "Softmax2d");
    if (x.shape.length !== 3 && x.shape.length !== 4) throw new PythonError(`Softmax2d: expected input to be 3D or 4D, got ${x.shape.length}D instead`);
    return emit(context, "aten._softmax", 0, x.shape, x.dtype);
  },
});

const INPLACE = ["inplace=False"];
export const ACTIVATION_LAYERS: LayerSpec[] = [
  elementwiseActivation("ReLU", "relu", INPLACE),
  elementwiseActivation("ReLU6", "hardtanh", INPLACE),
  elementwiseActivation("LeakyReLU", "leaky_relu", ["negative_slope=0.01", ...INPLACE]),
  elementwiseActivation("ELU", "elu", ["alpha=1.0", ...INPLACE]),
  elementwiseActivation("CELU", "celu", ["alpha=1.0", ...INPLACE]),
  elementwiseActivation("SELU", "elu", INPLACE),
  elementwiseActivation("GELU", "gelu", ["approximate='none'"]),
  elementwiseActivation("SiLU", "silu", INPLACE),
  elementwiseActivation("Mish", "mish", INPLACE),
  elementwiseActivation("Sigmoid", "sigmoid", []),
  elementwiseActivation("Tanh", "tanh", []),
  elementwiseActivation("Hardtanh", "hardtanh", ["min_val=-1.0", "max_val=1.0", ...INPLACE, "min_value=None", "max_value=None"]),
  elementwiseActivation("Hardswish", "hardswish", INPLACE),
  elementwiseActivation("Hardsigmoid", "hardsigmoid", INPLACE),
  elementwiseActivation("Softplus", "softplus", ["beta=1.0", "threshold=20.0"]),
  elementwiseActivation("Softsign", "softsign", []),
  elementwiseActivation("Softshrink", "softshrink", ["lambd=0.5"]),
  elementwiseActivation("Hardshrink", "hardshrink", ["lambd=0.5"]),
  elementwiseActivation("Tanhshrink", "tanhshrink", []),
  elementwiseActivation("LogSigmoid", "log_sigmoid_forward", []),
  elementwiseActivation("Threshold", "threshold", ["threshold", "value", ...INPLACE]),
  elementwiseActivation("RReLU", "rrelu_with_noise", ["lower=0.125", "upper=0.3333333333333333", ...INPLACE]),
  softmaxLike("Softmax", "_softmax"),
  softmaxLike("LogSoftmax", "_log_softmax"),
  softmaxLike("Softmin", "_softmax"),
  PReLU, GLU, Softmax2d,
];
