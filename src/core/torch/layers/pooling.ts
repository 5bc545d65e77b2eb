// nn.MaxPool*, MaxUnpool*, AvgPool*, AdaptiveAvgPool*, AdaptiveMaxPool*, LPPool*, Fold, Unfold.
import { PythonError, type BoundArguments, type LayerSpec, type Value } from "../../interp/values";
import { tuple } from "../../interp/construct";
import { toInt, toInts } from "../../interp/construct";
import { adaptivePool, fold, maxUnpool, pool, unfold } from "../ops/conv-pool";
import { defineLayer, input } from "./define";

/** Pool window settings; stride defaults to the kernel size (None or omitted). */
export function poolWindow(a: BoundArguments, nd: number): { kernel: number[]; stride: number[]; padding: number[] } {
  const kernel = a.ints("kernel_size", nd);
  const strideValue = a.get("stride");
  const stride = strideValue.kind === "none" || (strideValue.kind === "tuple" && strideValue.items.length === 0) || (strideValue.kind === "list" && strideValue.items.length === 0) ? kernel : a.ints("stride", nd);
  return { kernel, stride, padding: a.has("padding") ? a.ints("padding", nd) : kernel.map(() => 0) };
}

/** Adaptive output size: an int, or a tuple whose None members keep the input's dim. */
export function adaptiveSize(v: Value, nd: number): (number | undefined)[] {
  if (v.kind === "tuple" || v.kind === "list") {
    if (v.items.length !== nd) throw new PythonError(`output_size must have ${nd} elements, got ${v.items.length}`);
    return v.items.map((x) => (x.kind === "none" ? undefined : toInt(x, "output_size")));
  }
  if (v.kind === "none") return Array(nd).fill(undefined);
  return Array(nd).fill(toInt(v, "output_size"));
}

function maxPool(nd: number): LayerSpec {
  const name = `MaxPool${nd}d`;
  return defineLayer({
    name,
    signature: ["kernel_size", "stride=None", "padding=0", "dilation=1", "return_indices=False", "ceil_mode=False"],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const a = layer.config;
      const { kernel, stride, padding } = poolWindow(a, nd);
      const out = pool("max", input(args, name), kernel, stride, padding, a.ints("dilation", nd), a.bool("ceil_mode"), nd, context);
      return a.bool("return_indices") ? tuple([out, { ...out, shape: [...out.shape], dtype: "int64" }]) : out;
    },
  });
}

/** output_size of an unpool call: None, or a shape whose last n entries are the spatial size. */
export function unpoolOutputSize(v: Value): number[] | undefined {
  return v.kind === "none" ? undefined : toInts(v, "output_size");
}

function maxUnpoolLayer(nd: number): LayerSpec {
  const name = `MaxUnpool${nd}d`;
  return defineLayer({
    name,
    signature: ["kernel_size", "stride=None", "padding=0"],
    forwardSignature: ["input", "indices", "output_size=None"],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const { kernel, stride, padding } = poolWindow(layer.config, nd);
      return maxUnpool(input(args, name), kernel, stride, padding, unpoolOutputSize(args.get("output_size")), nd, context);
    },
  });
}

function avgPool(nd: number): LayerSpec {
  const name = `AvgPool${nd}d`;
  const extra = nd === 1 ? [] : ["divisor_override=None"];
  return defineLayer({
    name,
    signature: ["kernel_size", "stride=None", "padding=0", "ceil_mode=False", "count_include_pad=True", ...extra],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const a = layer.config;
      const { kernel, stride, padding } = poolWindow(a, nd);
      return pool("avg", input(args, name), kernel, stride, padding, kernel.map(() => 1), a.bool("ceil_mode"), nd, context);
    },
  });
}

function lpPool(nd: number): LayerSpec {
  const name = `LPPool${nd}d`;
  return defineLayer({
    name,
    signature: ["norm_type", "kernel_size", "stride=None", "ceil_mode=False"],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const a = layer.config;
      const { kernel, stride } = poolWindow(a, nd);
      // F.lp_pool is pow, avg_pool, sign/relu/mul and pow: element-wise work and one pooling, all 0 FLOPs.
      return pool("avg", input(args, name), kernel, stride, kernel.map(() => 0), kernel.map(() => 1), a.bool("ceil_mode"), nd, context);
    },
  });
}

function adaptive(kind: "avg" | "max", nd: number): LayerSpec {
  const name = `Adaptive${kind === "avg" ? "Avg" : "Max"}Pool${nd}d`;
  return defineLayer({
    name,
    signature: kind === "max" ? ["output_size", "return_indices=False"] : ["output_size"],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const out = adaptivePool(kind, input(args, name), adaptiveSize(layer.config.get("output_size"), nd), nd, context);
      return kind === "max" && layer.config.bool("return_indices") ? tuple([out, { ...out, shape: [...out.shape], dtype: "int64" }]) : out;
    },
  });
}

export const Unfold = defineLayer({
  name: "Unfold",
  signature: ["kernel_size", "dilation=1", "padding=0", "stride=1"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => {
    const a = layer.config;
    return unfold(input(args, "Unfold"), a.ints("kernel_size", 2), a.ints("dilation", 2), a.ints("padding", 2), a.ints("stride", 2), context);
  },
});

export const Fold = defineLayer({
  name: "Fold",
  signature: ["output_size", "kernel_size", "dilation=1", "padding=0", "stride=1"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => {
    const a = layer.config;
    return fold(input(args, "Fold"), a.ints("output_size", 2), a.ints("kernel_size", 2), a.ints("dilation", 2), a.ints("padding", 2), a.ints("stride", 2), context);
  },
});

export const POOLING_LAYERS: LayerSpec[] = [
  maxPool(1), maxPool(2), maxPool(3), maxUnpoolLayer(1), maxUnpoolLayer(2), maxUnpoolLayer(3), avgPool(1), avgPool(2), avgPool(3), lpPool(1), lpPool(2), lpPool(3),
  adaptive("avg", 1), adaptive("avg", 2), adaptive("avg", 3), adaptive("max", 1), adaptive("max", 2), adaptive("max", 3),
  Unfold, Fold,
];
