// How the energy model treats each op the analyzer reports. The analyzer names ops as torch.utils.flop_counter and
// the profiler do (aten.convolution, aten.addmm, aten._scaled_dot_product_flash_attention, aten.relu_...); the
// functional names (conv2d, linear, relu) are accepted too. Unknown names fall back by their FLOPs.

/** What bounds an op's kernels and which rate applies. */
export type OpClass =
  /** Dense matrix products on the matrix units: linear, matmul, bmm, einsum. */
  | "matmul"
  /** Convolutions (cuDNN); under PyTorch's defaults fp32 convolutions may use TF32. */
  | "convolution"
  /** Fused attention (scaled_dot_product_attention): matmul-bound, reads q, k and v. */
  | "attention"
  /** Recurrent layers run step by step: a sequence of small kernels. */
  | "recurrent"
  /** Table lookups: read only the rows they gather, not the whole table. */
  | "gather"
  /** Everything else that runs a kernel: norms, activations, pooling, element-wise arithmetic, copies. */
  | "vector"
  /** Shape-only ops (views) and eval-mode dropout: no kernel, no traffic. */
  | "view";

/** The op's bare name: lowercase, without `aten.`/`torch.`/`F.` prefixes, leading underscores, `native_`, in-place `_`
 *  and overload suffixes, so `aten._native_batch_norm_legit_no_training` and `F.batch_norm` both read batch_norm. */
export function canonicalOpName(op: string): string {
  let name = canonicalCache.get(op);
  if (name === undefined) {
    name = canonicalize(op);
    // Op names come from a small vocabulary; the cache stays small.
    if (canonicalCache.size < 4096) canonicalCache.set(op, name);
  }
  return name;
}

const canonicalCache = new Map<string, string>();

function canonicalize(op: string): string {
  let name = op.toLowerCase().trim();
  name = name.replace(/^(torch\.nn\.functional\.|torch\.nn\.|torch\.|aten\.|f\.|nn\.)+/, "");
  name = name.replace(/\.(default|tensor|scalar|int|self|out)$/, "");
  name = name.replace(/^_+/, "").replace(/^native_/, "").replace(/_+$/, "");
  if (name.includes("batch_norm")) return "batch_norm";
  // Dropout's mask (aten.bernoulli_ for Dropout2d/3d, aten.native_dropout) is a kernel only in training.
  if (name.startsWith("bernoulli") || name.endsWith("dropout")) return "dropout";
  if (name.includes("scaled_dot_product")) return "scaled_dot_product_attention";
  if (/^(cudnn_|miopen_)?convolution|^conv(_transpose)?\d?d?$/.test(name)) return "convolution";
  return name.replace(/_with_indices$/, "").replace(/_forward$/, "");
}

const BY_NAME: Record<string, OpClass> = {};
const add = (opClass: OpClass, names: string[]): void => names.forEach((name) => (BY_NAME[name] = opClass));
add("matmul", ["linear", "matmul", "mm", "bmm", "addmm", "baddbmm", "addbmm", "mv", "dot", "einsum", "bilinear", "trilinear", "dense", "tensordot", "outer"]);
add("convolution", ["convolution"]);
add("attention", ["scaled_dot_product_attention", "multi_head_attention", "flash_attention"]);
add("recurrent", ["lstm", "gru", "rnn", "rnn_tanh", "rnn_relu", "lstm_cell", "gru_cell", "rnn_tanh_cell", "cudnn_rnn"]);
add("gather", ["embedding", "embedding_bag", "index_select", "gather", "take_along_dim", "index"]);
add("view", [
  "view", "reshape", "flatten", "unflatten", "transpose", "permute", "squeeze", "unsqueeze", "expand", "t",
  "split", "chunk", "unbind", "narrow", "select", "slice", "alias", "size", "identity", "dropout", "lift_fresh",
]);

/** Module types whose matrix products run step by step (torch.nn.LSTM, GRU, RNN and their cells). */
const RECURRENT_LAYERS = /^(lstm|gru|rnn|simplernn)(cell)?$/i;

/** Classifies an op by its name, and by the type of the layer running it (an LSTM's addmm is a recurrent step);
 *  dropout is a kernel only in training; FLOP-carrying unknowns count as matrix products. */
export function classifyOp(op: string, flops: number, layerType?: string, training = false): OpClass {
  const name = canonicalOpName(op);
  if (training && name === "dropout") return "vector";
  if (layerType && RECURRENT_LAYERS.test(layerType) && flops > 0) return "recurrent";
  const known = BY_NAME[name];
  if (known) return known;
  return flops > 0 ? "matmul" : "vector";
}

/** How many tensors of the previous op's output size an op reads besides weights (binary element-wise ops read two). */
export function inputArity(op: string): number {
  return ["add", "sub", "mul", "div", "cat", "stack", "where", "maximum", "minimum", "rsub"].includes(canonicalOpName(op)) ? 2 : 1;
}

/** Ops that torch.autocast runs in fp32 (its float32 list): their outputs stay fp32 and a matmul after them casts. */
const AUTOCAST_FP32 = new Set([
  "layer_norm", "group_norm", "instance_norm", "rms_norm", "softmax", "log_softmax", "cross_entropy", "cross_entropy_loss",
  "nll_loss", "nll_loss2d", "mse_loss", "l1_loss", "smooth_l1_loss", "binary_cross_entropy_with_logits", "norm",
  "cumsum", "exp", "log", "pow", "sum", "prod", "cosine_similarity", "pairwise_distance", "dist", "cdist",
]);

/** True when autocast keeps this op in fp32. */
export function runsInFp32UnderAutocast(op: string): boolean {
  return AUTOCAST_FP32.has(canonicalOpName(op));
}
