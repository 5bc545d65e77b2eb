// torch.nn.functional.* and torch.nn.init.*, bound with the real Python signatures.
import { multiHeadAttentionForward } from "./ops/functional-attention";
import { float, int, toInts, tuple } from "../interp/construct";
import { PythonError, Unresolved, type BoundArguments } from "../interp/values";
import { optionalTensor, tensorArg, toTensor } from "./args";
import { toDtype } from "./dtypes";
import { implicitSoftmaxDim } from "./layers/activation";
import { adaptiveSize, poolWindow, unpoolOutputSize } from "./layers/pooling";
import { resizeArguments } from "./layers/shape-layers";
import { convPadding } from "./layers/conv";
import { adaptivePool, convolution, convolutionTranspose, fold, maxUnpool, pool, unfold } from "./ops/conv-pool";
import { defineOp, emit, type OpImpl } from "./ops/define";
import { unary } from "./ops/elementwise";
import { bilinear, groupedMm, linear } from "./ops/linear-algebra";
import * as nn from "./ops/nn-ops";
import { normalizeDim } from "./shapes";

const F: Record<string, OpImpl> = {};

/** Activations sharing the (input, ..., inplace=False) shape: same shape out. */
function activation(name: string, op: string, extra: string[] = []): void {
  const body = (a: BoundArguments, c: Parameters<OpImpl>[0]["context"], inplace: boolean) => {
    const x = tensorArg(a, "input", name);
    if (inplace || (a.has("inplace") && a.bool("inplace"))) {
      c.addFlops(0, `aten.${op}_`);
      return x;
    }
    return unary(op, x, c);
  };
  F[name] = defineOp(`F.${name}`, ["input", ...extra], (a, c) => body(a, c, false));
  if (extra.includes("inplace=False")) F[`${name}_`] = defineOp(`F.${name}_`, ["input", ...extra.filter((e) => e !== "inplace=False")], (a, c) => body(a, c, true));
}
activation("relu", "relu", ["inplace=False"]);
activation("relu6", "hardtanh", ["inplace=False"]);
activation("elu", "elu", ["alpha=1.0", "inplace=False"]);
activation("selu", "elu", ["inplace=False"]);
activation("celu", "celu", ["alpha=1.0", "inplace=False"]);
activation("leaky_relu", "leaky_relu", ["negative_slope=0.01", "inplace=False"]);
activation("rrelu", "rrelu_with_noise", ["lower=0.125", "upper=0.3333333333333333", "training=False", "inplace=False"]);
activation("gelu", "gelu", ["approximate='none'"]);
activation("logsigmoid", "log_sigmoid_forward");
activation("hardshrink", "hardshrink", ["lambd=0.5"]);
activation("tanhshrink", "tanhshrink");
activation("softsign", "softsign");
activation("softplus", "softplus", ["beta=1.0", "threshold=20.0"]);
activation("softshrink", "softshrink", ["lambd=0.5"]);
activation("tanh", "tanh");
activation("sigmoid", "sigmoid");
activation("hardsigmoid", "hardsigmoid", ["inplace=False"]);
activation("silu", "silu", ["inplace=False"]);
activation("mish", "mish", ["inplace=False"]);
activation("hardswish", "hardswish", ["inplace=False"]);
activation("hardtanh", "hardtanh", ["min_val=-1.0", "max_val=1.0", "inplace=False"]);
activation("threshold", "threshold", ["threshold", "value", "inplace=False"]);

F.prelu = defineOp("F.prelu", ["input", "weight"], (a, c) => unary("_prelu_kernel", tensorArg(a, "input", "prelu"), c));
F.glu = defineOp("F.glu", ["input", "dim=-1"], (a, c) => {
  const x = tensorArg(a, "input", "glu");
  const d = normalizeDim(a.int("dim"), x.shape.length);
  if (x.shape[d] % 2 !== 0) throw new PythonError(`Halving dimension must be even, but dimension ${d} is size ${x.shape[d]}`);
  return emit(c, "aten.glu", 0, x.shape.map((s, i) => (i === d ? s / 2 : s)), x.dtype);
});
for (const [name, op] of [["softmax", "_softmax"], ["log_softmax", "_log_softmax"], ["softmin", "_softmax"]] as const) {
  F[name] = defineOp(`F.${name}`, ["input", "dim=None", "_stacklevel=3", "dtype=None"], (a, c) => {
    const x = tensorArg(a, "input", name);
    const dim = a.isNone("dim") ? implicitSoftmaxDim(x.shape.length) : a.int("dim");
    normalizeDim(dim, x.shape.length);
    return emit(c, `aten.${op}`, 0, x.shape, a.isNone("dtype") ? x.dtype : toDtype(a.get("dtype")));
  });
}
F.gumbel_softmax = defineOp("F.gumbel_softmax", ["logits", "tau=1", "hard=False", "eps=1e-10", "dim=-1"], (a, c) => unary("_softmax", tensorArg(a, "logits", "gumbel_softmax"), c));
F.normalize = defineOp("F.normalize", ["input", "p=2.0", "dim=1", "eps=1e-12", "out=None"], (a, c) => {
  const x = tensorArg(a, "input", "normalize");
  normalizeDim(a.int("dim"), x.shape.length);
  return emit(c, "aten.div", 0, x.shape, x.dtype);
});

// ---- linear and convolution ----
F.linear = defineOp("F.linear", ["input", "weight", "bias=None"], (a, c) => linear(tensorArg(a, "input", "linear"), tensorArg(a, "weight", "linear"), optionalTensor(a, "bias", "linear"), c));
F.grouped_mm = defineOp("F.grouped_mm", ["mat_a", "mat_b", "offs=None", "bias=None", "out_dtype=None"], (a, c) => groupedMm(tensorArg(a, "mat_a", "grouped_mm"), tensorArg(a, "mat_b", "grouped_mm"), optionalTensor(a, "offs", "grouped_mm"), c));
F.bilinear = defineOp("F.bilinear", ["input1", "input2", "weight", "bias=None"], (a, c) => bilinear(tensorArg(a, "input1", "bilinear"), tensorArg(a, "input2", "bilinear"), tensorArg(a, "weight", "bilinear"), optionalTensor(a, "bias", "bilinear"), c));
for (const nd of [1, 2, 3]) {
  F[`conv${nd}d`] = defineOp(`F.conv${nd}d`, ["input", "weight", "bias=None", "stride=1", "padding=0", "dilation=1", "groups=1"], (a, c) =>
    convolution(tensorArg(a, "input", `conv${nd}d`), tensorArg(a, "weight", `conv${nd}d`), optionalTensor(a, "bias", `conv${nd}d`), a.ints("stride", nd), convPadding(a, nd), a.ints("dilation", nd), a.int("groups"), nd, c));
  F[`conv_transpose${nd}d`] = defineOp(`F.conv_transpose${nd}d`, ["input", "weight", "bias=None", "stride=1", "padding=0", "output_padding=0", "groups=1", "dilation=1"], (a, c) =>
    convolutionTranspose(tensorArg(a, "input", `conv_transpose${nd}d`), tensorArg(a, "weight", `conv_transpose${nd}d`), optionalTensor(a, "bias", `conv_transpose${nd}d`), a.ints("stride", nd), a.ints("padding", nd), a.ints("output_padding", nd), a.int("groups"), a.ints("dilation", nd), nd, c));
  F[`max_pool${nd}d`] = defineOp(`F.max_pool${nd}d`, ["input", "kernel_size", "stride=None", "padding=0", "dilation=1", "ceil_mode=False", "return_indices=False"], (a, c) => {
    const { kernel, stride, padding } = poolWindow(a, nd);
    const out = pool("max", tensorArg(a, "input", `max_pool${nd}d`), kernel, stride, padding, a.ints("dilation", nd), a.bool("ceil_mode"), nd, c);
    return a.bool("return_indices") ? tuple([out, { ...out, shape: [...out.shape], dtype: "int64" }]) : out;
  });
  F[`max_unpool${nd}d`] = defineOp(`F.max_unpool${nd}d`, ["input", "indices", "kernel_size", "stride=None", "padding=0", "output_size=None"], (a, c) => {
    const { kernel, stride, padding } = poolWindow(a, nd);
    return maxUnpool(tensorArg(a, "input", `max_unpool${nd}d`), kernel, stride, padding, unpoolOutputSize(a.get("output_size")), nd, c);
  });
  F[`avg_pool${nd}d`] = defineOp(`F.avg_pool${nd}d`, ["input", "kernel_size", "stride=None", "padding=0", "ceil_mode=False", "count_include_pad=True", "divisor_override=None"], (a, c) => {
    const { kernel, stride, padding } = poolWindow(a, nd);
    return pool("avg", tensorArg(a, "input", `avg_pool${nd}d`), kernel, stride, padding, kernel.map(() => 1), a.bool("ceil_mode"), nd, c);
  });
  F[`lp_pool${nd}d`] = defineOp(`F.lp_pool${nd}d`, ["input", "norm_type", "kernel_size", "stride=None", "ceil_mode=False"], (a, c) => {
    const { kernel, stride } = poolWindow(a, nd);
    return pool("avg", tensorArg(a, "input", `lp_pool${nd}d`), kernel, stride, kernel.map(() => 0), kernel.map(() => 1), a.bool("ceil_mode"), nd, c);
  });
  F[`adaptive_avg_pool${nd}d`] = defineOp(`F.adaptive_avg_pool${nd}d`, ["input", "output_size"], (a, c) => adaptivePool("avg", tensorArg(a, "input", `adaptive_avg_pool${nd}d`), adaptiveSize(a.get("output_size"), nd), nd, c));
  F[`adaptive_max_pool${nd}d`] = defineOp(`F.adaptive_max_pool${nd}d`, ["input", "output_size", "return_indices=False"], (a, c) => {
    const out = adaptivePool("max", tensorArg(a, "input", `adaptive_max_pool${nd}d`), adaptiveSize(a.get("output_size"), nd), nd, c);
    return a.bool("return_indices") ? tuple([out, { ...out, shape: [...out.shape], dtype: "int64" }]) : out;
  });
}
F.unfold = defineOp("F.unfold", ["input", "kernel_size", "dilation=1", "padding=0", "stride=1"], (a, c) => unfold(tensorArg(a, "input", "unfold"), a.ints("kernel_size", 2), a.ints("dilation", 2), a.ints("padding", 2), a.ints("stride", 2), c));
F.fold = defineOp("F.fold", ["input", "output_size", "kernel_size", "dilation=1", "padding=0", "stride=1"], (a, c) => fold(tensorArg(a, "input", "fold"), a.ints("output_size", 2), a.ints("kernel_size", 2), a.ints("dilation", 2), a.ints("padding", 2), a.ints("stride", 2), c));

// ---- dropout ----
for (const name of ["dropout", "dropout1d", "dropout2d", "dropout3d", "alpha_dropout", "feature_alpha_dropout"]) {
  // F.dropout's `training` defaults to True: it drops unless the caller passes training=self.training.
  F[name] = defineOp(`F.${name}`, ["input", "p=0.5", "training=True", "inplace=False"], (a, c) => {
    const x = tensorArg(a, "input", name);
    const p = a.float("p");
    if (p < 0 || p > 1) throw new PythonError(`dropout probability has to be between 0 and 1, but got ${p}`);
    if (!a.bool("training") || p === 0) return x;
    if (a.bool("inplace")) {
      c.addFlops(0, "aten.bernoulli_");
      return x;
    }
    return emit(c, "aten.native_dropout", 0, x.shape, x.dtype);
  });
}

// ---- sparse, resizing, padding ----
F.embedding = defineOp("F.embedding", ["input", "weight", "padding_idx=None", "max_norm=None", "norm_type=2.0", "scale_grad_by_freq=False", "sparse=False"], (a, c) => nn.embedding(tensorArg(a, "input", "embedding"), tensorArg(a, "weight", "embedding"), c));
F.embedding_bag = defineOp("F.embedding_bag", ["input", "weight", "offsets=None", "max_norm=None", "norm_type=2", "scale_grad_by_freq=False", "mode='mean'", "sparse=False", "per_sample_weights=None", "include_last_offset=False", "padding_idx=None"], (a, c) => {
  const x = tensorArg(a, "input", "embedding_bag");
  const weight = tensorArg(a, "weight", "embedding_bag");
  const offsets = optionalTensor(a, "offsets", "embedding_bag");
  let bags: number;
  if (x.shape.length === 2) bags = x.shape[0];
  else if (x.shape.length === 1 && offsets) bags = offsets.shape[0] - (a.bool("include_last_offset") ? 1 : 0);
  else throw new PythonError("embedding_bag: input has to be 1D (with offsets) or 2D");
  return emit(c, "aten._embedding_bag", 0, [bags, weight.shape[1]], weight.dtype);
});
F.one_hot = defineOp("F.one_hot", ["tensor", "num_classes=-1"], (a, c) => nn.oneHot(tensorArg(a, "tensor", "one_hot"), a.int("num_classes"), c));
F.pad = defineOp("F.pad", ["input", "pad", "mode='constant'", "value=None"], (a, c) => nn.pad(tensorArg(a, "input", "pad"), toInts(a.get("pad"), "pad"), a.str("mode"), c));
F.interpolate = defineOp("F.interpolate", ["input", "size=None", "scale_factor=None", "mode='nearest'", "align_corners=None", "recompute_scale_factor=None", "antialias=False"], (a, c) => {
  const { size, scale } = resizeArguments(a);
  return nn.interpolate(tensorArg(a, "input", "interpolate"), size, scale, a.str("mode"), c);
});
F.upsample = defineOp("F.upsample", ["input", "size=None", "scale_factor=None", "mode='nearest'", "align_corners=None"], (a, c) => {
  const { size, scale } = resizeArguments(a);
  return nn.interpolate(tensorArg(a, "input", "upsample"), size, scale, a.str("mode"), c);
});
F.upsample_nearest = defineOp("F.upsample_nearest", ["input", "size=None", "scale_factor=None"], (a, c) => {
  const { size, scale } = resizeArguments(a);
  return nn.interpolate(tensorArg(a, "input", "upsample_nearest"), size, scale, "nearest", c);
});
F.upsample_bilinear = defineOp("F.upsample_bilinear", ["input", "size=None", "scale_factor=None"], (a, c) => {
  const { size, scale } = resizeArguments(a);
  return nn.interpolate(tensorArg(a, "input", "upsample_bilinear"), size, scale, "bilinear", c);
});
F.pixel_shuffle = defineOp("F.pixel_shuffle", ["input", "upscale_factor"], (a, c) => nn.pixelShuffle(tensorArg(a, "input", "pixel_shuffle"), a.int("upscale_factor"), c));
F.pixel_unshuffle = defineOp("F.pixel_unshuffle", ["input", "downscale_factor"], (a, c) => nn.pixelUnshuffle(tensorArg(a, "input", "pixel_unshuffle"), a.int("downscale_factor"), c));
F.grid_sample = defineOp("F.grid_sample", ["input", "grid", "mode='bilinear'", "padding_mode='zeros'", "align_corners=None"], (a, c) => {
  const x = tensorArg(a, "input", "grid_sample");
  const grid = tensorArg(a, "grid", "grid_sample");
  if (grid.shape[0] !== x.shape[0]) throw new PythonError("grid_sample(): expected grid and input to have same batch size");
  return emit(c, x.shape.length === 5 ? "aten.grid_sampler_3d" : "aten.grid_sampler_2d", 0, [x.shape[0], x.shape[1], ...grid.shape.slice(1, -1)], x.dtype);
});
F.affine_grid = defineOp("F.affine_grid", ["theta", "size", "align_corners=None"], (a, c) => {
  const size = toInts(a.get("size"), "affine_grid(size)");
  const spatial = size.slice(2);
  return emit(c, "aten.affine_grid_generator", 0, [size[0], ...spatial, spatial.length], tensorArg(a, "theta", "affine_grid").dtype);
});

// ---- normalization ----
F.layer_norm = defineOp("F.layer_norm", ["input", "normalized_shape", "weight=None", "bias=None", "eps=1e-05"], (a, c) => nn.layerNorm(tensorArg(a, "input", "layer_norm"), toInts(a.get("normalized_shape"), "normalized_shape"), c));
F.rms_norm = defineOp("F.rms_norm", ["input", "normalized_shape", "weight=None", "eps=None"], (a, c) => nn.layerNorm(tensorArg(a, "input", "rms_norm"), toInts(a.get("normalized_shape"), "normalized_shape"), c, "aten.rms_norm"));
F.batch_norm = defineOp("F.batch_norm", ["input", "running_mean", "running_var", "weight=None", "bias=None", "training=False", "momentum=0.1", "eps=1e-05"], (a, c) => {
  const mean = optionalTensor(a, "running_mean", "batch_norm");
  return nn.channelNorm(tensorArg(a, "input", "batch_norm"), mean?.shape[0], "native_batch_norm", c);
});
F.instance_norm = defineOp("F.instance_norm", ["input", "running_mean=None", "running_var=None", "weight=None", "bias=None", "use_input_stats=True", "momentum=0.1", "eps=1e-05"], (a, c) => nn.channelNorm(tensorArg(a, "input", "instance_norm"), optionalTensor(a, "running_mean", "instance_norm")?.shape[0], "instance_norm", c));
F.group_norm = defineOp("F.group_norm", ["input", "num_groups", "weight=None", "bias=None", "eps=1e-05"], (a, c) => nn.groupNorm(tensorArg(a, "input", "group_norm"), a.int("num_groups"), c));
F.local_response_norm = defineOp("F.local_response_norm", ["input", "size", "alpha=0.0001", "beta=0.75", "k=1.0"], (a, c) => unary("local_response_norm", tensorArg(a, "input", "local_response_norm"), c));

// ---- attention and distances ----
F.scaled_dot_product_attention = defineOp("F.scaled_dot_product_attention", ["query", "key", "value", "attn_mask=None", "dropout_p=0.0", "is_causal=False", "scale=None", "enable_gqa=False"], (a, c) =>
  nn.scaledDotProductAttention(tensorArg(a, "query", "scaled_dot_product_attention"), tensorArg(a, "key", "scaled_dot_product_attention"), tensorArg(a, "value", "scaled_dot_product_attention"), c, a.bool("enable_gqa")));
F.cosine_similarity = defineOp("F.cosine_similarity", ["x1", "x2", "dim=1", "eps=1e-08"], (a, c) => nn.cosineSimilarity(tensorArg(a, "x1", "cosine_similarity"), tensorArg(a, "x2", "cosine_similarity"), a.int("dim"), c));
F.pairwise_distance = defineOp("F.pairwise_distance", ["x1", "x2", "p=2.0", "eps=1e-06", "keepdim=False"], (a, c) => nn.pairwiseDistance(tensorArg(a, "x1", "pairwise_distance"), tensorArg(a, "x2", "pairwise_distance"), a.bool("keepdim"), c));

// ---- losses ----
const LEGACY = ["size_average=None", "reduce=None", "reduction='mean'"];
F.cross_entropy = defineOp("F.cross_entropy", ["input", "target", "weight=None", "size_average=None", "ignore_index=-100", "reduce=None", "reduction='mean'", "label_smoothing=0.0"], (a, c) =>
  nn.classificationLoss("cross_entropy_loss", tensorArg(a, "input", "cross_entropy"), tensorArg(a, "target", "cross_entropy"), a.str("reduction"), c));
F.nll_loss = defineOp("F.nll_loss", ["input", "target", "weight=None", "size_average=None", "ignore_index=-100", "reduce=None", "reduction='mean'"], (a, c) =>
  nn.classificationLoss("nll_loss_forward", tensorArg(a, "input", "nll_loss"), tensorArg(a, "target", "nll_loss"), a.str("reduction"), c));
for (const [name, op, extra] of [
  ["mse_loss", "mse_loss", ["weight=None"]], ["l1_loss", "l1_loss", []], ["smooth_l1_loss", "smooth_l1_loss", ["beta=1.0"]], ["huber_loss", "huber_loss", ["delta=1.0", "weight=None"]],
  ["binary_cross_entropy", "binary_cross_entropy", ["weight=None"]], ["binary_cross_entropy_with_logits", "binary_cross_entropy_with_logits", ["weight=None", "pos_weight=None"]],
  ["kl_div", "kl_div", ["log_target=False"]], ["soft_margin_loss", "soft_margin_loss", []], ["multilabel_soft_margin_loss", "multilabel_soft_margin_loss", ["weight=None"]],
] as const) {
  const order = name === "binary_cross_entropy" || name === "binary_cross_entropy_with_logits" || name === "multilabel_soft_margin_loss"
    ? ["input", "target", "weight=None", ...LEGACY, ...extra.filter((e) => e !== "weight=None")]
    : name === "huber_loss" ? ["input", "target", "reduction='mean'", ...extra] : ["input", "target", ...LEGACY, ...extra];
  F[name] = defineOp(`F.${name}`, order, (a, c) => nn.elementwiseLoss(op, tensorArg(a, "input", name), tensorArg(a, "target", name), a.str("reduction"), c));
}
F.poisson_nll_loss = defineOp("F.poisson_nll_loss", ["input", "target", "log_input=True", "full=False", ...LEGACY.slice(0, 2), "eps=1e-08", "reduction='mean'"], (a, c) => nn.elementwiseLoss("poisson_nll_loss", tensorArg(a, "input", "poisson_nll_loss"), tensorArg(a, "target", "poisson_nll_loss"), a.str("reduction"), c));
F.gaussian_nll_loss = defineOp("F.gaussian_nll_loss", ["input", "target", "var", "full=False", "eps=1e-06", "reduction='mean'"], (a, c) => nn.elementwiseLoss("gaussian_nll_loss", tensorArg(a, "input", "gaussian_nll_loss"), tensorArg(a, "target", "gaussian_nll_loss"), a.str("reduction"), c));
F.margin_ranking_loss = defineOp("F.margin_ranking_loss", ["input1", "input2", "target", "margin=0", ...LEGACY], (a, c) => nn.elementwiseLoss("margin_ranking_loss", tensorArg(a, "input1", "margin_ranking_loss"), tensorArg(a, "input2", "margin_ranking_loss"), a.str("reduction"), c));
F.hinge_embedding_loss = defineOp("F.hinge_embedding_loss", ["input", "target", "margin=1.0", ...LEGACY], (a, c) => nn.elementwiseLoss("hinge_embedding_loss", tensorArg(a, "input", "hinge_embedding_loss"), tensorArg(a, "target", "hinge_embedding_loss"), a.str("reduction"), c));
F.cosine_embedding_loss = defineOp("F.cosine_embedding_loss", ["input1", "input2", "target", "margin=0", ...LEGACY], (a, c) => {
  const x = tensorArg(a, "input1", "cosine_embedding_loss");
  return nn.reduceLoss("cosine_embedding_loss", x.shape.slice(0, -1), a.str("reduction"), x.dtype, c);
});
F.triplet_margin_loss = defineOp("F.triplet_margin_loss", ["anchor", "positive", "negative", "margin=1.0", "p=2", "eps=1e-06", "swap=False", ...LEGACY], (a, c) => {
  const x = tensorArg(a, "anchor", "triplet_margin_loss");
  return nn.reduceLoss("triplet_margin_loss", x.shape.slice(0, -1), a.str("reduction"), x.dtype, c);
});
F.ctc_loss = defineOp("F.ctc_loss", ["log_probs", "targets", "input_lengths", "target_lengths", "blank=0", "reduction='mean'", "zero_infinity=False"], (a, c) => {
  const x = tensorArg(a, "log_probs", "ctc_loss");
  return nn.reduceLoss("_ctc_loss", x.shape.length === 3 ? [x.shape[1]] : [], a.str("reduction"), x.dtype, c);
});

F.multi_head_attention_forward = multiHeadAttentionForward;

/** torch.nn.functional.* by short name. */
export const FUNCTIONAL: Readonly<Record<string, OpImpl>> = F;

// ---- torch.nn.init: in-place initialisers, run in __init__: they return their tensor and add no forward work ----
const INIT: Record<string, OpImpl> = {};
for (const name of [
  "uniform_", "normal_", "constant_", "ones_", "zeros_", "eye_", "dirac_", "xavier_uniform_", "xavier_normal_", "kaiming_uniform_",
  "kaiming_normal_", "trunc_normal_", "orthogonal_", "sparse_", "uniform", "normal", "constant", "xavier_uniform", "xavier_normal",
  "kaiming_uniform", "kaiming_normal", "orthogonal",
]) {
  INIT[name] = ({ args, kwargs }) => {
    const t = args[0] ?? kwargs.get("tensor");
    if (!t) throw new PythonError(`torch.nn.init.${name}() missing required argument 'tensor'`);
    if (t.kind === "tensor" && (name.startsWith("xavier") || name.startsWith("kaiming")) && t.shape.length < 2) {
      throw new PythonError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    }
    // Initialisers fill in place and return their tensor; an unknown stays unknown.
    return t.kind === "unknown" ? t : toTensor(t, `torch.nn.init.${name}(tensor)`);
  };
}
/** torch.nn.init.calculate_gain (its table of gains). */
INIT.calculate_gain = defineOp("torch.nn.init.calculate_gain", ["nonlinearity", "param=None"], (a) => {
  const n = a.str("nonlinearity");
  const gains: Record<string, number> = { linear: 1, conv1d: 1, conv2d: 1, conv3d: 1, conv_transpose1d: 1, conv_transpose2d: 1, conv_transpose3d: 1, sigmoid: 1, tanh: 5 / 3, relu: Math.SQRT2, selu: 3 / 4 };
  if (n === "leaky_relu") {
    const slope = a.isNone("param") ? 0.01 : a.float("param");
    return float(Math.sqrt(2 / (1 + slope * slope)));
  }
  const g = gains[n];
  if (g === undefined) throw new PythonError(`Unsupported nonlinearity ${n}`);
  return float(g);
});
/** torch.nn.init._calculate_fan_in_and_fan_out: (in, out) features times the receptive field, from the shape. */
INIT._calculate_fan_in_and_fan_out = defineOp("torch.nn.init._calculate_fan_in_and_fan_out", ["tensor"], (a) => {
  const t = tensorArg(a, "tensor", "_calculate_fan_in_and_fan_out");
  if (t.shape.length < 2) throw new PythonError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  const receptive = t.shape.slice(2).reduce((x, y) => x * y, 1);
  return tuple([int(t.shape[1] * receptive), int(t.shape[0] * receptive)]);
});

/** torch.nn.init.* by short name. */
export const INITIALISERS: Readonly<Record<string, OpImpl>> = INIT;
