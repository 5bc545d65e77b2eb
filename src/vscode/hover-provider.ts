import { partialStatus } from "../core/report/coverage";
import { appliedText } from "../core/report/applied";
import * as vscode from "vscode";
import { carbonOf } from "../core/energy";
import type { AnalysisEngine } from "./analysis-engine";
import type { SettingsStore } from "./settings";
import { modulesEnergy, type EstimateProblems, type IntensitySource } from "./energy-bridge";
import { carbonBasis } from "./codelens-provider";
import { carbonPerThousandText, energyPerSampleText, estimateBasis } from "../core/energy/figure-text";
import { formatCount, formatEnergy, formatFlops, formatShape, formatShare, formatWithRange } from "../core/report/format";
import { escapeMarkdown } from "./markdown";
import { assumptionLine } from "./model-summary";
import { figuresAtLine, modelsInFile } from "./model-lookup";
import type { AnalysisResult } from "../core/analyze";
import { editorMemory, memorySummary } from "./memory-bridge";

/** The commands a hover links to; only these run from its Markdown. */
const HOVER_COMMANDS = ["greenlight.showReport", "greenlight.setInputShape"] as const;

/** Action links under a hover: the model's report, and setting its input when the estimate had to assume one. */
export function hoverActions(uri: vscode.Uri, model: string, line: number, partial: boolean): string {
  const link = (title: string, command: (typeof HOVER_COMMANDS)[number], args: unknown[]) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;
  const links = [link("Open report", "greenlight.showReport", [uri.toString(), model, line])];
  if (partial) links.push(link("Set input shape…", "greenlight.setInputShape", [uri.toString(), line, null, model]));
  return links.join(" · ");
}

/** Hover on a layer's construction line or a forward line: output shape, params, FLOPs and share of the model. */
export class LayerHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly engine: AnalysisEngine,
    private readonly store: SettingsStore,
    private readonly intensity: () => IntensitySource,
    private readonly problems: EstimateProblems,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.store.valuesFor(document.uri)["hover.enabled"]) return undefined;
    const analysis = await this.engine.analyze(document, token);
    if (!analysis || analysis.version !== document.version) return undefined;
    const figures = figuresAtLine(analysis.result, document.uri.path, position.line + 1);
    if (!figures) return this.modelLineHover(document, position, analysis.result);
    const { model, layers, ops, flops, outputShape } = figures;
    const markdown = new vscode.MarkdownString(undefined, true);
    const heading = layers.length > 0 ? layers.map((layer) => `\`${layer.path}\` ${layer.type}`).join(", ") : `forward line of ${model.name}`;
    markdown.appendMarkdown(`**Greenlight** · ${heading}\n\n`);
    const rows: [string, string][] = [];
    if (outputShape) rows.push(["Output shape", `\`${formatShape(outputShape)}\``]);
    if (layers.length > 0) {
      const params = layers.reduce((sum, layer) => sum + layer.params, 0);
      const tied = layers.find((layer) => layer.tiedParams);
      const tiedText = tied ? `; holds ${formatCount(tied.tiedParams!)} tied to \`${tied.tiedTo}\`, counted there` : "";
      rows.push(["Parameters", `${formatCount(params)} (${formatShare(params, model.params)} of ${model.name}${tiedText})`]);
    }
    rows.push(["FLOPs", `${formatFlops(flops)} (${formatShare(flops, model.flops)} of ${model.name})`]);
    // What it costs: the energy of the modules this line builds or runs, from the energy model.
    const paths = layers.length > 0 ? layers.map((layer) => layer.path) : [...new Set(ops.map((op) => op.modulePath))];
    const energy = modulesEnergy(model, paths, this.store.valuesFor(document.uri), this.problems);
    if (energy) {
      rows.push(["Energy", `${energyPerSampleText(energy.joules)} (${formatShare(energy.share, 1)} of ${model.name}; ${estimateBasis(energy)})`]);
      const grid = this.intensity();
      rows.push(["Carbon", carbonPerThousandText(carbonOf(energy.joules * 1000, { gco2PerKwh: grid.gco2PerKwh }))]);
      rows.push(["Range", `${formatWithRange(energy.joules, energy.range, formatEnergy)} per sample: ${energy.reason}`]);
    }
    if (ops.length > 0) rows.push(["Ops", [...new Set(ops.map((op) => op.op))].join(", ")]);
    markdown.appendMarkdown(`| | |\n|---|---|\n${rows.map(([name, value]) => `| ${name} | ${value} |`).join("\n")}\n`);
    if (energy) markdown.appendMarkdown(`\n${escapeMarkdown(carbonBasis(this.intensity()))}\n`);
    if (!model.complete) markdown.appendMarkdown(`\n_${model.name} is only partly resolved (${partialStatus(model.coverage, model.unresolved.length)}); figures are lower bounds._\n`);
    const assumed = assumptionLine(model);
    if (assumed) markdown.appendMarkdown(`\n_${escapeMarkdown(assumed)}_\n`);
    markdown.appendMarkdown(`\n${hoverActions(document.uri, model.name, model.line, !model.complete)}\n`);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    const line = document.lineAt(position.line);
    return new vscode.Hover(markdown, new vscode.Range(position.line, line.firstNonWhitespaceCharacterIndex, position.line, line.text.length));
  }

  /** On a model's own line (its class or where it is built): what it needs in device memory, for a forward (or its
   *  generation) and for a training step, and whether that fits the selected hardware. */
  private modelLineHover(document: vscode.TextDocument, position: vscode.Position, result: AnalysisResult): vscode.Hover | undefined {
    const model = modelsInFile(result, document.uri.path).find((m) => m.line === position.line + 1);
    if (!model) return undefined;
    const rows: [string, string][] = [];
    const applied = appliedText(model);
    if (applied) rows.push(["Applied", escapeMarkdown(applied)]);
    const inference = editorMemory(model, result, this.store.valuesFor(document.uri), this.intensity(), "inference", this.problems);
    const train = editorMemory(model, result, this.store.valuesFor(document.uri), this.intensity(), "train", this.problems);
    if (inference) rows.push([inference.generation ? "Memory (generation)" : "Memory (inference)", memorySummary(inference)]);
    if (train) rows.push(["Memory (training step)", memorySummary(train)]);
    if (rows.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.appendMarkdown(`**Greenlight** · ${model.name}\n\n| | |\n|---|---|\n${rows.map(([name, value]) => `| ${name} | ${value} |`).join("\n")}\n`);
    const assumed = assumptionLine(model);
    if (assumed) markdown.appendMarkdown(`\n_${escapeMarkdown(assumed)}_\n`);
    markdown.appendMarkdown(`\n${hoverActions(document.uri, model.name, model.line, !model.complete)}\n`);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    const line = document.lineAt(position.line);
    return new vscode.Hover(markdown, new vscode.Range(position.line, line.firstNonWhitespaceCharacterIndex, position.line, line.text.length));
  }
}
