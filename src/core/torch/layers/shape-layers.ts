// Layers that only move or resize data: Dropout*, Flatten, Unflatten, Upsample*, PixelShuffle, ChannelShuffle, padding.
import { toInts } from "../../interp/construct";
import { PythonError, type BoundArguments, type LayerSpec, type TensorValue } from "../../interp/values";
import { emit } from "../ops/define";
import { interpolate, pad, pixelShuffle, pixelUnshuffle } from "../ops/nn-ops";
import { flatten, unflatten } from "../ops/shape-ops";
import { defineLayer, input } from "./define";

function dropout(name: string): LayerSpec {
  return defineLayer({
    name,
    signature: ["p=0.5", "inplace=False"],
    build: (a) => {
      const p = a.float("p");
      if (p < 0 || p > 1) throw new PythonError(`dropout probability has to be between 0 and 1, but got ${p}`);
      return { parameters: [] };
    },
    forward: (layer, args, context) => {
      const x = input(args, name);
      // In eval mode (or p=0) dropout returns its input; in training it runs one mask kernel.
      if (!layer.state.training || layer.config.float("p") === 0) return x;
      if (layer.config.bool("inplace")) {
        context.addFlops(0, "aten.bernoulli_");
        return x;
      }
      return emit(context, "aten.native_dropout", 0, x.shape, x.dtype);
    },
  });
}

export const Flatten = defineLayer({
  name: "Flatten",
  signature: ["start_dim=1", "end_dim=-1"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => flatten(input(args, "Flatten"), layer.config.int("start_dim"), layer.config.int("end_dim"), context),
});

export const Unflatten = defineLayer({
  name: "Unflatten",
  signature: ["dim", "unflattened_size"],
  build: () => ({ parameters: [] }),
  forward: (layer, args) => unflatten(input(args, "Unflatten"), layer.config.int("dim"), toInts(layer.config.get("unflattened_size"), "unflattened_size")),
});

/** size / scale_factor of Upsample-style layers. */
export function resizeArguments(a: BoundArguments): { size?: number[]; scale?: number[] } {
  const size = a.isNone("size") ? undefined : toInts(a.get("size"), "size");
  const s = a.get("scale_factor");
  let scale: number[] | undefined;
  if (s.kind === "tuple" || s.kind === "list") scale = s.items.map((x) => (x.kind === "int" || x.kind === "float" ? x.value : NaN));
  else if (s.kind !== "none") scale = [a.float("scale_factor")];
  if (scale?.some((x) => Number.isNaN(x))) throw new PythonError("scale_factor must be numbers");
  return { size, scale };
}

function upsample(name: string, fixedMode?: string): LayerSpec {
  return defineLayer({
    name,
    signature: fixedMode ? ["size=None", "scale_factor=None"] : ["size=None", "scale_factor=None", "mode='nearest'", "align_corners=None", "recompute_scale_factor=None"],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const { size, scale } = resizeArguments(layer.config);
      return interpolate(input(args, name), size, scale, fixedMode ?? layer.config.str("mode"), context);
    },
  });
}

export const PixelShuffle = defineLayer({
  name: "PixelShuffle",
  signature: ["upscale_factor"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => pixelShuffle(input(args, "PixelShuffle"), layer.config.int("upscale_factor"), context),
});

export const PixelUnshuffle = defineLayer({
  name: "PixelUnshuffle",
  signature: ["downscale_factor"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => pixelUnshuffle(input(args, "PixelUnshuffle"), layer.config.int("downscale_factor"), context),
});

export const ChannelShuffle = defineLayer({
  name: "ChannelShuffle",
  signature: ["groups"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => {
    const x = input(args, "ChannelShuffle");
    if (x.shape[1] % layer.config.int("groups") !== 0) throw new PythonError(`Number of channels must be divisible by groups. Got ${x.shape[1]} channels and ${layer.config.int("groups")} groups.`);
    return emit(context, "aten.channel_shuffle", 0, x.shape, x.dtype);
  },
});

/** Padding layers: an int pads every side of the last nd dims; a tuple lists (left, right, top, bottom, ...). */
function padLayer(kind: "Zero" | "Constant" | "Reflection" | "Replication" | "Circular", nd: number): LayerSpec {
  const name = `${kind}Pad${nd}d`;
  const mode = kind === "Zero" || kind === "Constant" ? "constant" : kind === "Reflection" ? "reflect" : kind === "Replication" ? "replicate" : "circular";
  return defineLayer({
    name,
    signature: kind === "Constant" ? ["padding", "value"] : ["padding"],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const x: TensorValue = input(args, name);
      const pads = layer.config.ints("padding", 2 * nd);
      if (x.shape.length !== nd + 1 && x.shape.length !== nd + 2) throw new PythonError(`${name}: expected ${nd + 1}D or ${nd + 2}D input, got ${x.shape.length}D`);
      return pad(x, pads, mode, context);
    },
  });
}

const PAD_KINDS = ["Zero", "Constant", "Reflection", "Replication", "Circular"] as const;

export const SHAPE_LAYERS: LayerSpec[] = [
  dropout("Dropout"), dropout("Dropout1d"), dropout("Dropout2d"), dropout("Dropout3d"), dropout("AlphaDropout"), dropout("FeatureAlphaDropout"),
  Flatten, Unflatten, upsample("Upsample"), upsample("UpsamplingNearest2d", "nearest"), upsample("UpsamplingBilinear2d", "bilinear"),
  PixelShuffle, PixelUnshuffle, ChannelShuffle,
  ...PAD_KINDS.flatMap((k) => [1, 2, 3].map((nd) => padLayer(k, nd))),
];
