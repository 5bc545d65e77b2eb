import type { AnalysisResult } from "../analysis-result";
import type { LayerReport } from "../report/model-report";
import { IMPORT_PRUNE, IMPORT_TORCH, importEdit, insertLinesAfter, type ImportNeed } from "./edit-builders";
import { hasTorchTraining, inferenceCalls, isTrained, readyStatement, reportedModelSites } from "./model-usage";
import type { PythonFile } from "./python-file";
import { runTargetOf, type Device, type RunPrecision } from "./run-target";
import type { Fix, LayerAction, TextEdit } from "./types";

// "Quantize this layer" / "Prune this layer" on the line that builds a Linear or convolution: the edit goes where the
// script has the model ready (after it is built, loaded and moved), as GL001's one-click fixes do, and only what runs
// where the script puts the model is offered: torch.ao dynamic int8 on the CPU (Linear), torchao weight-only int8 on
// CUDA (Linear), pruning anywhere. Convolutions get pruning only: neither quantizes them on these devices.

const PRUNABLE = /^(Linear|Conv[123]d)$/;
const IMPORT_TORCHAO: ImportNeed = { statement: "from torchao.quantization import Int8WeightOnlyConfig, quantize_", binds: [["Int8WeightOnlyConfig", "torchao.quantization.Int8WeightOnlyConfig"], ["quantize_", "torchao.quantization.quantize_"]] };

/** The Python expression that reaches a submodule: `model.fc1`, `model.blocks[0].proj`. */
export function submoduleExpression(model: string, path: string): string {
  return path.split(".").reduce((e, part) => (/^\d+$/.test(part) ? `${e}[${part}]` : `${e}.${part}`), model);
}

function quantizeLines(device: Device, precision: RunPrecision, model: string, layer: LayerReport): { lines: string[]; imports: ImportNeed[]; title: string } | undefined {
  if (layer.type !== "Linear" || layer.precision) return undefined;
  const name = JSON.stringify(layer.path);
  if (device === "cpu") {
    return {
      title: `Quantize this layer: int8 dynamic (torch.ao, CPU) for '${layer.path}'`,
      // quantize_dynamic's qconfig_spec takes submodule names as well as types: only this layer is swapped.
      lines: [`# Greenlight: int8 dynamic quantization of ${layer.path} (CPU inference).`, `${model} = torch.ao.quantization.quantize_dynamic(${model}, {${name}}, dtype=torch.qint8)`],
      imports: [IMPORT_TORCH],
    };
  }
  // torchao's weight-only int8 is for fp32/bf16 models, as GL001 offers it (not over fp16 weights).
  if (device === "cuda" && precision !== "fp16") {
    return {
      title: `Quantize this layer: int8 weight-only (torchao, CUDA) for '${layer.path}'`,
      lines: [`# Greenlight: int8 weight-only quantization of ${layer.path} with torchao (CUDA).`, `quantize_(${model}, Int8WeightOnlyConfig(), filter_fn=lambda module, fqn: fqn == ${name})`],
      imports: [IMPORT_TORCHAO],
    };
  }
  return undefined;
}

function pruneLines(model: string, layer: LayerReport, amount: number): string[] {
  const target = submoduleExpression(model, layer.path);
  return [
    `# Greenlight: prune ${Math.round(amount * 100)}% of ${layer.path}'s weights (L1 magnitude); fine-tune afterwards to recover accuracy.`,
    `prune.l1_unstructured(${target}, name="weight", amount=${amount})`,
    `prune.remove(${target}, "weight")`,
  ];
}

/** The file's models that build a Linear or Conv layer in it: the only ones with layer actions. */
export function modelsWithLayersIn(analysis: AnalysisResult | undefined, path: string): AnalysisResult["models"] {
  return (analysis?.models ?? []).filter((m) => m.file === path && m.layers.some((l) => l.file === path && PRUNABLE.test(l.type)));
}

/**
 * The layer actions of a file: for each model the script builds and runs for inference where a fix can go right
 * after it is ready, each Linear/Conv layer built on a line of this file that builds no other layer.
 */
export function layerActions(file: PythonFile, analysis: AnalysisResult | undefined, amount: number): LayerAction[] {
  const reports = modelsWithLayersIn(analysis, file.path);
  if (reports.length === 0) return [];
  const training = hasTorchTraining(file);
  const actions: LayerAction[] = [];
  const seen = new Set<number>();
  for (const { site, model } of reportedModelSites(file, reports)) {
    const v = site.variable;
    // A model trained here would be quantized before its training: the layer actions are for inference scripts.
    if (training && isTrained(file, v)) continue;
    const ready = readyStatement(file, site);
    if (!file.startsLine(site.statement) || !file.endsLine(ready)) continue;
    const { device, precision } = runTargetOf(file, v, site, inferenceCalls(file, v));
    const indent = file.source.indentation(site.statement.pos.line - 1);
    const perLine = new Map<number, number>();
    for (const l of model.layers) if (l.file === file.path && l.path !== "") perLine.set(l.line, (perLine.get(l.line) ?? 0) + 1);
    for (const layer of model.layers) {
      if (layer.file !== file.path || !PRUNABLE.test(layer.type) || perLine.get(layer.line) !== 1 || seen.has(layer.line)) continue;
      const edit = (lines: string[], imports: ImportNeed[]): TextEdit[] => {
        const insert = insertLinesAfter(file, ready, lines.map((l) => indent + l));
        const added = importEdit(file, imports);
        return added ? [added, insert] : [insert];
      };
      const fixes: Fix[] = [];
      const quantize = quantizeLines(device, precision, v, layer);
      if (quantize) fixes.push({ kind: "quantize-layer", title: quantize.title, edits: edit(quantize.lines, quantize.imports) });
      if (!layer.pruned) fixes.push({ kind: "prune-layer", title: `Prune this layer: ${Math.round(amount * 100)}% of '${layer.path}' weights (L1 magnitude; same FLOPs with dense kernels)`, edits: edit(pruneLines(v, layer, amount), [IMPORT_TORCH, IMPORT_PRUNE]) });
      if (fixes.length === 0) continue;
      seen.add(layer.line);
      actions.push({ line: layer.line, layer: layer.path, type: layer.type, fixes });
    }
  }
  return actions;
}
