import { isLanguageModel } from "../generation/generation-estimate";
import { resolveGeneration } from "../generation/generation-plan";
import { estimateMemory } from "../memory/memory-estimate";
import { checkFit, memoryOptions, type FitChange, type MemoryContext } from "../memory/memory-fit";
import { formatBytes } from "../report/format";
import { resolveParallelRun, strategyName } from "../parallel/parallel-run";
import { importEdit } from "./edit-builders";
import { ruleHelpUri, type RawFinding, type Rule, type RuleContext } from "./rule-context";
import type { Fix } from "./types";

const definition = {
  id: "GL006" as const,
  title: "Peak memory exceeds the device",
  defaultSeverity: "information" as const,
  rationale:
    "A step whose weights, gradients, optimizer state, activations (or KV cache) need more memory than the selected " +
    "hardware has stops with an out-of-memory error, or runs on more devices than it needs. The finding names the parts, " +
    "and the smallest changes that make it fit with what each costs in time and energy: bf16 weights, activation " +
    "checkpointing, a smaller batch with gradient accumulation, an 8-bit optimizer, int8/int4 weights for inference.",
  fixKinds: ["8bit-optimizer"],
  helpUri: ruleHelpUri("GL006"),
};

/** GL006: a model whose training step (when the file trains) or forward/generation needs more than the device has. */
export const gl006ExceedsDeviceMemory: Rule = { definition, check };

const percent = (factor: number) => `${factor >= 1 ? "+" : "−"}${Math.abs(Math.round((factor - 1) * 100))}%`;

function describe(change: FitChange): string {
  const cost = Number.isFinite(change.time_factor) ? ` (${formatBytes(change.peak_bytes)}; time ${percent(change.time_factor)}, energy ${percent(change.energy_factor)})` : ` (${formatBytes(change.peak_bytes)})`;
  return `${change.label}${cost}`;
}

function check(context: RuleContext): RawFinding[] {
  const analysis = context.analysis;
  if (!analysis) return [];
  const findings: RawFinding[] = [];
  const setup = analysis.runSetup;
  for (const model of analysis.models) {
    if (model.ops.length === 0 || model.file !== context.file.path) continue;
    const plan = analysis.generations?.[0];
    const generation = plan && !setup?.trains && isLanguageModel(model) ? resolveGeneration(plan, model.inputs[0]?.shape) : undefined;
    const mode = setup?.trains ? "train" : "inference";
    // A data-parallel run (the code's, else the gpus setting) is checked per GPU, at the per-GPU batch.
    const parallel = mode === "train" ? resolveParallelRun(analysis.training?.parallel, context.settings.gpus).run : undefined;
    const memoryContext: MemoryContext = { hardware: context.settings.hardware, dtype: "fp32", mode, setup, generation, parallel, batch: parallel ? analysis.training?.batch?.value : undefined };
    const memory = estimateMemory(model, memoryOptions(model, memoryContext));
    const fit = checkFit(model, memoryContext, memory);
    if (!fit || fit.fits) continue;
    const place = context.file.places.find((p) => (p.statement.type === "class" || p.statement.type === "function" ? p.statement.defLine : p.statement.pos.line) === model.line);
    if (!place) continue;
    const parts = memory.parts.filter((p) => p.bytes > 0).map((p) => `${p.name.replace("_", " ")} ${formatBytes(p.bytes)}`).join(", ");
    const what = memoryContext.mode === "train" ? `a training step${parallel ? ` on each of ${parallel.gpus} GPUs (${strategyName(parallel)})` : ""}` : generation ? "generation" : "a forward pass";
    const remedies = fit.changes.length > 0 ? ` Fits with ${fit.changes.map(describe).join("; or ")}.` : " No single change listed here makes it fit: split it across devices.";
    findings.push({
      rule: "GL006",
      pos: { ...place.statement.pos, line: model.line, column: context.file.source.indentation(model.line - 1).length },
      message: `${model.name}: ${what} ${fit.summary} (${parts}).${remedies}`,
      fixes: fit.changes.some((c) => c.label.startsWith("8-bit")) ? eightBitOptimizerFix(context) : [],
    });
  }
  return findings;
}

/** Swaps torch.optim.Adam/AdamW for bitsandbytes' 8-bit one at the call the run setup found (same arguments). */
function eightBitOptimizerFix(context: RuleContext): Fix[] {
  const optimizer = context.analysis?.runSetup?.optimizer;
  if (!optimizer || (optimizer.kind !== "adam" && optimizer.kind !== "adamw")) return [];
  const file = context.file;
  const placed = file.calls.find((c) => c.call.pos.line === optimizer.line && c.call.func.type !== "call" && /(^|\.)(Adam|AdamW)$/.test(file.source.text.slice(c.call.func.pos.startIndex, c.call.func.pos.endIndex)));
  if (!placed) return [];
  const replacement = optimizer.kind === "adam" ? "bnb.optim.Adam8bit" : "bnb.optim.AdamW8bit";
  const imports = importEdit(file, [{ statement: "import bitsandbytes as bnb", binds: [["bnb", "bitsandbytes"]] }]);
  return [{
    kind: "8bit-optimizer",
    title: `Use ${replacement} (bitsandbytes): two 8-bit moments instead of fp32`,
    edits: [...(imports ? [imports] : []), { file: file.path, range: file.source.range(placed.call.func.pos.startIndex, placed.call.func.pos.endIndex), newText: replacement }],
  }];
}
