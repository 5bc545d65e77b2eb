// Lazy layers (nn.LazyLinear, LazyConv*d, LazyBatchNorm*d): their input size comes from the first forward, so their
// parameters are created there (torch.nn.modules.lazy.LazyModuleMixin initialize_parameters).
import { PythonError, type LayerInstance, type LayerSpec, type OpContext, type TensorValue } from "../../interp/values";
import { channelNorm } from "../ops/nn-ops";
import { convolution, splitSpatial } from "../ops/conv-pool";
import { linear } from "../ops/linear-algebra";
import { convPadding } from "./conv";
import { DEVICE_DTYPE, defineLayer, input, parameter } from "./define";

/** Creates a parameter on first use; later calls reuse it (and must agree with its shape). */
function materialize(layer: LayerInstance, name: string, shape: number[], context: OpContext): TensorValue {
  const existing = parameter(layer, name);
  if (existing) return existing;
  const p = context.parameter(shape);
  layer.state.parameters.set(name, p);
  return p;
}

export const LazyLinear = defineLayer({
  name: "LazyLinear",
  signature: ["out_features", "bias=True", ...DEVICE_DTYPE],
  build: () => ({ parameters: [["weight", null], ["bias", null]] }),
  forward: (layer, args, context) => {
    const x = input(args, "LazyLinear");
    const out = layer.config.int("out_features");
    const weight = materialize(layer, "weight", [out, x.shape[x.shape.length - 1]], context);
    const bias = layer.config.bool("bias") ? materialize(layer, "bias", [out], context) : undefined;
    return linear(x, weight, bias, context);
  },
});

function lazyConv(nd: number): LayerSpec {
  const name = `LazyConv${nd}d`;
  return defineLayer({
    name,
    signature: ["out_channels", "kernel_size", "stride=1", "padding=0", "dilation=1", "groups=1", "bias=True", "padding_mode='zeros'", ...DEVICE_DTYPE],
    build: () => ({ parameters: [["weight", null], ["bias", null]] }),
    forward: (layer, args, context) => {
      const a = layer.config;
      const x = input(args, name);
      const { channels } = splitSpatial(x, nd, name);
      const groups = a.int("groups");
      if (channels % groups !== 0) throw new PythonError(`${name}: in_channels ${channels} must be divisible by groups ${groups}`);
      if (a.str("padding_mode") !== "zeros") throw new PythonError(`${name}: only padding_mode='zeros' is modelled for lazy convolutions`);
      const out = a.int("out_channels");
      const weight = materialize(layer, "weight", [out, channels / groups, ...a.ints("kernel_size", nd)], context);
      const bias = a.bool("bias") ? materialize(layer, "bias", [out], context) : undefined;
      return convolution(x, weight, bias, a.ints("stride", nd), convPadding(a, nd), a.ints("dilation", nd), groups, nd, context, name);
    },
  });
}

function lazyBatchNorm(nd: number): LayerSpec {
  const name = `LazyBatchNorm${nd}d`;
  return defineLayer({
    name,
    signature: ["eps=1e-05", "momentum=0.1", "affine=True", "track_running_stats=True", ...DEVICE_DTYPE],
    build: () => ({ parameters: [["weight", null], ["bias", null]] }),
    forward: (layer, args, context) => {
      const x = input(args, name);
      if (x.shape.length < 2) throw new PythonError(`${name}: expected at least 2D input`);
      const c = x.shape[1];
      if (layer.config.bool("affine")) {
        materialize(layer, "weight", [c], context);
        materialize(layer, "bias", [c], context);
      }
      if (layer.config.bool("track_running_stats") && !layer.state.buffers.get("running_mean")) {
        layer.state.buffers.set("running_mean", { kind: "tensor", shape: [c], dtype: "float32" });
        layer.state.buffers.set("running_var", { kind: "tensor", shape: [c], dtype: "float32" });
        layer.state.buffers.set("num_batches_tracked", { kind: "tensor", shape: [], dtype: "int64" });
      }
      return channelNorm(x, c, layer.state.training ? "native_batch_norm" : "_native_batch_norm_legit_no_training", context);
    },
  });
}

export const LAZY_LAYERS: LayerSpec[] = [LazyLinear, lazyConv(1), lazyConv(2), lazyConv(3), lazyBatchNorm(1), lazyBatchNorm(2), lazyBatchNorm(3)];
