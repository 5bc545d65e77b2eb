// Loss modules and distance modules: scalar (or unreduced) outputs, 0 FLOPs.
import type { InstanceValue, LayerSpec } from "../../interp/values";
import { classificationLoss, cosineSimilarity, elementwiseLoss, pairwiseDistance, reduceLoss } from "../ops/nn-ops";
import { defineLayer, input } from "./define";
import { LOSS_BASE } from "../nn/loss-bases";

const LEGACY = ["size_average=None", "reduce=None", "reduction='mean'"];

function classification(name: string, op: string): LayerSpec {
  return defineLayer({
    name,
    signature: name === "CrossEntropyLoss" ? ["weight=None", "size_average=None", "ignore_index=-100", "reduce=None", "reduction='mean'", "label_smoothing=0.0"] : ["weight=None", "size_average=None", "ignore_index=-100", "reduce=None", "reduction='mean'"],
    forwardSignature: ["input", "target"],
    // _WeightedLoss registers `weight` as a buffer (None unless given).
    build: (a) => ({ parameters: [], buffers: [["weight", a.isNone("weight") ? null : [((a.get("weight") as { shape?: number[] }).shape ?? [0])[0]]]] }),
    forward: (layer, args, context) => classificationLoss(op, input(args, name), input(args, name, "target"), layer.config.str("reduction"), context),
  });
}

function elementwise(name: string, op: string, extra: string[] = [], weighted = false): LayerSpec {
  return defineLayer({
    name,
    signature: weighted ? ["weight=None", ...LEGACY, ...extra] : [...LEGACY, ...extra],
    forwardSignature: ["input", "target"],
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => elementwiseLoss(op, input(args, name), input(args, name, "target"), layer.config.str("reduction"), context),
  });
}

function pairwise(name: string, op: string, signature: string[], inputs: string[]): LayerSpec {
  return defineLayer({
    name,
    signature,
    forwardSignature: inputs,
    build: () => ({ parameters: [] }),
    forward: (layer, args, context) => {
      const first = input(args, name, inputs[0]);
      const unreduced = name === "TripletMarginLoss" || name === "CosineEmbeddingLoss" ? first.shape.slice(0, -1) : first.shape;
      return reduceLoss(op, unreduced, layer.config.str("reduction"), first.dtype, context);
    },
  });
}

export const CosineSimilarity = defineLayer({
  name: "CosineSimilarity",
  signature: ["dim=1", "eps=1e-08"],
  forwardSignature: ["x1", "x2"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => cosineSimilarity(input(args, "CosineSimilarity", "x1"), input(args, "CosineSimilarity", "x2"), layer.config.int("dim"), context),
});

export const PairwiseDistance = defineLayer({
  name: "PairwiseDistance",
  signature: ["p=2.0", "eps=1e-06", "keepdim=False"],
  forwardSignature: ["x1", "x2"],
  build: () => ({ parameters: [] }),
  forward: (layer, args, context) => pairwiseDistance(input(args, "PairwiseDistance", "x1"), input(args, "PairwiseDistance", "x2"), layer.config.bool("keepdim"), context),
});

export const LOSS_LAYERS: LayerSpec[] = [
  classification("CrossEntropyLoss", "cross_entropy_loss"),
  classification("NLLLoss", "nll_loss_forward"),
  elementwise("MSELoss", "mse_loss"),
  elementwise("L1Loss", "l1_loss"),
  elementwise("SmoothL1Loss", "smooth_l1_loss", ["beta=1.0"]),
  elementwise("HuberLoss", "huber_loss", ["delta=1.0"]),
  elementwise("BCELoss", "binary_cross_entropy", [], true),
  elementwise("BCEWithLogitsLoss", "binary_cross_entropy_with_logits", ["pos_weight=None"], true),
  elementwise("KLDivLoss", "kl_div", ["log_target=False"]),
  elementwise("SoftMarginLoss", "soft_margin_loss"),
  elementwise("MultiLabelSoftMarginLoss", "multilabel_soft_margin_loss", [], true),
  elementwise("PoissonNLLLoss", "poisson_nll_loss", ["log_input=True", "full=False", "eps=1e-08"]),
  pairwise("MarginRankingLoss", "margin_ranking_loss", ["margin=0.0", ...LEGACY], ["input1", "input2", "target"]),
  pairwise("HingeEmbeddingLoss", "hinge_embedding_loss", ["margin=1.0", ...LEGACY], ["input", "target"]),
  pairwise("CosineEmbeddingLoss", "cosine_embedding_loss", ["margin=0.0", ...LEGACY], ["input1", "input2", "target"]),
  pairwise("TripletMarginLoss", "triplet_margin_loss", ["margin=1.0", "p=2.0", "eps=1e-06", "swap=False", ...LEGACY], ["anchor", "positive", "negative"]),
  CosineSimilarity, PairwiseDistance,
];

const LOSS_NAMES = new Set(LOSS_LAYERS.map((l) => l.name).filter((n) => n.endsWith("Loss")));

/** A project's own criterion class, named as torch.nn names its losses (`YOLOLoss`, `FocalLoss`, `ContrastiveCriterion`). */
const OWN_LOSS_NAME = /(Loss|Criterion)$/;

/** Whether a module is one of torch.nn's loss criteria (itself or by a base class, _Loss included), or a project's
 *  class named as one that holds no parameters anywhere in it: what a model is trained against, not a model. */
export function isLossCriterion(m: InstanceValue): boolean {
  if ([m.cls, ...m.cls.mro].some((c) => (c.layer !== undefined && LOSS_NAMES.has(c.layer.name)) || c.qualifiedName === LOSS_BASE)) return true;
  return m.cls.location !== undefined && OWN_LOSS_NAME.test(m.cls.name) && !holdsParameters(m, 0);
}

/** Whether a module or any module below it (a few levels down) has a parameter. */
function holdsParameters(m: InstanceValue, depth: number): boolean {
  if (!m.module) return false;
  if ([...m.module.parameters.values()].some((p) => p.kind === "tensor")) return true;
  return depth < 8 && [...m.module.children.values()].some((c) => c.kind === "instance" && holdsParameters(c, depth + 1));
}
