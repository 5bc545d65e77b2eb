// The editor's view of memory and generation (src/core/memory, src/core/generation): the CodeLens above a generation,
// the hover's memory row on a model's line, and the report's memory section. Figures are the core's.
import type { AnalysisResult } from "../core/analyze";
import type { Settings } from "../core/config";
import { memoryAndGeneration, type MemoryAndGeneration } from "../core/memory/memory-and-generation";
import type { MemoryEstimate } from "../core/memory/memory-estimate";
import { formatBytes, formatCarbon, formatDuration, formatEnergy } from "../core/report/format";
import type { ModelReport } from "../core/report/model-report";
import { editorPrecision, type EstimateProblems, type IntensitySource } from "./energy-bridge";
import { strategyName } from "../core/parallel/parallel-run";


/** Memory (inference or a training step) and generation figures of a model at the editor's settings. */
export function editorMemory(model: ModelReport, result: Pick<AnalysisResult, "generations" | "runSetup" | "training"> | undefined, settings: Settings, intensity: IntensitySource, mode: "inference" | "train", problems?: EstimateProblems): MemoryAndGeneration | undefined {
  if (model.ops.length === 0) return undefined;
  try {
    return memoryAndGeneration(model, result, { hardware: settings.hardware, dtype: editorPrecision(model, settings), mode, gco2PerKwh: intensity.gco2PerKwh, gpus: settings.gpus > 1 ? settings.gpus : undefined });
  } catch (error) {
    // A figure the core cannot make (an unknown hardware id mid-edit) leaves the surface without it, said in the log.
    problems?.(`the ${mode === "train" ? "training" : "inference"} memory of ${model.name} on ${settings.hardware}`, error);
    return undefined;
  }
}

/** `peak 19 MiB (weights 14 MiB, kv cache 4.1 MiB, …); fits h100-sxm (80 GiB)`. */
export function memorySummary(figures: MemoryAndGeneration): string {
  const parts = figures.memory.parts.filter((p) => p.bytes > 0).map((p) => `${p.name.replace("_", " ")} ${formatBytes(p.bytes)}`).join(", ");
  const fit = figures.fit ? (figures.fit.fits ? `fits ${figures.fit.device.id} (${formatBytes(figures.fit.device.memoryBytes)})` : figures.fit.summary) : "device memory unknown";
  const perGpu = figures.parallel ? ` per GPU of ${figures.parallel.gpus} × ${figures.fit?.device.id ?? "GPU"} (${strategyName(figures.parallel)})` : "";
  return `peak ${formatBytes(figures.memory.peak_bytes)}${perGpu} (${parts}); ${fit}`;
}


/** The CodeLens above a generation: its shape, prefill, decode per token and energy and carbon per 1,000 tokens. */
export function generationLensTitle(figures: MemoryAndGeneration): string | undefined {
  const g = figures.generation;
  if (!g) return undefined;
  const e = g.estimate;
  const beams = e.beams > 1 ? `, ${e.beams} beams` : "";
  return `Generation (${figures.fit?.device.id ?? "device"}) · prompt ${e.prompt_tokens}, ${e.new_tokens} new, batch ${e.batch}${beams} · prefill ${formatDuration(e.prefill.seconds)} · decode ${formatDuration(e.decode.seconds_per_step)}/token (${e.decode.bound}-bound) · ` +
    `${formatEnergy(e.joules_per_1k_tokens)}, ${formatCarbon(e.gco2e_per_1k_tokens)} per 1k tokens`;
}

/** What the report's memory section draws (plain data for the webview). */
export interface MemoryView {
  inference: { parts: MemoryEstimate["parts"]; peak: number; summary: string } | null;
  train: { parts: MemoryEstimate["parts"]; peak: number; summary: string; changes: string[] } | null;
  generation: { title: string; sources: string[] } | null;
}

/** The report's memory section: a forward (or generation) and a training step, with the fit and its changes. */
export function memoryView(model: ModelReport, result: Pick<AnalysisResult, "generations" | "runSetup" | "training"> | undefined, settings: Settings, intensity: IntensitySource, problems?: EstimateProblems): MemoryView {
  const inference = editorMemory(model, result, settings, intensity, "inference", problems);
  const train = editorMemory(model, result, settings, intensity, "train", problems);
  const generation = inference?.generation;
  const from = (label: string, f: { value: number; source: string; line?: number }) => `${label} ${f.value}: ${f.source}${f.line ? ` line ${f.line}` : ""}`;
  return {
    inference: inference ? { parts: inference.memory.parts, peak: inference.memory.peak_bytes, summary: memorySummary(inference) } : null,
    train: train ? { parts: train.memory.parts, peak: train.memory.peak_bytes, summary: memorySummary(train), changes: (train.fit?.changes ?? []).map((c) => `${c.label}: ${formatBytes(c.peak_bytes)}`) } : null,
    generation: generation && inference
      ? {
        title: generationLensTitle(inference)!,
        sources: [from("prompt", generation.resolved.promptTokens), from("new tokens", generation.resolved.newTokens), from("batch", generation.resolved.batch), from("beams", generation.resolved.beams)],
      }
      : null,
  };
}
