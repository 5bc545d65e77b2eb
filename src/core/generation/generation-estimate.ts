// Prefill and decode of a causal language model, from one analyzed forward pass. The forward at [B0, T0] tokens is
// rescaled op by op: weight products and element-wise ops grow with the tokens processed, attention's products
// and its score-shaped ops with tokens × context (Kaplan et al. 2020, "Scaling Laws", table 1: 2N + 2·n_layer·n_ctx·d
// FLOPs per token). Prefill runs the prompt at once; each decode step runs one token per sequence against the KV
// cache and reads all weights and the whole cache (Pope et al. 2022, "Efficiently Scaling Transformer Inference",
// §2: decode is bound by memory bandwidth at small batch). Time and energy come from the energy model.
import { carbonOf, WORLD_AVERAGE_GCO2_PER_KWH, type CarbonBasis } from "../energy/carbon";
import { estimateModel, type Estimate } from "../energy/estimate";
import { hardwareProfile, type HardwareProfile } from "../energy/hardware";
import { canonicalOpName } from "../energy/op-classes";
import { BYTES_PER_ELEMENT, type Precision } from "../energy/precision";
import { kvElementsPerToken } from "../memory/memory-estimate";
import type { ModelReport, OpRecord } from "../report/model-report";

/** What a generation runs: tokens per prompt and generated, prompts together, beam width. */
export interface GenerationShape {
  promptTokens: number;
  newTokens: number;
  batch: number;
  beams: number;
}

export interface GenerationOptions {
  hardware: string | HardwareProfile;
  dtype: Precision;
  carbon?: CarbonBasis;
}

/** The CLI's `estimate.generation` (snake_case: the JSON contract). */
export interface GenerationEstimate {
  prompt_tokens: number;
  new_tokens: number;
  batch: number;
  beams: number;
  prefill: { flops: number; seconds: number; joules: number; bound: Estimate["bound"] };
  /** One decode step: one new token for each of batch × beams sequences, at the generation's mean context. */
  decode: { flops_per_step: number; seconds_per_step: number; joules_per_step: number; kv_read_bytes_per_step: number; bound: Estimate["bound"] };
  seconds: number;
  joules: number;
  gco2e: number;
  /** Generated tokens: batch × new tokens (beams are search width, not output). */
  generated_tokens: number;
  joules_per_1k_tokens: number;
  gco2e_per_1k_tokens: number;
  tokens_per_second: number;
  kv_cache_bytes: number;
}

/** Whether an op's FLOPs grow with the context (attention's products of two activations, fused attention). */
function scalesWithContext(op: OpRecord): boolean {
  const name = canonicalOpName(op.op);
  if (name === "scaled_dot_product_attention" || name === "flash_attention" || name === "multi_head_attention") return true;
  return op.flops > 0 && op.weightElements === 0 && (op.tensors?.inputs.length ?? 0) >= 2 && /^(matmul|bmm|einsum|baddbmm)$/.test(name);
}

/** The report rescaled to `sequences` sequences of `tokens` new tokens each, attending to `context` tokens. */
export function rescaleForTokens(report: ModelReport, sequences: number, tokens: number, context: number): ModelReport {
  const first = report.inputs[0]?.shape ?? [1, 1];
  const [b0, t0] = [first[0] ?? 1, first[1] ?? 1];
  const perToken = (sequences * tokens) / (b0 * t0);
  const perScore = perToken * (context / t0);
  const ops = report.ops.map((op) => {
    const shape = op.outputShape;
    const scoreShaped = !!shape && shape.length >= 2 && shape[shape.length - 1] === t0 && shape[shape.length - 2] === t0 && t0 > 1;
    const flopsFactor = scalesWithContext(op) || scoreShaped ? perScore : perToken;
    const outputFactor = scoreShaped ? perScore : perToken;
    return { ...op, flops: op.flops * flopsFactor, outputElements: op.outputElements * outputFactor };
  });
  const flops = ops.reduce((s, op) => s + op.flops, 0);
  return { ...report, inputs: [{ shape: [sequences, tokens], dtype: "int64" }, ...report.inputs.slice(1)], ops, flops, macs: flops / 2 };
}

/** Whether a report looks like a causal language model: token-id input [batch, tokens] and a KV cache to keep. */
export function isLanguageModel(report: ModelReport): boolean {
  const first = report.inputs[0];
  return !!first && first.dtype === "int64" && first.shape.length === 2 && kvElementsPerToken(report) > 0;
}

/** Prefill, decode, and energy and carbon per 1,000 generated tokens of one generation. */
export function estimateGeneration(report: ModelReport, shape: GenerationShape, options: GenerationOptions): GenerationEstimate {
  for (const [key, value] of Object.entries(shape)) {
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${key} must be a positive whole number, got ${value}`);
  }
  const profile = typeof options.hardware === "string" ? hardwareProfile(options.hardware) : options.hardware;
  const basis = { gco2PerKwh: options.carbon?.gco2PerKwh ?? WORLD_AVERAGE_GCO2_PER_KWH, pue: options.carbon?.pue ?? 1 };
  const sequences = shape.batch * shape.beams;
  const run = { hardware: profile, dtype: options.dtype, mode: "inference" as const, carbon: basis };
  const prefill = estimateModel(rescaleForTokens(report, sequences, shape.promptTokens, shape.promptTokens), run);
  // Decode steps after the prefill's first token, at their mean context (FLOPs and cache reads are linear in it).
  const steps = shape.newTokens - 1;
  const meanContext = shape.promptTokens + shape.newTokens / 2;
  const step = estimateModel(rescaleForTokens(report, sequences, 1, meanContext), run);
  // The KV cache is read whole on every step: streaming time at the profile's memory rate, and its power.
  const kvBytesPerElement = BYTES_PER_ELEMENT[options.dtype === "int8" ? "bf16" : options.dtype];
  const kvPerToken = kvElementsPerToken(report) * kvBytesPerElement;
  const kvRead = kvPerToken * meanContext * sequences;
  const kvSeconds = kvRead / (profile.memoryBandwidthGBs * 1e9 * profile.model.memoryEfficiency);
  const kvJoules = kvSeconds * (profile.idlePowerW + (profile.powerLimitW - profile.idlePowerW) * profile.model.powerFraction.memory);
  const stepSeconds = step.seconds_per_iter + kvSeconds;
  const stepJoules = step.joules_per_iter + kvJoules;
  const seconds = prefill.seconds_per_iter + steps * stepSeconds;
  const joules = prefill.joules_per_iter + steps * stepJoules;
  const generated = shape.batch * shape.newTokens;
  const stepBound = kvSeconds > step.seconds_per_iter ? "memory" : step.bound;
  return {
    prompt_tokens: shape.promptTokens,
    new_tokens: shape.newTokens,
    batch: shape.batch,
    beams: shape.beams,
    prefill: { flops: prefill.flops_per_iter, seconds: prefill.seconds_per_iter, joules: prefill.joules_per_iter, bound: prefill.bound },
    decode: { flops_per_step: step.flops_per_iter, seconds_per_step: stepSeconds, joules_per_step: stepJoules, kv_read_bytes_per_step: kvRead, bound: stepBound },
    seconds,
    joules,
    gco2e: carbonOf(joules, basis),
    generated_tokens: generated,
    joules_per_1k_tokens: (joules / generated) * 1000,
    gco2e_per_1k_tokens: (carbonOf(joules, basis) / generated) * 1000,
    tokens_per_second: seconds > 0 ? generated / seconds : 0,
    kv_cache_bytes: kvPerToken * (shape.promptTokens + shape.newTokens) * sequences,
  };
}
