// keras.layers pooling (Max/AveragePooling1D-3D, Global*Pooling1D-3D), ZeroPadding1D-3D, Cropping1D-3D,
// UpSampling1D-3D. No FLOPs under the project's convention; ops are recorded with PyTorch's names for traffic.
import { PythonError, type BoundArguments, type Value } from "../../interp/values";
import { tensor, toInts } from "../../interp/construct";
import { dataFormat, emit, joinChannels, paddingOf, singleTensor, splitChannels, windowOutputLength } from "../shapes";
import type { KerasLayerSpec } from "../spec";

function pooling(kind: "Max" | "Average", nd: number): KerasLayerSpec {
  const name = `${kind}Pooling${nd}D`;
  return {
    name,
    signature: [nd === 1 ? "pool_size=2" : `pool_size=(${Array(nd).fill(2).join(", ")})`, "strides=None", "padding='valid'", "data_format=None"],
    call(layer, inputs, _kwargs, context) {
      const c = layer.config;
      const format = dataFormat(c);
      const x = singleTensor(inputs, name);
      const { batch, channels, spatial } = splitChannels(x, nd, format, name);
      const pool = c.ints("pool_size", nd);
      // Keras: strides default to the pool size.
      const strides = c.isNone("strides") ? pool : c.ints("strides", nd);
      const outSpatial = spatial.map((n, i) => windowOutputLength(n, pool[i], strides[i], paddingOf(c)));
      const op = kind === "Max" ? `aten.max_pool${nd}d_with_indices` : `aten.avg_pool${nd}d`;
      return emit(context, op, 0, joinChannels(batch, channels, outSpatial, format), x.dtype);
    },
  };
}

function globalPooling(kind: "Max" | "Average", nd: number): KerasLayerSpec {
  const name = `Global${kind}Pooling${nd}D`;
  return {
    name,
    signature: ["data_format=None", "keepdims=False"],
    call(layer, inputs, _kwargs, context) {
      const c = layer.config;
      const format = dataFormat(c);
      const x = singleTensor(inputs, name);
      const { batch, channels } = splitChannels(x, nd, format, name);
      const shape = c.bool("keepdims") ? joinChannels(batch, channels, Array(nd).fill(1), format) : [batch, channels];
      return emit(context, kind === "Max" ? "aten.amax" : "aten.mean", 0, shape, x.dtype);
    },
  };
}

/** ((before, after), ...) per spatial dim from an int, a tuple of ints, or a tuple of pairs. */
function pairs(v: Value, nd: number, what: string): [number, number][] {
  if (v.kind === "int") return Array.from({ length: nd }, () => [v.value, v.value]);
  if (v.kind === "tuple" || v.kind === "list") {
    if (nd === 1 && v.items.length === 2 && v.items.every((i) => i.kind === "int")) {
      const [a, b] = toInts(v);
      return [[a, b]];
    }
    if (v.items.length !== nd) throw new PythonError(`${what} should have ${nd} entries, got ${v.items.length}`);
    return v.items.map((item) => {
      const xs = toInts(item, what);
      if (xs.length === 1) return [xs[0], xs[0]];
      if (xs.length !== 2) throw new PythonError(`${what}: each entry should be an int or a pair`);
      return [xs[0], xs[1]];
    });
  }
  throw new PythonError(`${what} should be an int or a tuple`);
}

function resizeSpatial(name: string, nd: number, signature: string[], argument: string, change: (length: number, pair: [number, number]) => number, op: string | null, c: BoundArguments, inputs: Value): { shape: number[]; op: string | null } {
  const format = dataFormat(c);
  const x = singleTensor(inputs, name);
  const { batch, channels, spatial } = splitChannels(x, nd, format, name);
  const amounts = pairs(c.get(argument), nd, `${name}(${argument})`);
  const out = spatial.map((n, i) => change(n, amounts[i]));
  if (out.some((n) => n <= 0)) throw new PythonError(`${name}: ${argument} leaves no elements (input (${x.shape.join(", ")}))`);
  void signature;
  return { shape: joinChannels(batch, channels, out, format), op };
}

function zeroPadding(nd: number): KerasLayerSpec {
  const name = `ZeroPadding${nd}D`;
  const signature = [nd === 1 ? "padding=1" : `padding=(${Array(nd).fill(1).join(", ")})`, "data_format=None"];
  return {
    name,
    signature,
    call(layer, inputs, _kwargs, context) {
      const r = resizeSpatial(name, nd, signature, "padding", (n, [a, b]) => n + a + b, "aten.constant_pad_nd", layer.config, inputs);
      return emit(context, r.op!, 0, r.shape);
    },
  };
}

function cropping(nd: number): KerasLayerSpec {
  const name = `Cropping${nd}D`;
  const signature = [nd === 1 ? "cropping=(1, 1)" : `cropping=(${Array(nd).fill(0).join(", ")})`, "data_format=None"];
  return {
    name,
    signature,
    call(layer, inputs) {
      const r = resizeSpatial(name, nd, signature, "cropping", (n, [a, b]) => n - a - b, null, layer.config, inputs);
      return tensor(r.shape);
    },
  };
}

function upSampling(nd: number): KerasLayerSpec {
  const name = `UpSampling${nd}D`;
  return {
    name,
    signature: [nd === 1 ? "size=2" : `size=(${Array(nd).fill(2).join(", ")})`, "data_format=None", "interpolation='nearest'"],
    call(layer, inputs, _kwargs, context) {
      const c = layer.config;
      const format = dataFormat(c);
      const x = singleTensor(inputs, name);
      const { batch, channels, spatial } = splitChannels(x, nd, format, name);
      const size = c.ints("size", nd);
      const interpolation = c.has("interpolation") ? c.str("interpolation") : "nearest";
      const op = interpolation === "nearest" ? `aten.upsample_nearest${nd}d` : `aten.upsample_${interpolation === "bilinear" ? "bilinear" : "nearest"}${nd}d`;
      return emit(context, op, 0, joinChannels(batch, channels, spatial.map((n, i) => n * size[i]), format), x.dtype);
    },
  };
}

export const POOLING_LAYERS: KerasLayerSpec[] = [
  ...[1, 2, 3].flatMap((nd) => [pooling("Max", nd), pooling("Average", nd), globalPooling("Max", nd), globalPooling("Average", nd), zeroPadding(nd), cropping(nd), upSampling(nd)]),
];
