// nn.LayerNorm, BatchNorm*, SyncBatchNorm, GroupNorm, InstanceNorm*, RMSNorm, LocalResponseNorm (all 0 FLOPs).
import { toInts } from "../../interp/construct";
import { PythonError, type LayerSpec } from "../../interp/values";
import { channelNorm, groupNorm, layerNorm } from "../ops/nn-ops";
import { emit } from "../ops/define";
import { DEVICE_DTYPE, defineLayer, input } from "./define";

export const LayerNorm = defineLayer({
  name: "LayerNorm",
  signature: ["normalized_shape", "eps=1e-05", "elementwise_affine=True", "bias=True", ...DEVICE_DTYPE],
  build: (a) => {
    const shape = toInts(a.get("normalized_shape"), "normalized_shape");
    const affine = a.bool("elementwise_affine");
    return { parameters: [["weight", affine ? shape : null], ["bias", affine && a.bool("bias") ? shape : null]] };
  },
  forward: (layer, args, context) => layerNorm(input(args, "LayerNorm"), toInts(layer.config.get("normalized_shape"), "normalized_shape"), context),
});

export const RMSNorm = defineLayer({
  name: "RMSNorm",
  signature: ["normalized_shape", "eps=None", "elementwise_affine=True", ...DEVICE_DTYPE],
  build: (a) => ({ parameters: [["weight", a.bool("elementwise_affine") ? toInts(a.get("normalized_shape"), "normalized_shape") : null]] }),
  forward: (layer, args, context) => layerNorm(input(args, "RMSNorm"), toInts(layer.config.get("normalized_shape"), "normalized_shape"), context, "aten.rms_norm"),
});

/** BatchNorm's buffers (torch.nn.modules.batchnorm._NormBase): running_mean, running_var [C], num_batches_tracked []. */
function runningStats(c: number, track: boolean): [string, number[] | null][] {
  return track ? [["running_mean", [c]], ["running_var", [c]], ["num_batches_tracked", []]] : [["running_mean", null], ["running_var", null], ["num_batches_tracked", null]];
}

function batchNorm(name: string, ranks: number[]): LayerSpec {
  return defineLayer({
    name,
    signature: name === "SyncBatchNorm"
      ? ["num_features", "eps=1e-05", "momentum=0.1", "affine=True", "track_running_stats=True", "process_group=None", ...DEVICE_DTYPE]
      : ["num_features", "eps=1e-05", "momentum=0.1", "affine=True", "track_running_stats=True", ...DEVICE_DTYPE],
    build: (a) => {
      const c = a.int("num_features");
      const affine = a.bool("affine");
      return { parameters: [["weight", affine ? [c] : null], ["bias", affine ? [c] : null]], buffers: runningStats(c, a.bool("track_running_stats")) };
    },
    forward: (layer, args, context) => {
      const x = input(args, name);
      if (ranks.length && !ranks.includes(x.shape.length)) throw new PythonError(`${name}: expected ${ranks.map((r) => `${r}D`).join(" or ")} input (got ${x.shape.length}D input)`);
      const training = layer.state.training || !layer.config.bool("track_running_stats");
      return channelNorm(x, layer.config.int("num_features"), training ? "native_batch_norm" : "_native_batch_norm_legit_no_training", context);
    },
  });
}

function instanceNorm(nd: number): LayerSpec {
  const name = `InstanceNorm${nd}d`;
  return defineLayer({
    name,
    signature: ["num_features", "eps=1e-05", "momentum=0.1", "affine=False", "track_running_stats=False", ...DEVICE_DTYPE],
    build: (a) => {
      const c = a.int("num_features");
      const affine = a.bool("affine");
      return { parameters: [["weight", affine ? [c] : null], ["bias", affine ? [c] : null]], buffers: runningStats(c, a.bool("track_running_stats")) };
    },
    forward: (layer, args, context) => {
      const x = input(args, name);
      if (x.shape.length !== nd + 1 && x.shape.length !== nd + 2) throw new PythonError(`${name}: expected ${nd + 1}D or ${nd + 2}D input (got ${x.shape.length}D input)`);
      const channelDim = x.shape.length === nd + 1 ? 0 : 1;
      // Without affine parameters or running stats, a size mismatch only warns in PyTorch.
      const checked = layer.config.bool("affine") || layer.config.bool("track_running_stats") ? layer.config.int("num_features") : undefined;
      return channelNorm(x, checked, "instance_norm", context, channelDim);
    },
  });
}

export const GroupNorm = defineLayer({
  name: "GroupNorm",
  signature: ["num_groups", "num_channels", "eps=1e-05", "affine=True", ...DEVICE_DTYPE],
  build: (a) => {
    const c = a.int("num_channels");
    if (c % a.int("num_groups") !== 0) throw new PythonError("num_channels must be divisible by num_groups");
    const affine = a.bool("affine");
    return { parameters: [["weight", affine ? [c] : null], ["bias", affine ? [c] : null]] };
  },
  forward: (layer, args, context) => {
    const x = input(args, "GroupNorm");
    if (x.shape[1] !== layer.config.int("num_channels")) throw new PythonError(`GroupNorm: expected input with ${layer.config.int("num_channels")} channels, got [${x.shape.join(", ")}]`);
    return groupNorm(x, layer.config.int("num_groups"), context);
  },
});

export const LocalResponseNorm = defineLayer({
  name: "LocalResponseNorm",
  signature: ["size", "alpha=0.0001", "beta=0.75", "k=1.0"],
  build: () => ({ parameters: [] }),
  forward: (_layer, args, context) => {
    const x = input(args, "LocalResponseNorm");
    if (x.shape.length < 3) throw new PythonError(`Expected 3D or higher dimensionality input (got ${x.shape.length} dimensions)`);
    return emit(context, "aten.local_response_norm", 0, x.shape, x.dtype);
  },
});

export const NORMALIZATION_LAYERS: LayerSpec[] = [
  LayerNorm, RMSNorm, batchNorm("BatchNorm1d", [2, 3]), batchNorm("BatchNorm2d", [4]), batchNorm("BatchNorm3d", [5]), batchNorm("SyncBatchNorm", []),
  instanceNorm(1), instanceNorm(2), instanceNorm(3), GroupNorm, LocalResponseNorm,
];
