// `estimate.memory` and `estimate.generation` of `analyze` (JSON) and their lines in the table and Markdown formats.
import type { AnalysisResult } from "../core/analyze";
import type { GenerationFigure } from "../core/generation/generation-plan";
import { memoryAndGeneration as figuresOf, type MemoryAndGeneration } from "../core/memory/memory-and-generation";
import { formatBytes, formatDuration } from "../core/report/format";
import { strategyName } from "../core/parallel/parallel-run";
import type { ModelReport } from "../core/report/model-report";
import { estimateDtype, plainLine, type EstimateSettings, type LineText } from "./estimate-options";
import { roundForJson } from "./json-numbers";

/** Memory and generation figures of one model under the CLI's estimate settings (dtype as the estimate takes it). */
export function memoryAndGeneration(report: ModelReport, result: AnalysisResult | undefined, settings: EstimateSettings): MemoryAndGeneration {
  return figuresOf(report, result, { ...settings, dtype: estimateDtype(report, settings) });
}


/** The `memory` object of an estimate: each part in bytes with how it was counted, the peak and the fit. */
export function memoryJson(m: MemoryAndGeneration): Record<string, unknown> {
  return {
    mode: m.memory.mode,
    parts: m.memory.parts.map((p) => ({ name: p.name, bytes: Math.round(p.bytes), detail: p.detail })),
    peak_bytes: Math.round(m.memory.peak_bytes),
    peak_detail: m.memory.peak_detail,
    optimizer_source: m.memory.mode === "train" ? m.optimizerSource : null,
    per_gpu: m.parallel ? { gpus: m.parallel.gpus, strategy: m.parallel.kind, zero_stage: m.parallel.zeroStage } : null,
    device_memory_bytes: m.fit?.device.memoryBytes ?? null,
    fits: m.fit?.fits ?? null,
    fit_changes: (m.fit?.changes ?? []).map((c) => ({ change: c.label, peak_bytes: Math.round(c.peak_bytes), time_factor: roundForJson(c.time_factor, 3), energy_factor: roundForJson(c.energy_factor, 3) })),
    notes: m.memory.notes,
  };
}

const figureJson = (f: GenerationFigure) => ({ value: f.value, from: f.source, line: f.line ?? null });

/** The `generation` object of an estimate: prefill, decode per step, totals and per 1,000 generated tokens. */
export function generationJson(g: NonNullable<MemoryAndGeneration["generation"]>): Record<string, unknown> {
  const e = g.estimate;
  return {
    kind: g.resolved.plan.kind,
    line: g.resolved.plan.line,
    prompt_tokens: figureJson(g.resolved.promptTokens),
    new_tokens: figureJson(g.resolved.newTokens),
    batch: figureJson(g.resolved.batch),
    beams: figureJson(g.resolved.beams),
    prefill: { flops: e.prefill.flops, seconds: roundForJson(e.prefill.seconds), joules: roundForJson(e.prefill.joules), bound: e.prefill.bound },
    decode: {
      flops_per_step: e.decode.flops_per_step,
      seconds_per_step: roundForJson(e.decode.seconds_per_step),
      joules_per_step: roundForJson(e.decode.joules_per_step),
      kv_read_bytes_per_step: Math.round(e.decode.kv_read_bytes_per_step),
      bound: e.decode.bound,
    },
    seconds: roundForJson(e.seconds),
    joules: roundForJson(e.joules),
    gco2e: roundForJson(e.gco2e),
    generated_tokens: e.generated_tokens,
    tokens_per_second: roundForJson(e.tokens_per_second, 3),
    joules_per_1k_tokens: roundForJson(e.joules_per_1k_tokens),
    gco2e_per_1k_tokens: roundForJson(e.gco2e_per_1k_tokens),
    kv_cache_bytes: Math.round(e.kv_cache_bytes),
  };
}

/** One line: each part, the peak, and whether it fits. */
export function memoryLine(m: MemoryAndGeneration): string {
  const parts = m.memory.parts.filter((p) => p.bytes > 0).map((p) => `${p.name.replace("_", " ")} ${formatBytes(p.bytes)}`).join(", ");
  const fit = m.fit ? (m.fit.fits ? `fits ${m.fit.device.id} (${formatBytes(m.fit.device.memoryBytes)})` : `does not fit: ${m.fit.summary}${m.fit.changes.length > 0 ? `; fits with ${m.fit.changes.map((c) => c.label).join(" or ")}` : ""}`) : "device memory unknown";
  const perGpu = m.parallel ? `, per GPU of ${m.parallel.gpus} (${strategyName(m.parallel)})` : "";
  return `memory (${m.memory.mode}, batch ${m.batch}${perGpu}): ${parts}; peak ${formatBytes(m.memory.peak_bytes)}, ${fit}`;
}


/** One line: the generation's shape, prefill, decode per token and energy per 1,000 generated tokens. */
export function generationLine(g: NonNullable<MemoryAndGeneration["generation"]>, lineText: LineText = plainLine): string {
  const e = g.estimate;
  const r = g.resolved;
  const from = (f: GenerationFigure) => (f.source === "default" ? " (default)" : "");
  return `generation (${r.plan.kind}, ${lineText(r.plan.line)}): prompt ${e.prompt_tokens}${from(r.promptTokens)}, ${e.new_tokens} new${from(r.newTokens)}, batch ${e.batch}${e.beams > 1 ? `, ${e.beams} beams` : ""}: ` +
    `prefill ${formatDuration(e.prefill.seconds)}, decode ${formatDuration(e.decode.seconds_per_step)} per token (${e.decode.bound}-bound), ` +
    `${roundForJson(e.tokens_per_second, 3)} tokens/s, ${roundForJson(e.joules_per_1k_tokens, 3)} J and ${roundForJson(e.gco2e_per_1k_tokens, 3)} gCO2e per 1,000 tokens`;
}
