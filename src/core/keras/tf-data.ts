// tf.data pipelines as values (tensorflow.org/api_docs/python/tf/data/Dataset, TensorFlow 2.x): how many elements a
// pass yields and how they are batched, so a loop over a dataset that a helper in another file built
// (`dataset = make_dataset(x_train, batch_size)`, returning `from_tensor_slices(x).shuffle(n).batch(b)`) has its
// batch and samples. Only counts are kept; the elements' shapes are not.
// - from_tensor_slices(x) yields x's rows: an array's first dimension, a tuple's or dict's shared one (each component
//   is sliced along it), a list's length (a list is converted to one tensor); range(n) yields n; from_tensors(x) one;
//   from_generator(g, args=...) what g(*args) yields; zip((a, b)) the fewest of its datasets'.
// - shuffle, map, prefetch, cache, with_options keep every element; filter keeps an unknown number.
// - take(n) keeps the first n elements (batches, once batched), skip(n) all but the first n; shard(k, i) every k-th.
// - batch(b, drop_remainder=False) groups b elements, the last partial group dropped with drop_remainder=True; a
//   second batch groups the first's groups (each now one element).
// - repeat(k) makes k passes (one iteration, so one Keras fit epoch, walks them all); repeat() or repeat(-1) repeats forever, and take(n) after it keeps n elements in all
//   (batches, once batched), so a loop over `ds.repeat().take(n)` built under a name runs n times.
// - window(size, shift=size, stride=1, drop_remainder=False) makes one element a window (a dataset of `size` elements
//   each), ⌊(n − (size − 1)·stride − 1) / shift⌋ + 1 of them with drop_remainder=True, ⌈n / shift⌉ without; flat_map(f)
//   of those calls f on a window and yields what it yields for each (`lambda w: w.batch(size + 1)`: one tensor each).
// Any other method gives an unknown value: what it does to the count is not modeled.
import { bindArguments, int, unknown } from "../interp/construct";
import { leadingDimension, inputRows, lengthOf } from "../interp/value-figures";
import type { BoundArguments, ModuleNamespaceValue, NativeCall, Value } from "../interp/values";
import { generatorElements } from "./tf-data-generator";

/** What a pipeline yields on one pass, as far as the code says. */
export interface TfDataPipeline {
  /** Elements before batching (after take/skip/shard); undefined when not known. */
  elements?: number;
  /** Elements per batch, once batched. */
  batch?: number;
  dropRemainder: boolean;
  /** Passes: a count from repeat(k), "forever" from repeat(), 1 without repeat. */
  passes: number | "forever";
  /** What an iteration yields in all where take(n) cuts a repeat() without end: n elements (batches once batched). */
  endlessTaken?: number;
  /** Where the batch was set, in words, when not by a batch() call the plan reads (a directory reader's batch_size). */
  batchOrigin?: string;
  /** Set when batch(b) came after a counted repeat(k): the k passes' elements are batched as one stream. */
  repeatedBeforeBatch?: boolean;
  /** Set by window(): each element is a window, a dataset of this many elements (fewer in the last ones when kept). */
  windowSize?: number;
  /** Whether window() dropped the short windows at the end. */
  fullWindows?: boolean;
}

const pipelines = new WeakMap<ModuleNamespaceValue, TfDataPipeline>();

/** The pipeline a value is, when it is a tf.data dataset built from known calls. */
export function tfDataPipeline(v: Value | undefined): TfDataPipeline | undefined {
  return v?.kind === "namespace" ? pipelines.get(v) : undefined;
}

/** The next elements of TF 1.x iterators (`ds.make_one_shot_iterator().get_next()`), each an unknown value as before,
 *  remembered with the pipeline it draws from. */
const nextElements = new WeakMap<Value, TfDataPipeline>();

/** The pipeline a TF 1.x iterator's get_next() draws from: what an Estimator's input_fn returning it feeds the run
 *  (tensorflow.org/api_docs/python/tf/compat/v1/data/Dataset#make_one_shot_iterator). */
export function iteratorPipeline(v: Value | undefined): TfDataPipeline | undefined {
  return v ? nextElements.get(v) : undefined;
}

/** The pipeline an Estimator's input_fn returns: a dataset, or the `(features, labels)` of one drawn from its
 *  iterator's get_next() (tensorflow.org/api_docs/python/tf/estimator/Estimator#train: "a tuple (features, labels)"). */
export function inputFnPipeline(v: Value | undefined): TfDataPipeline | undefined {
  const drawn = v?.kind === "tuple" && v.items.length === 2 ? iteratorPipeline(v.items[0]) : undefined;
  return tfDataPipeline(v) ?? iteratorPipeline(v) ?? drawn;
}

/**
 * What one iteration of a batched pipeline with a counted repeat yields: k passes of n elements, in batches of b.
 * `repeat(k).batch(b)` batches the k·n elements as one stream (⌈k·n / b⌉ batches); `batch(b).repeat(k)` repeats a
 * pass's ⌈n / b⌉ batches k times (⌊⌋ for both with drop_remainder=True). Undefined without a counted repeat or a size.
 */
export function repeatedIteration(p: TfDataPipeline): { elements: number; batches: number; passes: number } | undefined {
  if (typeof p.passes !== "number" || p.passes <= 1 || p.elements === undefined || p.elements <= 0 || p.batch === undefined || p.endlessTaken !== undefined) return undefined;
  const groups = (n: number) => (p.dropRemainder ? Math.floor(n / p.batch!) : Math.ceil(n / p.batch!));
  const batches = p.repeatedBeforeBatch ? groups(p.passes * p.elements) : p.passes * groups(p.elements);
  return batches > 0 ? { elements: p.passes * p.elements, batches, passes: p.passes } : undefined;
}

const native = (name: string, call: (c: NativeCall) => Value): Value => ({ kind: "native", name, call });

/** Elements of from_tensor_slices(x): x's first dimension, shared by each component of a tuple or dict. */
function slicedElements(v: Value | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === "list") return lengthOf(v);
  return leadingDimension(v) ?? (v.kind === "tuple" || v.kind === "dict" ? inputRows(v) : undefined);
}

/** Elements of zip(datasets): the fewest of its unbatched, single-pass datasets (a tuple, list or dict of them, nested). */
function zippedElements(v: Value | undefined): number | undefined {
  const parts: Value[] = v?.kind === "tuple" || v?.kind === "list" ? v.items : v?.kind === "dict" ? [...v.entries.values()].map((e) => e.value) : v ? [v] : [];
  if (parts.length === 0) return undefined;
  let fewest = Infinity;
  for (const part of parts) {
    const nested = part.kind === "tuple" || part.kind === "list" || part.kind === "dict" ? zippedElements(part) : undefined;
    const p = tfDataPipeline(part);
    const n = nested ?? (p && p.batch === undefined && p.passes === 1 && p.endlessTaken === undefined ? p.elements : undefined);
    if (n === undefined) return undefined;
    fewest = Math.min(fewest, n);
  }
  return fewest;
}

/** What one pass of a pipeline yields: its elements, or its batches once batched; undefined where not known. */
function elementsOf(p: TfDataPipeline | undefined): number | undefined {
  if (!p || p.passes !== 1 || p.endlessTaken !== undefined || p.elements === undefined || p.windowSize !== undefined) return undefined;
  if (p.batch === undefined) return p.elements;
  return p.dropRemainder ? Math.floor(p.elements / p.batch) : Math.ceil(p.elements / p.batch);
}

/** A non-negative int argument, or undefined. */
function count(v: Value | undefined): number | undefined {
  return v?.kind === "int" && v.value >= 0 ? v.value : undefined;
}

function dataset(state: TfDataPipeline): ModuleNamespaceValue {
  const keep = () => dataset(state);
  const batched = state.batch !== undefined;
  const method = (name: string, signature: string[], apply: (a: BoundArguments) => TfDataPipeline | undefined): [string, Value] =>
    [name, native(`Dataset.${name}`, ({ args, kwargs }) => {
      const next = apply(bindArguments(signature, args, kwargs, name));
      return next ? dataset(next) : unknown(`tf.data Dataset.${name}: its elements are not known`);
    })];
  // A pass cut to its first n elements (take) or all but them (skip), counted in batches once batched.
  const cut = (n: number | undefined, kind: "take" | "skip"): TfDataPipeline | undefined => {
    if (n !== undefined && kind === "take" && state.passes === "forever" && state.endlessTaken === undefined) return { ...state, endlessTaken: n };
    if (n === undefined || state.passes !== 1) return undefined;
    if (!batched) {
      if (kind === "take") return { ...state, elements: state.elements === undefined ? n : Math.min(state.elements, n) };
      return state.elements === undefined ? undefined : { ...state, elements: Math.max(0, state.elements - n) };
    }
    if (state.elements === undefined) return undefined;
    const size = state.batch!;
    const batches = state.dropRemainder ? Math.floor(state.elements / size) : Math.ceil(state.elements / size);
    // The first n batches are full ones: drop_remainder or not, they hold n * size elements.
    if (kind === "take") return n >= batches ? state : { ...state, elements: n * size };
    return n >= batches ? { ...state, elements: 0 } : { ...state, elements: state.elements - n * size };
  };
  const ns: ModuleNamespaceValue = {
    kind: "namespace",
    name: "tf.data.Dataset",
    scope: {
      names: new Map<string, Value>([
        ...["shuffle", "map", "prefetch", "cache", "with_options", "apply_options"].map((name): [string, Value] => [name, native(`Dataset.${name}`, keep)]),
        method("filter", ["predicate", "name=None"], () => ({ ...state, elements: undefined })),
        method("take", ["count", "name=None"], (a) => cut(count(a.get("count")), "take")),
        method("skip", ["count", "name=None"], (a) => cut(count(a.get("count")), "skip")),
        method("shard", ["num_shards", "index", "name=None"], (a) => {
          const shards = count(a.get("num_shards"));
          const index = count(a.get("index"));
          if (batched || !shards || index === undefined || index >= shards) return undefined;
          return { ...state, elements: state.elements === undefined ? undefined : Math.ceil((state.elements - index) / shards) };
        }),
        ...([["batch", ["batch_size", "drop_remainder=False", "num_parallel_calls=None", "deterministic=None", "name=None"]], ["padded_batch", ["batch_size", "padded_shapes=None", "padding_values=None", "drop_remainder=False", "name=None"]]] as const).map(([name, signature]) => method(name, [...signature], (a) => {
          const size = a.get("batch_size");
          const drop = a.get("drop_remainder");
          if (size?.kind !== "int" || size.value <= 0 || drop?.kind !== "bool" || state.windowSize !== undefined) return undefined;
          // A batch of batches (`chars.batch(seq_len + 1).map(split).batch(64)`): each element is now one of the first
          // batch's groups, and the new batch groups those (a pass of one pipeline, no repeat or take between).
          if (batched) {
            if (state.passes !== 1 || state.endlessTaken !== undefined) return undefined;
            const groups = state.elements === undefined ? undefined : state.dropRemainder ? Math.floor(state.elements / state.batch!) : Math.ceil(state.elements / state.batch!);
            return { elements: groups, batch: size.value, dropRemainder: drop.value, passes: 1 };
          }
          // n elements taken from endless data, then batched: n / b batches in all.
          const taken = state.endlessTaken === undefined ? undefined : drop.value ? Math.floor(state.endlessTaken / size.value) : Math.ceil(state.endlessTaken / size.value);
          return { ...state, batch: size.value, dropRemainder: drop.value, ...(taken === undefined ? {} : { endlessTaken: taken }), ...(typeof state.passes === "number" && state.passes > 1 ? { repeatedBeforeBatch: true } : {}) };
        })),
        method("window", ["size", "shift=None", "stride=1", "drop_remainder=False", "name=None"], (a) => {
          const size = count(a.get("size"));
          const shiftValue = a.get("shift");
          const shift = shiftValue?.kind === "none" ? size : count(shiftValue);
          const stride = count(a.get("stride"));
          const drop = a.get("drop_remainder");
          if (batched || state.windowSize !== undefined || state.passes !== 1 || state.endlessTaken !== undefined || state.elements === undefined) return undefined;
          if (!size || !shift || !stride || drop?.kind !== "bool") return undefined;
          const span = (size - 1) * stride + 1;
          const windows = drop.value ? (state.elements < span ? 0 : Math.floor((state.elements - span) / shift) + 1) : Math.ceil(state.elements / shift);
          return { elements: windows, dropRemainder: false, passes: 1, windowSize: size, fullWindows: drop.value };
        }),
        ["flat_map", native("Dataset.flat_map", ({ args, kwargs, context }) => {
          const fn = args[0] ?? kwargs.get("map_func");
          const each = fn && state.windowSize !== undefined && state.elements !== undefined ? elementsOf(tfDataPipeline(context.callValue(fn, [dataset({ elements: state.windowSize, dropRemainder: false, passes: 1 })]))) : undefined;
          // A short window at the end yields as a full one does only where each window becomes one element.
          if (each === undefined || (!state.fullWindows && each !== 1)) return unknown("tf.data Dataset.flat_map: how many elements each item yields is not known");
          return dataset({ elements: state.elements! * each, dropRemainder: false, passes: 1 });
        })],
        // TF 1.x: an iterator over the pipeline, whose get_next() is an element drawn from it (not otherwise modelled).
        ...["make_one_shot_iterator", "make_initializable_iterator"].map((name): [string, Value] => [name, native(`Dataset.${name}`, () => iterator(state))]),
        method("repeat", ["count=None", "name=None"], (a) => {
          const times = a.get("count");
          if (state.endlessTaken !== undefined) return undefined;
          if (times?.kind === "none" || (times?.kind === "int" && times.value === -1)) return { ...state, passes: "forever" };
          const k = count(times);
          return k === undefined || state.passes === "forever" ? undefined : { ...state, passes: state.passes * k };
        }),
      ]),
    },
  };
  pipelines.set(ns, state);
  return ns;
}

/** A dataset of `elements` (unknown: undefined) in batches of `batch` (unbatched: undefined), with attributes of its
 *  own (`class_names` of a directory reader's dataset); the datasets its methods make do not keep them, as in TF. */
export function batchedDataset(elements: number | undefined, batch: number | undefined, batchOrigin: string, attributes: [string, Value][] = []): ModuleNamespaceValue {
  const ns = dataset({ elements, ...(batch === undefined ? {} : { batch, batchOrigin }), dropRemainder: false, passes: 1 });
  for (const [name, value] of attributes) ns.scope.names.set(name, value);
  return ns;
}

function iterator(state: TfDataPipeline): ModuleNamespaceValue {
  const next = native("Iterator.get_next", () => {
    const element = unknown("the next element of a tf.data iterator");
    nextElements.set(element, state);
    return element;
  });
  return { kind: "namespace", name: "tf.data.Iterator", scope: { names: new Map<string, Value>([["get_next", next]]) } };
}

/** `tf.data`: the Dataset class's constructors, and AUTOTUNE. */
export function tfDataModule(): ModuleNamespaceValue {
  const start = (elements: number | undefined): ModuleNamespaceValue => dataset({ elements, dropRemainder: false, passes: 1 });
  const autotune = int(-1);
  const Dataset: ModuleNamespaceValue = {
    kind: "namespace",
    name: "tf.data.Dataset",
    scope: {
      names: new Map<string, Value>([
        ["from_tensor_slices", native("Dataset.from_tensor_slices", ({ args, kwargs }) => start(slicedElements(bindArguments(["tensors", "name=None"], args, kwargs, "from_tensor_slices").get("tensors"))))],
        ["from_tensors", native("Dataset.from_tensors", () => start(1))],
        // zip((a, b)) (or zip(a, b), TF 2.13+) yields tuples until its shortest dataset ends (tf.data.Dataset.zip).
        ["zip", native("Dataset.zip", ({ args, kwargs }) => start(zippedElements(args.length === 1 ? args[0] : args.length > 1 ? { kind: "tuple", items: args } : kwargs.get("datasets"))))],
        // One element a yield of the generator (tf-data-generator.ts).
        // A generator whose count is not known stays an unknown value, so a take(n) of it says nothing either: the
        // endless streams it may cut are read where the plan is made (endless-generator-source.ts).
        ["from_generator", native("Dataset.from_generator", (call) => {
          const elements = generatorElements(call);
          return elements === undefined ? unknown("tf.data Dataset.from_generator: how many items its generator yields is not known") : start(elements);
        })],
        ["range", native("Dataset.range", ({ args }) => {
          const bounds = args.map(count);
          if (bounds.length === 0 || bounds.length > 3 || bounds.some((b) => b === undefined)) return unknown("tf.data Dataset.range: its bounds are not known");
          const [startAt, stop, step] = bounds.length === 1 ? [0, bounds[0]!, 1] : [bounds[0]!, bounds[1]!, bounds[2] ?? 1];
          return step > 0 ? start(Math.max(0, Math.ceil((stop - startAt) / step))) : unknown("tf.data Dataset.range: its step is not positive");
        })],
      ]),
    },
  };
  return {
    kind: "namespace",
    name: "tensorflow.data",
    scope: { names: new Map<string, Value>([["Dataset", Dataset], ["AUTOTUNE", autotune], ["experimental", { kind: "namespace", name: "tensorflow.data.experimental", scope: { names: new Map<string, Value>([["AUTOTUNE", autotune]]) } }]]) },
  };
}
