// The functional API's graph: every Keras layer call records which layer made which output tensors, so
// Model(inputs, outputs) can find the calls between them and replay them as its forward (FLOPs are then
// counted once, while the analyzer records forward, and shared layers count once per call).
import { list, tuple } from "../interp/construct";
import { PythonError, type InstanceValue, type TensorValue, type UnknownValue, type Value } from "../interp/values";

/** One call of a layer (or an operator on Keras tensors, `run`): its arguments as given and the output it produced. */
export interface LayerCall {
  layer?: InstanceValue;
  /** For operators between layers (`inputs + x`): reruns the operator on new operands. */
  run?: (args: Value[], kwargs: Map<string, Value>) => Value;
  args: Value[];
  kwargs: Map<string, Value>;
  output: Value;
}

/** A functional model's graph: its input and output structures and the layer calls between them, in order. */
export interface FunctionalGraph {
  inputs: Value;
  outputs: Value;
  inputTensors: TensorValue[];
  calls: LayerCall[];
  /** Tensors the graph uses that no layer call made (raw ops on Keras tensors): their cost is not counted. */
  orphans: TensorValue[];
}

// Tensors are plain objects; a layer's outputs are fresh objects (see freshOutputs), so identity names them.
const producers = new WeakMap<TensorValue, LayerCall>();
// keras.Input() tensors: operators on them belong to the graph too.
const symbolicInputs = new WeakSet<TensorValue>();

/** Marks a tensor made by keras.Input(). */
export function markSymbolicInput(t: TensorValue): TensorValue {
  symbolicInputs.add(t);
  return t;
}

function isKerasTensor(v: Value): boolean {
  return v.kind === "tensor" && (producers.has(v) || symbolicInputs.has(v));
}

/** Records a function on Keras tensors (keras.ops.reshape(x, ...)) as a graph node that replay reruns. */
export function recordFunction(args: Value[], kwargs: Map<string, Value>, result: Value, rerun: (args: Value[], kwargs: Map<string, Value>) => Value): void {
  const ins = [...args.flatMap(tensorsOf), ...[...kwargs.values()].flatMap(tensorsOf)];
  if (!ins.some(isKerasTensor)) return;
  const outs = tensorsOf(result).filter((t) => !ins.includes(t));
  if (outs.length === 0) return;
  const call: LayerCall = { args, kwargs, output: result, run: rerun };
  for (const t of outs) producers.set(t, call);
}

/** Records a binary operator on Keras tensors (a residual `inputs + x`) as a graph node that replay reruns. */
export function recordOperator(left: Value, right: Value, result: Value, rerun: (left: Value, right: Value) => Value): void {
  if (result.kind !== "tensor" || result === left || result === right) return;
  if (!isKerasTensor(left) && !isKerasTensor(right)) return;
  producers.set(result, { args: [left, right], kwargs: new Map(), output: result, run: (args) => rerun(args[0], args[1]) });
}

/** Tensors of a nested structure (tensor, list, tuple, dict values) in order. */
export function tensorsOf(v: Value): TensorValue[] {
  if (v.kind === "tensor") return [v];
  if (v.kind === "list" || v.kind === "tuple") return v.items.flatMap(tensorsOf);
  if (v.kind === "dict") return [...v.entries.values()].flatMap((e) => tensorsOf(e.value));
  return [];
}

/** A copy of a layer's output whose tensors are new objects, so each call's outputs have their own identity. */
export function freshOutputs(v: Value): Value {
  if (v.kind === "tensor") return { ...v, parameter: undefined };
  if (v.kind === "list") return list(v.items.map(freshOutputs));
  if (v.kind === "tuple") return { ...tuple(v.items.map(freshOutputs)), isSize: v.isSize };
  return v;
}

/** Remembers that this call produced its output tensors. */
export function recordCall(call: LayerCall): void {
  for (const t of tensorsOf(call.output)) producers.set(t, call);
}

/** The unknown values among a model's inputs (one, or in a list, tuple or dict). */
function unknownsOf(v: Value): UnknownValue[] {
  if (v.kind === "unknown") return [v];
  if (v.kind === "list" || v.kind === "tuple") return v.items.flatMap(unknownsOf);
  return [];
}

/** Walks back from the outputs to the inputs: the layer calls between them in a valid execution order. */
export function traceGraph(inputs: Value, outputs: Value): FunctionalGraph {
  const inputTensors = tensorsOf(inputs);
  if (inputTensors.length === 0) {
    // Most often the Input's shape comes from data the analyzer does not read (Input(shape=X_train.shape[1:])):
    // say why, rather than only that the input is not a tensor.
    const unknownInput = unknownsOf(inputs)[0];
    if (unknownInput) throw new PythonError(`Model(inputs, outputs): the input is unknown (${unknownInput.reason}); its shape likely comes from data the analyzer does not read`);
    throw new PythonError("Model(inputs, outputs): inputs must be Keras tensors (keras.Input(shape=...))");
  }
  const inputSet = new Set(inputTensors);
  const calls: LayerCall[] = [];
  const visited = new Set<LayerCall>();
  const orphans: TensorValue[] = [];
  // Iterative depth-first post-order: deep networks (DenseNet, ResNet152) have chains of hundreds of layers.
  const stack: { call: LayerCall; expanded: boolean }[] = [];
  const push = (t: TensorValue) => {
    if (inputSet.has(t)) return;
    const call = producers.get(t);
    if (!call) {
      if (!orphans.includes(t)) orphans.push(t);
      return;
    }
    if (!visited.has(call)) stack.push({ call, expanded: false });
  };
  for (const t of tensorsOf(outputs)) {
    push(t);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (visited.has(top.call)) {
        stack.pop();
        continue;
      }
      if (!top.expanded) {
        top.expanded = true;
        const ins = [...top.call.args.flatMap(tensorsOf), ...[...top.call.kwargs.values()].flatMap(tensorsOf)];
        for (const x of ins.reverse()) push(x);
        continue;
      }
      stack.pop();
      visited.add(top.call);
      calls.push(top.call);
    }
  }
  return { inputs, outputs, inputTensors, calls, orphans };
}

/** Replays a graph on new inputs: calls each layer with the tensors that stand for its recorded arguments. */
export function replayGraph(graph: FunctionalGraph, given: Value[], callLayer: (layer: InstanceValue, args: Value[], kwargs: Map<string, Value>) => Value): Value {
  let inputs = given;
  if (given.length === 1 && graph.inputTensors.length > 1) {
    const g = given[0];
    if (g.kind === "list" || g.kind === "tuple") inputs = g.items;
    else if (g.kind === "dict") inputs = [...g.entries.values()].map((e) => e.value);
  }
  inputs = inputs.flatMap((v) => (graph.inputTensors.length > 1 && (v.kind === "list" || v.kind === "tuple") ? v.items : [v]));
  if (inputs.length !== graph.inputTensors.length) throw new PythonError(`Functional model expects ${graph.inputTensors.length} input(s), got ${inputs.length}`);
  const standsFor = new Map<TensorValue, Value>();
  graph.inputTensors.forEach((t, i) => standsFor.set(t, inputs[i]));
  const substitute = (v: Value): Value => {
    if (v.kind === "tensor") return standsFor.get(v) ?? v;
    if (v.kind === "list") return list(v.items.map(substitute));
    if (v.kind === "tuple") return { ...v, items: v.items.map(substitute) };
    if (v.kind === "dict") {
      const entries = new Map([...v.entries].map(([k, e]) => [k, { key: e.key, value: substitute(e.value) }]));
      return { ...v, entries };
    }
    return v;
  };
  for (const call of graph.calls) {
    const kwargs = new Map([...call.kwargs].map(([k, v]) => [k, substitute(v)]));
    const args = call.args.map(substitute);
    const result = call.layer ? callLayer(call.layer, args, kwargs) : call.run!(args, kwargs);
    const recorded = tensorsOf(call.output);
    const produced = tensorsOf(result);
    recorded.forEach((t, i) => {
      if (produced[i]) standsFor.set(t, produced[i]);
    });
  }
  return substitute(graph.outputs);
}
