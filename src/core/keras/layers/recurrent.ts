// keras.layers SimpleRNN, LSTM, GRU (weights as keras/src/layers/rnn/*.py create them) and the wrappers
// Bidirectional and TimeDistributed. FLOPs by the project's recurrent convention (src/core/torch/flops.ts
// recurrentLayerFlops, after ATen's RNN.cpp): 2·T·B·G·H·I + 2·T·B·G·H·H per direction.
import { PythonError, Unresolved, type InstanceValue, type OpContext, type TensorValue, type Value } from "../../interp/values";
import { list, str, tensor, tuple } from "../../interp/construct";
import { recurrentLayerFlops } from "../../torch/flops";
import { constructionOf } from "../constructor-args";
import { singleTensor } from "../shapes";
import type { KerasLayer, KerasLayerSpec } from "../spec";

const COMMON = [
  "activation='tanh'", "use_bias=True", "kernel_initializer='glorot_uniform'", "recurrent_initializer='orthogonal'", "bias_initializer='zeros'",
  "kernel_regularizer=None", "recurrent_regularizer=None", "bias_regularizer=None", "activity_regularizer=None", "kernel_constraint=None",
  "recurrent_constraint=None", "bias_constraint=None", "dropout=0.0", "recurrent_dropout=0.0", "return_sequences=False", "return_state=False",
  "go_backwards=False", "stateful=False", "unroll=False", "seed=None",
];

type Cell = "SimpleRNN" | "LSTM" | "GRU";
const GATES: Record<Cell, number> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };

function sequence(inputs: Value, name: string): { x: TensorValue; batch: number; steps: number; features: number } {
  const x = singleTensor(inputs, name);
  if (x.shape.length !== 3) throw new PythonError(`Input 0 of layer "${name}" is incompatible with the layer: expected ndim=3, found ndim=${x.shape.length}. Full shape received: (${x.shape.join(", ")})`);
  return { x, batch: x.shape[0], steps: x.shape[1], features: x.shape[2] };
}

function recurrent(cell: Cell): KerasLayerSpec {
  const extra = cell === "LSTM" ? ["recurrent_activation='sigmoid'", "unit_forget_bias=True"] : cell === "GRU" ? ["recurrent_activation='sigmoid'", "reset_after=True", "use_cudnn='auto'"] : [];
  const gates = GATES[cell];
  return {
    name: cell,
    signature: ["units", ...COMMON, ...extra],
    build(layer, inputs, host) {
      const { features } = sequence(inputs, cell);
      const units = layer.config.int("units");
      host.addWeight("kernel", [features, gates * units]);
      host.addWeight("recurrent_kernel", [units, gates * units]);
      if (layer.config.bool("use_bias")) {
        // GRU with reset_after keeps separate input and recurrent biases: shape (2, 3·units).
        const doubled = cell === "GRU" && layer.config.bool("reset_after");
        host.addWeight("bias", doubled ? [2, gates * units] : [gates * units]);
      }
    },
    call(layer, inputs, _kwargs, context) {
      const { x, batch, steps, features } = sequence(inputs, cell);
      const units = layer.config.int("units");
      const op = layer.config.bool("use_bias") ? "aten.addmm" : "aten.mm";
      const f = recurrentLayerFlops(steps, batch, gates, units, features, 0);
      context.addFlops(f.inputFlops, op);
      context.addFlops(f.hiddenFlops, op);
      const output = tensor(layer.config.bool("return_sequences") ? [batch, steps, units] : [batch, units], x.dtype);
      if (!layer.config.bool("return_state")) return output;
      const states = cell === "LSTM" ? [tensor([batch, units]), tensor([batch, units])] : [tensor([batch, units])];
      return list([output, ...states]);
    },
  };
}

/** The child layer slot of a wrapper. */
function childOf(layer: KerasLayer, name: string): InstanceValue {
  const c = layer.self.module?.children.get(name);
  if (!c || c.kind !== "instance") throw new Unresolved(`${name} of ${layer.self.cls.name} is not built`);
  return c;
}

function mergeOutputs(mode: string, a: TensorValue, b: TensorValue, context: OpContext): Value {
  if (mode === "concat") {
    context.addFlops(0, "aten.cat");
    return tensor([...a.shape.slice(0, -1), a.shape[a.shape.length - 1] + b.shape[b.shape.length - 1]], a.dtype);
  }
  if (mode === "sum" || mode === "ave" || mode === "mul") {
    context.addFlops(0, mode === "mul" ? "aten.mul" : "aten.add");
    return tensor(a.shape, a.dtype);
  }
  throw new PythonError(`Invalid merge mode. Merge mode should be one of {"sum", "mul", "ave", "concat", None}. Received: merge_mode=${mode}`);
}

const Bidirectional: KerasLayerSpec = {
  name: "Bidirectional",
  signature: ["layer", "merge_mode='concat'", "weights=None", "backward_layer=None"],
  build(layer, _inputs, host) {
    const forward = layer.config.get("layer");
    if (forward.kind !== "instance") throw new Unresolved("Bidirectional of something that is not a layer");
    let backward = layer.config.get("backward_layer");
    if (backward.kind === "none") {
      // Keras builds the backward direction from the forward layer's config (go_backwards flipped).
      const made = constructionOf(forward);
      if (!made) throw new Unresolved("Bidirectional: cannot copy a layer the analyzer did not construct");
      const kwargs = new Map(made.kwargs);
      kwargs.set("name", str(`backward_${forward.attributes.get("name")?.kind === "str" ? (forward.attributes.get("name") as { value: string }).value : "layer"}`));
      backward = host.call(forward.cls, made.args, kwargs);
    }
    if (backward.kind !== "instance") throw new Unresolved("Bidirectional: backward layer is not a layer");
    host.addChild("forward_layer", forward);
    host.addChild("backward_layer", backward);
  },
  call(layer, inputs, kwargs, context) {
    const forward = context.callValue(childOf(layer, "forward_layer"), [inputs], kwargs);
    const backward = context.callValue(childOf(layer, "backward_layer"), [inputs], kwargs);
    const mode = layer.config.get("merge_mode");
    const outputOf = (v: Value): TensorValue => singleTensor(v.kind === "list" || v.kind === "tuple" ? v.items[0] : v, "Bidirectional");
    const states = (v: Value): Value[] => (v.kind === "list" || v.kind === "tuple" ? v.items.slice(1) : []);
    if (mode.kind === "none") return list([outputOf(forward), outputOf(backward), ...states(forward), ...states(backward)]);
    if (mode.kind !== "str") throw new Unresolved("Bidirectional merge_mode is not a string");
    const merged = mergeOutputs(mode.value, outputOf(forward), outputOf(backward), context);
    const s = [...states(forward), ...states(backward)];
    return s.length > 0 ? list([merged, ...s]) : merged;
  },
};

/** keras.layers.TimeDistributed: the inner layer over batch·time samples. */
const TimeDistributed: KerasLayerSpec = {
  name: "TimeDistributed",
  signature: ["layer"],
  build(layer, _inputs, host) {
    const inner = layer.config.get("layer");
    if (inner.kind !== "instance") throw new Unresolved("TimeDistributed of something that is not a layer");
    host.addChild("layer", inner);
  },
  call(layer, inputs, kwargs, context) {
    const x = singleTensor(inputs, "TimeDistributed");
    if (x.shape.length < 3) throw new PythonError(`TimeDistributed requires an input of at least rank 3, got (${x.shape.join(", ")})`);
    const [batch, steps] = x.shape;
    const out = context.callValue(childOf(layer, "layer"), [tensor([batch * steps, ...x.shape.slice(2)], x.dtype)], kwargs);
    const y = singleTensor(out, "TimeDistributed");
    return tensor([batch, steps, ...y.shape.slice(1)], y.dtype);
  },
};

export const RECURRENT_LAYERS: KerasLayerSpec[] = [recurrent("SimpleRNN"), recurrent("LSTM"), recurrent("GRU"), Bidirectional, TimeDistributed];

void tuple;
