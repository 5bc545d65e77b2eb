// How the energy model treats each op the analyzer reports, by name. The analyzer names ops after the torch
// function or layer that ran them (conv2d, linear, batch_norm, relu, add...); unknown names fall back by FLOPs.

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
  /** Shape-only ops (views): no kernel, no traffic. */
  | "view";

const BY_NAME: Record<string, OpClass> = {};
const add = (opClass: OpClass, names: string[]): void => names.forEach((name) => (BY_NAME[name] = opClass));
add("matmul", ["linear", "matmul", "mm", "bmm", "addmm", "baddbmm", "einsum", "dense", "bilinear", "multi_head_attention_projection"]);
add("convolution", ["conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "convolution", "conv"]);
add("attention", ["scaled_dot_product_attention", "multi_head_attention", "flash_attention", "attention"]);
add("recurrent", ["lstm", "gru", "rnn", "lstm_cell", "gru_cell", "rnn_cell"]);
add("gather", ["embedding", "embedding_bag", "index_select", "gather"]);
add("view", [
  "view", "reshape", "flatten", "unflatten", "transpose", "permute", "squeeze", "unsqueeze", "expand", "t",
  "split", "chunk", "unbind", "narrow", "select", "getitem_view", "size", "identity", "dropout_eval", "dropout",
]);

/** Classifies an op by its name (case-insensitive, `torch.`/`F.`/`nn.` prefixes ignored); FLOP-carrying unknowns count as matmuls. */
export function classifyOp(op: string, flops: number): OpClass {
  const name = op.toLowerCase().replace(/^(torch\.nn\.functional\.|torch\.nn\.|torch\.|f\.|nn\.)/, "");
  const known = BY_NAME[name];
  if (known) return known;
  return flops > 0 ? "matmul" : "vector";
}

/** How many tensors of the output's size an op reads besides weights (binary element-wise ops read two, attention three). */
export function inputArity(op: string, opClass: OpClass): number {
  if (opClass === "attention") return 3;
  const name = op.toLowerCase();
  return ["add", "sub", "mul", "div", "cat", "stack", "where", "maximum", "minimum", "add_", "mul_"].includes(name) ? 2 : 1;
}
