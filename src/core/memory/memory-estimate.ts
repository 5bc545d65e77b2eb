// Device memory of a model as it runs: weights, gradients, optimizer state, activations kept for backward, the KV
// cache of a generation, and the peak of one step. Bytes are exact where PyTorch's allocation is a formula of the
// parameters (weights, gradients, optimizer state); activations follow saved-tensors.ts, checked against
// torch.autograd.graph.saved_tensors_hooks (docs/memory.md, tools/measure/saved-tensors.py).
import { canonicalOpName } from "../energy/op-classes";
import { BYTES_PER_ELEMENT, isAutocast, type Precision } from "../energy/precision";
import type { ModelReport, OpRecord } from "../report/model-report";
import { savedTensors } from "./saved-tensors";
import type { ZeroStage } from "../parallel/parallel-setup";

/** The ZeRO stage from which each part is sharded. */
const SHARDED_FROM: Partial<Record<MemoryPart["name"], ZeroStage>> = { optimizer: 1, gradients: 2, weights: 3 };

/** How weights are stored: float formats, or integer weight-only quantization (int4 packs two per byte). */
export const WEIGHT_FORMATS = ["fp32", "bf16", "fp16", "int8", "int4"] as const;
export type WeightFormat = (typeof WEIGHT_FORMATS)[number];
const WEIGHT_BYTES: Record<WeightFormat, number> = { fp32: 4, bf16: 2, fp16: 2, int8: 1, int4: 0.5 };

/** Optimizers by the state they keep per trainable parameter. */
export const OPTIMIZERS = ["sgd", "sgd-momentum", "adam", "adamw", "adam-8bit", "adamw-8bit", "adafactor"] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

/** One named part of the memory, in bytes, with how it was worked out. */
export interface MemoryPart {
  name: "weights" | "gradients" | "optimizer" | "activations" | "kv_cache" | "buffers";
  bytes: number;
  detail: string;
}

export interface MemoryOptions {
  mode: "inference" | "train";
  /** The run's math precision: under autocast (bf16, fp16) activations are kept at 2 bytes, weights stay fp32. */
  precision?: Precision;
  /** Storage of the weights; fp32 by default (layers the code quantized stay int8). */
  weights?: WeightFormat;
  optimizer?: OptimizerKind;
  /** Activations at this batch instead of the report's. */
  batch?: number;
  /** Checkpoint each repeated block (blocks.0, blocks.1, ...) as torch.utils.checkpoint would: for the fit finding's fix. */
  checkpointBlocks?: boolean;
  /** A generation's KV cache: tokens held per sequence, sequences (batch × beams) and bytes per element. */
  kvCache?: { tokens: number; sequences: number; bytesPerElement: number };
  /** A training step on several GPUs: memory per GPU, ZeRO stage 1 sharding optimizer state, 2 also gradients, 3 also
   *  weights over `gpus` (Rajbhandari et al. 2020, §5.1-5.3); `batch` is then the per-GPU batch. */
  shard?: { gpus: number; zeroStage: ZeroStage; strategy: string; dataParallel: boolean };
}

/** What a model needs on the device, part by part, and the peak of one step. */
export interface MemoryEstimate {
  mode: "inference" | "train";
  parts: MemoryPart[];
  peak_bytes: number;
  /** What the peak is made of, in words. */
  peak_detail: string;
  /** Activation bytes per generated or prompt token of the KV cache (0 when the model has no attention over activations). */
  kv_bytes_per_token: number;
  notes: string[];
}

/** The batch of a report's first input (1 when unknown). */
export function reportBatch(report: ModelReport): number {
  const b = report.inputs[0]?.shape[0];
  return b !== undefined && b > 0 ? b : 1;
}

/** Bytes of the weights: each parameter at the format, layers the code quantized at one byte. */
export function weightBytes(report: ModelReport, format: WeightFormat = "fp32"): number {
  const quantized = report.layers.filter((l) => l.precision === "int8" && l.leaf).reduce((s, l) => s + l.params, 0);
  return (report.params - quantized) * WEIGHT_BYTES[format] + quantized;
}

/** Optimizer state bytes for these trainable tensors (PyTorch keeps state at the parameter's dtype). */
export function optimizerBytes(tensorSizes: readonly number[], optimizer: OptimizerKind, parameterBytes: number): { bytes: number; detail: string } {
  const n = tensorSizes.reduce((a, b) => a + b, 0);
  switch (optimizer) {
    case "sgd":
      return { bytes: 0, detail: "SGD without momentum keeps no state" };
    case "sgd-momentum":
      return { bytes: n * parameterBytes, detail: "one momentum buffer per parameter (torch.optim.SGD, momentum > 0)" };
    case "adam":
    case "adamw":
      // torch.optim.Adam(W): exp_avg and exp_avg_sq like the parameter, and a 0-dim fp32 `step` tensor per parameter.
      return { bytes: 2 * n * parameterBytes + 4 * tensorSizes.length, detail: `exp_avg and exp_avg_sq at ${parameterBytes} bytes per parameter, and a step counter per tensor (torch.optim.${optimizer === "adam" ? "Adam" : "AdamW"})` };
    case "adam-8bit":
    case "adamw-8bit": {
      // bitsandbytes Optimizer2State (0.45+): tensors of 4,096 elements and more (min_8bit_size) keep two uint8
      // states and an fp32 absmax per 256-element block for each; smaller ones keep two fp32 states.
      let bytes = 0;
      for (const size of tensorSizes) bytes += size >= 4096 ? 2 * size + 2 * 4 * Math.ceil(size / 256) : 2 * 4 * size;
      return { bytes, detail: "bitsandbytes 8-bit Adam: two uint8 states with an fp32 scale per 256 elements (tensors under 4,096 elements in fp32)" };
    }
    case "adafactor":
      // Adafactor (Shazeer and Stern 2018) factors the second moment of a matrix into row and column vectors.
      return { bytes: tensorSizes.reduce((s, size) => s + Math.min(size, 2 * Math.ceil(Math.sqrt(size))) * 4, 0), detail: "Adafactor: factored second moment (about rows + columns per matrix), no first moment" };
  }
}

/** Ops that copy a tensor into more heads (grouped-query attention's repeat_kv): the cache holds their input. */
const REPEATS = /repeat_interleave|repeat|expand|tile/;

/** Elements one token adds to the KV cache: the key and value operands of the model's attention (fused attention's
 *  k and v; for attention written as matmuls, the second operand of each product of two activations), taken before
 *  any repeat to more heads (grouped-query attention caches the fewer key/value heads). */
export function kvElementsPerToken(report: ModelReport): number {
  const first = report.inputs[0]?.shape;
  const tokens = first && first.length >= 2 ? first[0] * first[1] : 0;
  if (tokens <= 0) return 0;
  const producer = new Map<number, OpRecord>();
  for (const op of report.ops) if (op.tensors?.output) producer.set(op.tensors.output.id, op);
  const cached = (op: OpRecord, index: number): number => {
    const t = op.tensors!;
    const from = producer.get(t.inputs[index].id);
    if (from?.tensors && REPEATS.test(canonicalOpName(from.op)) && from.tensors.inputElements.length > 0) return from.tensors.inputElements[0];
    return t.inputElements[index];
  };
  let elements = 0;
  for (const op of report.ops) {
    const t = op.tensors;
    if (!t) continue;
    const name = canonicalOpName(op.op);
    if (name === "scaled_dot_product_attention" || name === "flash_attention") {
      if (t.inputElements.length >= 3) elements += cached(op, 1) + cached(op, 2);
    } else if (op.flops > 0 && t.inputs.length >= 2 && op.weightElements === 0 && /^(matmul|bmm|einsum)$/.test(name)) {
      elements += cached(op, 1);
    }
  }
  return elements / tokens;
}

/** The module path of a repeated block an op runs in (`transformer.h.3`), or undefined outside one. */
function blockOf(op: OpRecord): string | undefined {
  return /^(.*?\.\d+)(?:\.|$)/.exec(op.modulePath)?.[1];
}

/** Activation bytes kept for backward at the report's batch, and notes on what was guessed. */
function keptActivations(report: ModelReport, checkpointBlocks: boolean): { bytes: number; detail: string; notes: string[] } {
  const notes: string[] = [];
  // Ops inside torch.utils.checkpoint keep only their segment's inputs; backward recomputes one segment at a time.
  const segments = new Map<string, OpRecord[]>();
  const plain: OpRecord[] = [];
  for (const op of report.ops) {
    const key = op.checkpoint ? `c${op.checkpoint.id}` : checkpointBlocks ? blockOf(op) : undefined;
    if (key === undefined) plain.push(op);
    else segments.set(key, [...(segments.get(key) ?? []), op]);
  }
  const { tensors, unseenOps } = savedTensors(plain);
  const seen = new Set(tensors.flatMap((t) => (t.storage ? [t.storage.id] : [])));
  let bytes = tensors.reduce((s, t) => s + t.bytes, 0);
  let largestSegment = 0;
  for (const ops of segments.values()) {
    const inputs = ops[0].checkpoint?.inputs ?? ops[0].tensors?.inputs.slice(0, 1) ?? [];
    for (const s of inputs) if (!seen.has(s.id)) {
      seen.add(s.id);
      bytes += s.elements * s.bytesPerElement;
    }
    if (ops[0].checkpoint?.recomputed === false) continue;
    // Recomputing a segment in backward keeps its tensors again, its input aside (already held).
    const recomputed = savedTensors(ops).tensors.filter((t) => !t.storage || !inputs.some((s) => s.id === t.storage!.id));
    largestSegment = Math.max(largestSegment, recomputed.reduce((sum, t) => sum + t.bytes, 0));
  }
  bytes += largestSegment;
  if (unseenOps > 0) notes.push(`${unseenOps} op(s) ran without their operands seen: their output was counted instead`);
  const detail = segments.size > 0
    ? `tensors kept for backward outside ${segments.size} checkpointed segment(s), their inputs, and the largest segment recomputed in backward`
    : "tensors kept for backward (each storage once), as saved_tensors_hooks sees them";
  return { bytes, detail, notes };
}

/** Memory of one step of a model: inference (a forward, or generation with its KV cache) or a training step. */
export function estimateMemory(report: ModelReport, options: MemoryOptions): MemoryEstimate {
  const precision = options.precision ?? "fp32";
  const format = options.weights ?? (isAutocast(precision) || precision === "fp32" || precision === "tf32" ? "fp32" : precision === "int8" ? "int8" : "fp32");
  const notes: string[] = [];
  const parts: MemoryPart[] = [];
  const weights = weightBytes(report, format);
  parts.push({ name: "weights", bytes: weights, detail: `${report.params.toLocaleString("en-US")} parameters at ${format}` });
  if (report.buffers > 0) parts.push({ name: "buffers", bytes: report.buffers * 4, detail: `${report.buffers.toLocaleString("en-US")} buffer elements (running statistics, masks) at fp32` });
  const scale = (options.batch ?? reportBatch(report)) / reportBatch(report);
  // Under autocast the tensors kept are mostly the 16-bit casts; fp32 ones (norm inputs) are the exception.
  const activationFactor = isAutocast(precision) ? 0.5 : 1;
  const kvPerToken = kvElementsPerToken(report);
  if (options.mode === "train") {
    const parameterBytes = WEIGHT_BYTES[format] >= 2 ? WEIGHT_BYTES[format] : 4;
    const sizes = report.trainableTensorSizes ?? [report.trainableParams];
    parts.push({ name: "gradients", bytes: report.trainableParams * parameterBytes, detail: `one gradient per trainable parameter at ${parameterBytes} bytes` });
    const optimizer = optimizerBytes(sizes, options.optimizer ?? "adam", parameterBytes);
    parts.push({ name: "optimizer", bytes: optimizer.bytes, detail: optimizer.detail });
    const kept = keptActivations(report, options.checkpointBlocks === true);
    notes.push(...kept.notes);
    parts.push({ name: "activations", bytes: Math.round(kept.bytes * scale * activationFactor), detail: `${kept.detail}, at batch ${options.batch ?? reportBatch(report)}${activationFactor < 1 ? ", 16-bit under autocast" : ""}` });
  } else {
    // A forward without grad frees each tensor once its consumers ran: the largest op's input and output are live.
    let live = 0;
    for (const op of report.ops) {
      const inputs = op.tensors?.inputs.reduce((s, r) => s + r.elements * r.bytesPerElement, 0) ?? 0;
      live = Math.max(live, inputs + op.outputElements * 4);
    }
    parts.push({ name: "activations", bytes: Math.round(live * scale * activationFactor), detail: "the largest op's inputs and output, live together in a forward without grad" });
    if (options.kvCache) {
      const { tokens, sequences, bytesPerElement } = options.kvCache;
      parts.push({ name: "kv_cache", bytes: Math.round(kvPerToken * tokens * sequences * bytesPerElement), detail: `keys and values of ${tokens.toLocaleString("en-US")} tokens × ${sequences} sequence(s) at ${bytesPerElement} bytes (${Math.round(kvPerToken).toLocaleString("en-US")} elements per token)` });
    }
  }
  const shard = options.mode === "train" ? options.shard : undefined;
  if (shard && shard.gpus > 1) {
    parts.forEach((p, i) => {
      const from = SHARDED_FROM[p.name];
      if (from !== undefined && shard.zeroStage >= from) parts[i] = { ...p, bytes: Math.ceil(p.bytes / shard.gpus), detail: `${p.detail}; ÷ ${shard.gpus} GPUs (${shard.strategy} shards it)` };
    });
    if (shard.zeroStage === 3) notes.push("sharded weights are gathered a layer (FSDP unit) at a time in forward and backward: that transient copy is not counted");
    if (shard.dataParallel) notes.push("DataParallel gathers the outputs and reduces the gradients on the first GPU: its peak is higher than the others'");
  }
  const peak = parts.reduce((s, p) => s + p.bytes, 0);
  const peak_detail = (options.mode === "train"
    ? "weights, gradients, optimizer state and the activations kept at the end of forward, held together as backward starts"
    : options.kvCache ? "weights, the full KV cache and the largest op's tensors" : "weights and the largest op's tensors") +
    (shard && shard.gpus > 1 ? `, per GPU (${shard.strategy} on ${shard.gpus} GPUs)` : "");
  if (!report.complete) notes.push("the model was analyzed in part: a lower bound");
  return { mode: options.mode, parts, peak_bytes: peak, peak_detail, kv_bytes_per_token: kvPerToken * (options.kvCache?.bytesPerElement ?? BYTES_PER_ELEMENT[precision]), notes };
}
