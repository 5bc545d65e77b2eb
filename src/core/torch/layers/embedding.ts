// nn.Embedding and nn.EmbeddingBag: lookups, 0 FLOPs.
import { PythonError, type LayerSpec } from "../../interp/values";
import { optionalTensor } from "../args";
import { emit } from "../ops/define";
import { embedding } from "../ops/nn-ops";
import { numel } from "../shapes";
import { DEVICE_DTYPE, defineLayer, input, parameter, requiredParameter } from "./define";

export const Embedding = defineLayer({
  name: "Embedding",
  signature: ["num_embeddings", "embedding_dim", "padding_idx=None", "max_norm=None", "norm_type=2.0", "scale_grad_by_freq=False", "sparse=False", "_weight=None", "_freeze=False", ...DEVICE_DTYPE],
  build: (a) => {
    const n = a.int("num_embeddings");
    if (!a.isNone("padding_idx")) {
      const p = a.int("padding_idx");
      if (p >= n || p < -n) throw new PythonError("Padding_idx must be within num_embeddings");
    }
    return { parameters: [["weight", [n, a.int("embedding_dim")]]] };
  },
  forward: (layer, args, context) => embedding(input(args, "Embedding"), requiredParameter(layer, "weight"), context),
});

export const EmbeddingBag = defineLayer({
  name: "EmbeddingBag",
  signature: ["num_embeddings", "embedding_dim", "max_norm=None", "norm_type=2.0", "scale_grad_by_freq=False", "mode='mean'", "sparse=False", "_weight=None", "include_last_offset=False", "padding_idx=None", ...DEVICE_DTYPE],
  forwardSignature: ["input", "offsets=None", "per_sample_weights=None"],
  build: (a) => ({ parameters: [["weight", [a.int("num_embeddings"), a.int("embedding_dim")]]] }),
  forward: (layer, args, context) => {
    const x = input(args, "EmbeddingBag");
    const weight = requiredParameter(layer, "weight");
    const offsets = optionalTensor(args, "offsets", "EmbeddingBag.forward");
    let bags: number;
    if (x.shape.length === 2) bags = x.shape[0];
    else if (x.shape.length === 1 && offsets) bags = numel(offsets.shape) - (layer.config.bool("include_last_offset") ? 1 : 0);
    else throw new PythonError("EmbeddingBag: input has to be 1D (with offsets) or 2D");
    return emit(context, "aten._embedding_bag", 0, [bags, weight.shape[1]], weight.dtype);
  },
});

export const EMBEDDING_LAYERS: LayerSpec[] = [Embedding, EmbeddingBag];
