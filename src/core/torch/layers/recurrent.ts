// nn.RNN / LSTM / GRU and their cells, counted by their matmuls (flops.ts recurrentLayerFlops).
import { NONE, tensor, tuple } from "../../interp/construct";
import { PythonError, type BoundArguments, type LayerInstance, type LayerSpec, type OpContext, type TensorValue, type Value } from "../../interp/values";
import { optionalTensor } from "../args";
import { RECURRENT_GATES, mmFlops, recurrentLayerFlops } from "../flops";
import { DEVICE_DTYPE, defineLayer, input } from "./define";

type Mode = "RNN" | "LSTM" | "GRU";

function gatesOf(mode: Mode): number {
  return mode === "LSTM" ? RECURRENT_GATES.LSTM : mode === "GRU" ? RECURRENT_GATES.GRU : RECURRENT_GATES.RNN_TANH;
}

interface RecurrentConfig {
  inputSize: number;
  hidden: number;
  layers: number;
  bias: boolean;
  batchFirst: boolean;
  directions: number;
  projection: number;
}

function readConfig(a: BoundArguments, mode: Mode): RecurrentConfig {
  const projection = mode === "LSTM" ? a.int("proj_size") : 0;
  const hidden = a.int("hidden_size");
  if (hidden <= 0) throw new PythonError("hidden_size must be greater than 0");
  if (a.int("num_layers") <= 0) throw new PythonError("num_layers must be greater than or equal to 1");
  if (projection < 0) throw new PythonError("proj_size should be a positive integer or zero to disable projections");
  if (projection >= hidden) throw new PythonError("proj_size has to be smaller than hidden_size");
  if (mode === "RNN") {
    const nl = a.str("nonlinearity");
    if (nl !== "tanh" && nl !== "relu") throw new PythonError(`Unknown nonlinearity '${nl}'. Select from 'tanh' or 'relu'.`);
  }
  return {
    inputSize: a.int("input_size"), hidden, layers: a.int("num_layers"), bias: a.bool("bias"), batchFirst: a.bool("batch_first"),
    directions: a.bool("bidirectional") ? 2 : 1, projection,
  };
}

/** Parameters in torch.nn.RNNBase order: per layer and direction w_ih, w_hh, b_ih, b_hh, w_hr. */
function recurrentParameters(c: RecurrentConfig, gates: number): [string, number[] | null][] {
  const out: [string, number[] | null][] = [];
  const real = c.projection > 0 ? c.projection : c.hidden;
  for (let layer = 0; layer < c.layers; layer++) {
    for (let dir = 0; dir < c.directions; dir++) {
      const suffix = `_l${layer}${dir === 1 ? "_reverse" : ""}`;
      const layerInput = layer === 0 ? c.inputSize : real * c.directions;
      out.push([`weight_ih${suffix}`, [gates * c.hidden, layerInput]], [`weight_hh${suffix}`, [gates * c.hidden, real]]);
      if (c.bias) out.push([`bias_ih${suffix}`, [gates * c.hidden]], [`bias_hh${suffix}`, [gates * c.hidden]]);
      if (c.projection > 0) out.push([`weight_hr${suffix}`, [c.projection, c.hidden]]);
    }
  }
  return out;
}

function recurrent(mode: Mode, name: string): LayerSpec {
  const signature = mode === "RNN"
    ? ["input_size", "hidden_size", "num_layers=1", "nonlinearity='tanh'", "bias=True", "batch_first=False", "dropout=0.0", "bidirectional=False", ...DEVICE_DTYPE]
    : mode === "LSTM"
      ? ["input_size", "hidden_size", "num_layers=1", "bias=True", "batch_first=False", "dropout=0.0", "bidirectional=False", "proj_size=0", ...DEVICE_DTYPE]
      : ["input_size", "hidden_size", "num_layers=1", "bias=True", "batch_first=False", "dropout=0.0", "bidirectional=False", ...DEVICE_DTYPE];
  const gates = gatesOf(mode);
  return defineLayer({
    name,
    signature,
    forwardSignature: ["input", "hx=None"],
    build: (a) => ({ parameters: recurrentParameters(readConfig(a, mode), gates) }),
    forward: (layer, args, context) => runRecurrent(layer, mode, gates, input(args, name), args.get("hx"), context),
  });
}

function runRecurrent(layer: LayerInstance, mode: Mode, gates: number, x: TensorValue, hx: Value, context: OpContext): Value {
  const c = readConfig(layer.config, mode);
  const batched = x.shape.length === 3;
  if (!batched && x.shape.length !== 2) throw new PythonError(`${mode}: Expected input to be 2D or 3D, got ${x.shape.length}D tensor instead`);
  // a packed sequence is time-major whatever the layer's batch_first, and its output stays packed
  const batchFirst = c.batchFirst && !x.packed;
  const [steps, batch] = !batched ? [x.shape[0], 1] : batchFirst ? [x.shape[1], x.shape[0]] : [x.shape[0], x.shape[1]];
  const features = x.shape[x.shape.length - 1];
  if (features !== c.inputSize) throw new PythonError(`input.size(-1) must be equal to input_size. Expected ${c.inputSize}, got ${features}`);
  const real = c.projection > 0 ? c.projection : c.hidden;
  checkHidden(hx, mode, c, batch, batched, real);
  const op = c.bias ? "aten.addmm" : "aten.mm";
  for (let l = 0; l < c.layers; l++) {
    const layerInput = l === 0 ? c.inputSize : real * c.directions;
    for (let d = 0; d < c.directions; d++) {
      const f = recurrentLayerFlops(steps, batch, gates, c.hidden, layerInput, c.projection);
      context.addFlops(f.inputFlops, op);
      context.addFlops(f.hiddenFlops, op);
      if (f.projectionFlops) context.addFlops(f.projectionFlops, "aten.mm");
    }
  }
  const outShape = !batched ? [steps, c.directions * real] : batchFirst ? [batch, steps, c.directions * real] : [steps, batch, c.directions * real];
  const stateShape = (size: number) => (batched ? [c.layers * c.directions, batch, size] : [c.layers * c.directions, size]);
  const output: TensorValue = x.packed ? { ...tensor(outShape, x.dtype), packed: true } : tensor(outShape, x.dtype);
  if (mode === "LSTM") return tuple([output, tuple([tensor(stateShape(real), x.dtype), tensor(stateShape(c.hidden), x.dtype)])]);
  return tuple([output, tensor(stateShape(real), x.dtype)]);
}

function checkHidden(hx: Value, mode: Mode, c: RecurrentConfig, batch: number, batched: boolean, real: number): void {
  if (hx.kind === "none") return;
  const states = mode === "LSTM" ? (hx.kind === "tuple" || hx.kind === "list" ? hx.items : []) : [hx];
  if (mode === "LSTM" && states.length !== 2) throw new PythonError("LSTM: hx must be a tuple (h_0, c_0)");
  states.forEach((s, i) => {
    if (s.kind !== "tensor") return;
    const size = mode === "LSTM" && i === 1 ? c.hidden : real;
    const expected = batched ? [c.layers * c.directions, batch, size] : [c.layers * c.directions, size];
    if (s.shape.length !== expected.length || s.shape.some((d, k) => d !== expected[k])) {
      throw new PythonError(`Expected hidden size (${expected.join(", ")}), got [${s.shape.join(", ")}]`);
    }
  });
}

function cell(mode: Mode, name: string): LayerSpec {
  const gates = gatesOf(mode);
  return defineLayer({
    name,
    signature: mode === "RNN" ? ["input_size", "hidden_size", "bias=True", "nonlinearity='tanh'", ...DEVICE_DTYPE] : ["input_size", "hidden_size", "bias=True", ...DEVICE_DTYPE],
    forwardSignature: ["input", "hx=None"],
    build: (a) => {
      const h = a.int("hidden_size");
      const params: [string, number[] | null][] = [["weight_ih", [gates * h, a.int("input_size")]], ["weight_hh", [gates * h, h]]];
      params.push(["bias_ih", a.bool("bias") ? [gates * h] : null], ["bias_hh", a.bool("bias") ? [gates * h] : null]);
      return { parameters: params };
    },
    forward: (layer, args, context) => {
      const x = input(args, name);
      const h = layer.config.int("hidden_size");
      const inputSize = layer.config.int("input_size");
      if (x.shape.length !== 1 && x.shape.length !== 2) throw new PythonError(`${name}: Expected input to be 1D or 2D, got ${x.shape.length}D instead`);
      if (x.shape[x.shape.length - 1] !== inputSize) throw new PythonError(`input has inconsistent input_size: got ${x.shape[x.shape.length - 1]} expected ${inputSize}`);
      const batch = x.shape.length === 2 ? x.shape[0] : 1;
      const hx = mode === "LSTM" ? args.get("hx") : optionalTensor(args, "hx", `${name}.forward`) ?? NONE;
      void hx;
      // The cell's two linears (aten/src/ATen/native/RNN.cpp CellParams::linear_ih / linear_hh).
      const op = layer.config.bool("bias") ? "aten.addmm" : "aten.mm";
      context.addFlops(mmFlops(batch, inputSize, gates * h), op);
      context.addFlops(mmFlops(batch, h, gates * h), op);
      const shape = x.shape.length === 2 ? [batch, h] : [h];
      if (mode === "LSTM") return tuple([tensor(shape, x.dtype), tensor(shape, x.dtype)]);
      return tensor(shape, x.dtype);
    },
  });
}

export const RECURRENT_LAYERS: LayerSpec[] = [
  recurrent("RNN", "RNN"), recurrent("LSTM", "LSTM"), recurrent("GRU", "GRU"),
  cell("RNN", "RNNCell"), cell("LSTM", "LSTMCell"), cell("GRU", "GRUCell"),
];
