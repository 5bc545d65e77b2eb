// Which tensors an op keeps for its backward pass, after PyTorch's derivatives.yaml (tools/autograd, v1.13/2.x):
// a product needs its inputs (for the other operand's gradient), ReLU/sigmoid/tanh/softmax need their output, a
// max-pool keeps its argmax indices, dropout its mask. Activation memory of a training step is then the bytes of
// the distinct storages kept (views share their base), which is what saved_tensors_hooks sees.
import { canonicalOpName } from "../energy/op-classes";
import type { OpRecord, StorageRef } from "../report/model-report";

/** What an op keeps: its non-parameter inputs, its output, extra output-sized tensors (indices, masks), nothing. */
interface SavedRule {
  inputs?: boolean;
  output?: boolean;
  /** Bytes per output element of a tensor the op allocates for backward (max-pool int64 indices, dropout's bool mask). */
  extraBytesPerOutput?: number;
  /** Element-wise products keep an operand only when the other one is a tensor too (a scalar factor keeps nothing). */
  onlyWithTensorPartner?: boolean;
}

const RULES: Record<string, SavedRule> = {};
const rule = (r: SavedRule, names: string[]) => names.forEach((n) => (RULES[n] = r));
rule({ inputs: true }, [
  "convolution", "linear", "addmm", "mm", "matmul", "bmm", "baddbmm", "addbmm", "mv", "dot", "einsum", "bilinear",
  "batch_norm", "layer_norm", "group_norm", "instance_norm", "rms_norm", "gelu", "silu", "mish", "softplus",
  "leaky_relu", "hardswish", "hardsigmoid", "elu", "selu", "celu", "prelu", "log", "sin", "cos", "abs", "clamp",
  "clip", "hardtanh", "relu6", "avg_pool2d", "avg_pool1d", "avg_pool3d", "adaptive_avg_pool2d", "adaptive_avg_pool1d",
  "adaptive_avg_pool3d", "embedding", "embedding_bag", "index_select", "gather", "index", "pow", "norm",
  "cross_entropy", "nll_loss", "mse_loss", "l1_loss", "smooth_l1_loss", "binary_cross_entropy_with_logits",
  "upsample_nearest2d", "upsample_bilinear2d", "interpolate", "pixel_shuffle", "logsumexp",
]);
rule({ output: true }, ["relu", "sigmoid", "tanh", "softmax", "log_softmax", "exp", "sqrt", "rsqrt", "threshold"]);
rule({ inputs: true, extraBytesPerOutput: 8 }, [
  "max_pool2d", "max_pool1d", "max_pool3d", "adaptive_max_pool2d", "adaptive_max_pool1d", "max_pool2d_with_indices",
]);
rule({ extraBytesPerOutput: 1 }, ["dropout"]);
rule({ inputs: true, onlyWithTensorPartner: true }, ["mul", "div", "true_divide", "maximum", "minimum", "where"]);
// Attention kernels keep q, k, v and the output (plus a row statistic, small).
rule({ inputs: true, output: true }, ["scaled_dot_product_attention", "multi_head_attention", "flash_attention"]);
rule({}, [
  "add", "sub", "rsub", "neg", "cat", "stack", "sum", "mean", "view", "reshape", "flatten", "unflatten", "transpose",
  "permute", "squeeze", "unsqueeze", "expand", "t", "split", "chunk", "unbind", "narrow", "select", "slice", "alias",
  "clone", "copy", "contiguous", "to", "fill", "zero", "zeros_like", "ones_like", "masked_fill", "triu", "tril",
  "pad", "constant_pad_nd", "repeat", "roll", "flip", "arange", "full", "identity", "lift_fresh",
]);

/** An op's rule: by name; an unknown op that does math (FLOPs) keeps its inputs, one that does not keeps nothing. */
function ruleOf(op: OpRecord): SavedRule {
  return RULES[canonicalOpName(op.op)] ?? (op.flops > 0 ? { inputs: true } : {});
}

/** One storage kept for backward, or an op-allocated tensor (indices, masks), with its bytes. */
export interface SavedTensor {
  storage?: StorageRef;
  bytes: number;
  op: OpRecord;
}

/**
 * The tensors a training step keeps from forward for backward: each storage once. Ops the interpreter saw without
 * their operands fall back to their output (a lower-confidence guess, counted). Ops in `recomputed` (inside
 * torch.utils.checkpoint) keep nothing but their segment's inputs, which the caller adds.
 */
export function savedTensors(ops: readonly OpRecord[], training = true): { tensors: SavedTensor[]; unseenOps: number } {
  const seen = new Set<number>();
  const tensors: SavedTensor[] = [];
  let unseenOps = 0;
  const keep = (storage: StorageRef, op: OpRecord) => {
    if (seen.has(storage.id)) return;
    seen.add(storage.id);
    tensors.push({ storage, bytes: storage.elements * storage.bytesPerElement, op });
  };
  for (const op of ops) {
    const r = ruleOf(op);
    const name = canonicalOpName(op.op);
    if (!training && name === "dropout") continue;
    if (r.extraBytesPerOutput) tensors.push({ bytes: op.outputElements * r.extraBytesPerOutput, op });
    if (!op.tensors) {
      if (r.inputs || r.output) {
        unseenOps++;
        tensors.push({ bytes: op.outputElements * 4, op });
      }
      continue;
    }
    const { inputs, operands, output } = op.tensors;
    if (r.inputs && !(r.onlyWithTensorPartner && operands < 2)) for (const s of inputs) keep(s, op);
    if (r.output && output) keep(output, op);
  }
  return { tensors, unseenOps };
}
