// `--hardware ID [--host ID] --dtype fp32|tf32|bf16|fp16|int8|fp64 --mode inference|train --region CODE [--pue N]` for `analyze`:
// validated here, then turned into each model's "estimate" (the JSON contract of issue 3).
import { isConfigNote } from "../core/training/config-notes";
import { isUnreadCadenceNote } from "../core/training/update-cadence";
import { isSkippedByDefaultNote } from "../core/training/skipped-by-default";
import { z } from "zod";
import { estimateModel, type Estimate } from "../core/energy/estimate";
import { estimateBasis, inferenceFigureText, trainingRunText, trainingStepText } from "../core/energy/figure-text";
import { formatCountOf, formatDuration, formatFractionalCountOf, formatIntensity, formatWhole } from "../core/report/format";
import { resolveTrainingRun, stepRunCoverage, type ResolvedTrainingRun } from "../core/training/resolve-run";
import type { PlanFigure, TrainingPlan } from "../core/training/training-plan";
import { hardwareProfile, hardwareProfiles } from "../core/energy/hardware";
import { AUTO_HOST, hostProfile, resolveHost } from "../core/energy/host";
import { estimatePrecision, type Precision } from "../core/energy/precision";
import { lookupOffline } from "../core/grid/providers/offline";
import type { ModelReport } from "../core/report/model-report";
import { defaultSettings, precisions, settingsSchema } from "../core/config";
import { CliError } from "./cli-io";
import { parallelTraining } from "../core/parallel/parallel-training";
import { strategyName } from "../core/parallel/parallel-run";
import type { ParallelSource } from "../core/parallel/parallel-setup";
import type { WeightFormat } from "../core/memory/memory-estimate";
import { roundForJson } from "./json-numbers";
import { planOptimizerSteps } from "../core/training/plan-steps";
import { planBatchWithinSamples } from "../core/training/short-data-batch";

/** The estimate's options of `analyze` (src/cli/command-specs.ts lists them for the parser and --help). */
const ESTIMATE_OPTION_NAMES = ["hardware", "host", "dtype", "mode", "region", "pue", "epochs", "samples", "batch", "gpus"];

/** A training-run figure given on the command line: a positive whole number. */
const runFigure = (name: string) =>
  z.coerce.number({ message: `--${name} must be a number` }).int(`--${name} must be a whole number`).positive(`--${name} must be at least 1`).max(Number.MAX_SAFE_INTEGER, `--${name} is too large`).optional();

const schema = z.object({
  hardware: z.string().trim().toLowerCase().default(defaultSettings.hardware),
  host: z.string().trim().toLowerCase().default(AUTO_HOST),
  dtype: z.enum(precisions, { message: `--dtype must be one of ${precisions.join(", ")}` }).optional(),
  mode: z.enum(["inference", "train"], { message: "--mode must be inference or train" }).default("inference"),
  region: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_-]{1,24}$/, "--region must be a region code such as DEU, US-CA or GB").optional(),
  pue: z.coerce.number({ message: "--pue must be a number" }).pipe(settingsSchema["grid.pue"]).optional(),
  epochs: runFigure("epochs"),
  samples: runFigure("samples"),
  batch: runFigure("batch"),
  gpus: runFigure("gpus"),
});

/** What `analyze` needs to add estimates: the options and the grid behind the carbon figure. */
export interface EstimateSettings {
  hardware: string;
  /** The host class that dispatches the ops (resolved: never "auto"). */
  host: string;
  /** True when --hardware was not given: the editor's default profile. */
  defaultHardware: boolean;
  /** --dtype; when absent, the model's own weights precision where the code sets one, else fp32. */
  dtype?: Precision;
  mode: "inference" | "train";
  pue: number;
  gco2PerKwh: number;
  /** The region the intensity is for and where the figure comes from. */
  region: string;
  source: string;
  /** Lines for stderr (a region not found, so the world average was used). */
  notes: string[];
  /** --epochs, --samples: a training run's figures where the code does not state them; --batch: the estimate's batch. */
  run: { epochs?: number; samples?: number; batch?: number };
  /** --gpus: GPUs of a training run where the code and its launch files do not say. */
  gpus?: number;
}

/** Validates the estimate options; without --hardware the estimate is on the editor's default profile (h100-sxm). */
export function estimateSettingsFrom(values: Map<string, string>): EstimateSettings {
  const parsed = schema.safeParse(Object.fromEntries(ESTIMATE_OPTION_NAMES.filter((n) => values.has(n)).map((n) => [n, values.get(n)])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The core's setting schemas word their messages without the option's name ("must be at least 1").
    const message = issue?.message.startsWith("--") || !issue ? issue?.message : `--${String(issue.path[0])} ${issue.message}`;
    throw new CliError(message ?? "invalid estimate options");
  }
  const options = parsed.data;
  const known = hardwareProfiles().map((p) => p.id);
  let host: string;
  try {
    // An unknown id and a listed part without the figures the estimate needs each say why.
    const profile = hardwareProfile(options.hardware);
    host = resolveHost(profile, options.host === AUTO_HOST ? undefined : hostProfile(options.host)).id;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(message.startsWith("unknown hardware") ? `unknown --hardware '${options.hardware}' (known: ${known.join(", ")})` : message.startsWith("unknown host") ? `--host: ${message}` : message);
  }
  const found = lookupOffline(options.region ?? "WORLD");
  const notes = options.region && found.usedWorldFallback ? [`no grid intensity for region '${options.region}': using the world average (${formatIntensity(found.gco2PerKwh)})`] : [];
  const runOptions = (["epochs", "samples", "gpus"] as const).filter((n) => options[n] !== undefined);
  if (runOptions.length > 0 && options.mode !== "train") notes.push(`${runOptions.map((n) => `--${n}`).join(", ")} apply to training runs: add --mode train`);
  return {
    hardware: options.hardware,
    host,
    defaultHardware: !values.has("hardware"),
    dtype: options.dtype,
    mode: options.mode,
    pue: options.pue ?? 1,
    gco2PerKwh: found.gco2PerKwh,
    region: found.region,
    source: found.source,
    notes,
    run: { epochs: options.epochs, samples: options.samples, batch: options.batch },
    gpus: options.gpus,
  };
}

/** The precision a model is estimated at: --dtype, else the weights' precision the code sets, else fp32. */
export function estimateDtype(report: ModelReport, settings: EstimateSettings): Precision {
  return estimatePrecision(report, settings.dtype);
}

/** The estimate for one model under these settings; the grid intensity may come from a live provider instead. */
export function estimateFor(report: ModelReport, settings: EstimateSettings, gco2PerKwh = settings.gco2PerKwh, batch = settings.run.batch): Estimate {
  return estimateModel(report, {
    hardware: settings.hardware,
    host: settings.host,
    dtype: estimateDtype(report, settings),
    mode: settings.mode,
    batch,
    carbon: { gco2PerKwh, pue: settings.pue },
  });
}

const rangeJson = (range: { low: number; high: number }, digits = 4) => ({ low: roundForJson(range.low, digits), high: roundForJson(range.high, digits) });

/** The "estimate" object of `analyze --format json`: the contract's fields, rounded, their ranges (`low`/`high`,
 *  and why), and the costliest layers. */
export function estimateJson(estimate: Estimate, topLayers = 5): Record<string, unknown> {
  return {
    hardware: estimate.hardware,
    host: estimate.host,
    dtype: estimate.dtype,
    ...(estimate.quantized ? { quantized: estimate.quantized } : {}),
    mode: estimate.mode,
    batch: estimate.batch,
    flops_per_iter: estimate.flops_per_iter,
    seconds_per_iter: roundForJson(estimate.seconds_per_iter),
    joules_per_iter: roundForJson(estimate.joules_per_iter),
    avg_power_w: roundForJson(estimate.avg_power_w, 3),
    gco2e_per_iter: roundForJson(estimate.gco2e_per_iter),
    bound: estimate.bound,
    gco2_per_kwh: estimate.gco2_per_kwh,
    pue: estimate.pue,
    ranges: {
      seconds_per_iter: rangeJson(estimate.range.seconds_per_iter),
      joules_per_iter: rangeJson(estimate.range.joules_per_iter),
      gco2e_per_iter: rangeJson(estimate.range.gco2e_per_iter),
    },
    range_reason: estimate.range.reason,
    top_layers: estimate.layers.slice(0, topLayers).map((l) => ({ path: l.path, share: roundForJson(l.share, 3), joules: roundForJson(l.joules) })),
  };
}

/** The heading of the estimates: hardware (and whether it is the default), grid intensity and where it comes from, PUE. */
export function estimateHeading(settings: EstimateSettings): string {
  const hardware = settings.defaultHardware ? `${settings.hardware} (the default; --hardware picks another)` : settings.hardware;
  const grid = settings.region === "WORLD" ? "world average" : settings.region;
  return `estimates on ${hardware}, grid ${grid} ${formatIntensity(settings.gco2PerKwh)} (offline yearly average), PUE ${settings.pue}`;
}

/** One line for the table and Markdown formats, each figure worded with what it is per (src/core/energy/figure-text). */
export function estimateLine(estimate: Estimate): string {
  const basis = estimateBasis({ ...estimate, hardware: `${estimate.hardware} (host ${estimate.host})` });
  const why = `(${estimate.range.reason})`;
  if (estimate.mode === "train") return `${basis}: ${trainingStepText(estimate)} ${why}`;
  const text = inferenceFigureText(estimate);
  return `${basis}: ${text.energyPerSample}, ${text.carbonPerThousand}; ${text.perForward} ${why}`;
}

/** In train mode, the settings with the precision the training code sets (when --dtype gives none). */
export function trainingSettings(settings: EstimateSettings, plan: TrainingPlan | undefined): EstimateSettings {
  return settings.mode === "train" && !settings.dtype && plan?.precision ? { ...settings, dtype: plan.precision.value } : settings;
}

/** A model's whole training run under these settings: the code's plan first, then --epochs/--samples/--batch; its
 *  GPUs from the code and launch files, then --gpus. */
export function trainingRunFor(report: ModelReport, settings: EstimateSettings, plan: TrainingPlan | undefined, gco2PerKwh = settings.gco2PerKwh, weights?: WeightFormat): ResolvedTrainingRun {
  const stepSettings = trainingSettings(settings, plan);
  const parallel = parallelTraining(report, plan?.parallel, { gpus: settings.gpus, hardware: settings.hardware, weights });
  const resolved = resolveTrainingRun(plan, settings.run, (batch) => estimateFor(report, stepSettings, gco2PerKwh, batch), parallel.training);
  return { ...resolved, notes: [...parallel.notes, ...resolved.notes] };
}

const sourceJson = (figure: PlanFigure | undefined) => (figure ? { from: figure.source, line: figure.line ?? null, detail: figure.detail } : null);

/** The "training_run" object of an estimate in `analyze --format json --mode train`. */
export function trainingRunJson(resolved: ResolvedTrainingRun): Record<string, unknown> {
  const run = resolved.run;
  // A step is an optimizer step: `accumulation` micro-batches.
  const perStep = resolved.accumulation?.value ?? 1;
  return {
    epochs: resolved.epochs?.value ?? null,
    samples: resolved.samples?.value ?? null,
    batch: resolved.batchUnknown ? null : resolved.batch.value,
    drop_last: resolved.dropLast,
    // Optimizer steps, each of `accumulation` micro-batches (forward and backward at `batch`); energy counts them all.
    steps: run?.steps ?? null,
    micro_batches: run?.microBatches ?? null,
    seconds: run ? roundForJson(run.seconds) : null,
    joules: run ? roundForJson(run.joules) : null,
    kwh: run ? roundForJson(run.kwh) : null,
    gco2e: run ? roundForJson(run.gco2e) : null,
    ranges: run ? { seconds: rangeJson(run.range.seconds), joules: rangeJson(run.range.joules), kwh: rangeJson(run.range.kwh), gco2e: rangeJson(run.range.gco2e) } : null,
    seconds_per_step: roundForJson(resolved.step.seconds_per_iter * perStep),
    joules_per_step: roundForJson(resolved.step.joules_per_iter * perStep),
    seconds_per_micro_batch: roundForJson(resolved.step.seconds_per_iter),
    joules_per_micro_batch: roundForJson(resolved.step.joules_per_iter),
    optimizer_steps: resolved.steps?.value ?? run?.steps ?? null,
    // A network the run uses but does not train: the file's run is another model's (its notes say which optimizer).
    untrained: resolved.untrained === true,
    accumulation: resolved.accumulation?.value ?? null,
    sources: { epochs: sourceJson(resolved.epochs), samples: sourceJson(resolved.samples), batch: resolved.batchUnknown ? null : sourceJson(resolved.batch), steps: sourceJson(resolved.steps), accumulation: sourceJson(resolved.accumulation) },
    gpus: run?.gpus ?? resolved.parallel?.run.gpus ?? 1,
    gpu_hours: run ? roundForJson(run.gpuHours) : null,
    parallel: resolved.parallel ? parallelJson(resolved, run?.communicationSeconds) : null,
    notes: resolved.notes,
  };
}

const parallelSourceJson = (s: ParallelSource) => ({ from: s.from, file: s.file ?? null, line: s.line ?? null, detail: s.detail });

/** The "parallel" object of a training run: the GPUs, the strategy, and each step's communication with its source. */
function parallelJson(resolved: ResolvedTrainingRun, runCommunicationSeconds: number | undefined): Record<string, unknown> {
  const { run, communication } = resolved.parallel!;
  return {
    gpus: run.gpus,
    gpus_per_node: run.gpusPerNode,
    nodes: run.nodes,
    strategy: run.kind,
    zero_stage: run.zeroStage,
    name: strategyName(run),
    per_gpu_batch: resolved.step.batch,
    sources: { gpus: parallelSourceJson(run.sources.gpus), strategy: parallelSourceJson(run.sources.kind), zero_stage: parallelSourceJson(run.sources.zeroStage) },
    communication: communication
      ? {
        bytes_per_step: Math.round(communication.bytes),
        seconds_per_step: roundForJson(communication.seconds),
        seconds: runCommunicationSeconds === undefined ? null : roundForJson(runCommunicationSeconds),
        link: communication.link,
        link_bytes_per_second: communication.linkBytesPerSecond,
        formula: communication.formula,
        assumption: communication.assumption,
      }
      : null,
  };
}

/** "4 × h100-sxm (DDP, from run.sh line 3)": the GPUs of a run on several, in the run's line. */
function gpusText(resolved: ResolvedTrainingRun): string {
  const p = resolved.parallel;
  if (!p) return "";
  const where = p.run.sources.gpus;
  const from = where.from === "settings" ? where.detail : `${where.detail}, ${where.file ? where.file.split("/").pop() : "code"}${where.line ? ` line ${where.line}` : ""}`;
  const communication = p.communication && resolved.run
    ? `; gradients' communication ${formatDuration(p.communication.seconds)}/step over ${p.communication.link}, not overlapped`
    : "";
  return ` on ${p.run.gpus} × ${resolved.step.hardware} (${strategyName(p.run)}, ${from}; batch ${resolved.step.batch} per GPU${communication})`;
}

/** "line 12", or where a notebook's program line is: "cell 4 line 3". */
export type LineText = (line: number) => string;
/** A line as a plain file's reader finds it. */
export const plainLine: LineText = (line) => `line ${line}`;

function where(name: string, figure: PlanFigure | undefined, lineText: LineText = plainLine): string {
  if (!figure) return `${name}: missing`;
  return `${name}: ${figure.source}${figure.line ? ` ${lineText(figure.line)}` : ""}`;
}

/** "steps 100: code line 8": where a figure came from, with its value, for a line that gives no run to state it. */
function whereWithValue(name: string, figure: PlanFigure | undefined, lineText: LineText = plainLine): string {
  return figure ? where(`${name} ${formatWhole(figure.value)}`, figure, lineText) : where(name, figure, lineText);
}

/** What a file's training code says, in a file whose own models give no training run (its model is built in another
 *  file, from a checkpoint or a hub): the figures and where each came from, with no energy. */
export function trainingPlanJson(plan: TrainingPlan): Record<string, unknown> {
  // With no run total, the step count is worked out from the plan's own epochs, samples, batch and drop_last.
  const derived = plan.steps ? undefined : planOptimizerSteps(plan);
  // A batch larger than the samples holds them all, as a run's does (short-data-batch.ts).
  const within = planBatchWithinSamples(plan);
  return {
    epochs: plan.epochs?.value ?? null,
    samples: plan.samples?.value ?? null,
    batch: within.batch?.value ?? null,
    // DataLoader(drop_last=True): each epoch has floor(samples / batch) batches, not ceil.
    drop_last: plan.dropLast === true,
    optimizer_steps: plan.steps?.value ?? derived?.value ?? null,
    accumulation: plan.accumulation?.value ?? null,
    dtype: plan.precision?.value ?? (plan.numpyArrays ? "fp64" : "fp32"),
    sources: {
      epochs: sourceJson(plan.epochs),
      samples: sourceJson(plan.samples),
      batch: sourceJson(within.batch),
      steps: derived ? { from: "derived", line: null, detail: derived.detail } : sourceJson(plan.steps),
      accumulation: sourceJson(plan.accumulation),
      dtype: plan.precision ? { from: "code", line: plan.precision.line, detail: plan.precision.detail } : plan.numpyArrays ? { from: "code", line: plan.numpyArrays.line, detail: numpyDtypeDetail(plan.numpyArrays) } : null,
    },
    notes: [...(plan.notes ?? []), ...(within.note ? [within.note] : [])],
  };
}

/** True when a plan states anything a run is made of, or names config files that are missing (why it states nothing). */
export function hasTrainingFigures(plan: TrainingPlan | undefined): plan is TrainingPlan {
  return !!plan && !!(plan.epochs || plan.steps || plan.batch || plan.batchFromData || plan.precision || plan.notes?.some((n) => n.startsWith("config missing: ")));
}

/** Why a numpy run's dtype is fp64: what it imports, and numpy's default float. */
function numpyDtypeDetail(at: { detail: string }): string {
  return `numpy arrays (${at.detail} and no tensor framework): float64 is numpy's default`;
}

/** ": 220 steps (drop_last)" after an epoch-based plan whose epochs, samples and batch are all known. */
function derivedStepsText(plan: TrainingPlan): string {
  const derived = planOptimizerSteps(plan);
  return derived ? `: ${formatWhole(derived.value)} optimizer steps${plan.dropLast ? " (drop_last)" : ""}` : "";
}

/** The plan of a file none of whose models gives a run, in one line: "5,000 steps × 4 micro-batches, batch 4, bf16";
 *  `unanalyzed` names the file's models that were built but whose forward pass was not analyzed (why no step cost). */
export function trainingPlanLine(plan: TrainingPlan, lineText: LineText = plainLine, unanalyzed: { name: string; line: number }[] = []): string {
  const length = plan.steps
    ? `${formatCountOf(plan.steps.value, "step")}${plan.accumulation ? ` × ${formatWhole(plan.accumulation.value)} micro-batches` : ""}`
    : plan.epochs
      ? `${formatCountOf(plan.epochs.value, "epoch")}${plan.samples ? ` × ${formatCountOf(plan.samples.value, "sample")}` : ""}${plan.accumulation ? `, ${formatWhole(plan.accumulation.value)} micro-batches per step` : ""}${derivedStepsText(plan)}`
      : "no step or epoch count";
  const held = planBatchWithinSamples(plan).batch;
  const batch = held ? `, batch ${formatWhole(held.value)}` : "";
  const sources = [where(plan.steps ? "steps" : "epochs", plan.steps ?? plan.epochs, lineText), ...(plan.batch ? [where("batch", plan.batch, lineText)] : []), ...(plan.precision ? [`dtype: code ${lineText(plan.precision.line)}`] : [])];
  const why = unanalyzed.length > 0
    ? `the forward pass of ${unanalyzed.map((m) => `'${m.name}' (${lineText(m.line)})`).join(", ")} was not analyzed (its notes say why), so its step is not estimated`
    : !plan.precision && plan.numpyArrays
      ? "a numpy run builds no network the energy model estimates"
      : modelNote(plan.notes) ?? "no model built in this file to estimate its step: pass --entry";
  const dtype = plan.precision?.value ?? (plan.numpyArrays ? "fp64" : "fp32");
  if (!plan.precision && plan.numpyArrays) sources.push(`dtype: code ${lineText(plan.numpyArrays.line)}, ${numpyDtypeDetail(plan.numpyArrays)}`);
  return `${length}${batch}, ${dtype} (${sources.join(", ")}); ${why}${runNotesText(plan.notes)}`;
}

/** One line per model for the table and Markdown formats: the run's totals and where each figure came from. */
export function trainingRunLine(resolved: ResolvedTrainingRun, lineText: LineText = plainLine): string {
  const run = resolved.run;
  if (resolved.untrained) return `not trained by this run: ${resolved.notes.join("; ")}`;
  // A batch of data the code does not size is missing: its note (`batch: ...: pass --batch N`) says why.
  const batch = resolved.batchUnknown ? undefined : resolved.batch;
  // A figure the code leaves unknown is missing: the generic note, or the plan's own note saying why (`samples: ...`).
  const missing = (n: string) => n.startsWith("the code") || (resolved.batchUnknown === true && n.startsWith("batch: ")) || (!resolved.samples && n.startsWith("samples: ")) || (!resolved.epochs && n.startsWith("epochs: "));
  if (resolved.steps) {
    // With no run to state them, the figures the code gave are said with where each came from.
    const at = run ? where : whereWithValue;
    const sources = `(${[at("steps", resolved.steps, lineText), ...(resolved.accumulation ? [at("accumulation", resolved.accumulation, lineText)] : []), at("batch", batch, lineText), ...(resolved.samples ? [at("samples", resolved.samples, lineText)] : [])].join(", ")})`;
    if (!run) return `no training run: ${resolved.notes.join("; ")} ${sources}`;
    return `batch ${formatWhole(resolved.batch.value)}${gpusText(resolved)}${coverageText(resolved)}: ${trainingRunText(run)} ${sources}${runNotesText(resolved.notes)}`;
  }
  const at = run ? where : whereWithValue;
  const sources = `(${[at("epochs", resolved.epochs, lineText), at("samples", resolved.samples, lineText), at("batch", batch, lineText)].join(", ")})`;
  if (!run) return `no training run: ${resolved.notes.filter(missing).join("; ")} ${sources}${runNotesText(resolved.notes)}`;
  return `${formatCountOf(resolved.epochs!.value, "epoch")} × ${formatCountOf(resolved.samples!.value, "sample")}, batch ${formatWhole(resolved.batch.value)}${resolved.dropLast ? " (drop_last)" : ""}${gpusText(resolved)}: ` +
    `${trainingRunText(run)} ${sources}${runNotesText(resolved.notes)}`;
}

/** ", 32,000 samples seen (0.53 epochs of 60,000 samples)" after a step-based run's batch: what its steps go through. */
function coverageText(resolved: ResolvedTrainingRun): string {
  const coverage = stepRunCoverage(resolved);
  if (!coverage) return "";
  const share = coverage.epochs !== undefined ? ` (${formatFractionalCountOf(coverage.epochs, "epoch")} of ${formatCountOf(resolved.samples!.value, "sample")})` : "";
  return `, ${formatCountOf(coverage.samplesSeen, "sample")} seen${share}`;
}

/** The notes about configuration (config-notes.ts: "config read: ...", "config missing: ..."), a training loop the
 *  defaults skip (skipped-by-default.ts) and a step count that is only a bound (update-cadence.ts), after a run's line. */
/** A plan's note on why the network its run trains was not built ("model: PPO's policy is not built: ..."). */
function modelNote(notes: string[] | undefined): string | undefined {
  return notes?.find((n) => n.startsWith("model: "))?.slice("model: ".length);
}

function runNotesText(notes: string[] | undefined): string {
  const config = (notes ?? []).filter((n) => isConfigNote(n) || isSkippedByDefaultNote(n) || isUnreadCadenceNote(n));
  return config.length > 0 ? `; ${config.join("; ")}` : "";
}
