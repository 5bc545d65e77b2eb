import { gl001FullPrecision } from "./gl001-full-precision";
import { gl002NoGrad } from "./gl002-no-grad";
import { gl003MixedPrecision } from "./gl003-mixed-precision";
import { gl004ConvBiasBeforeBatchNorm } from "./gl004-conv-bias-before-batchnorm";
import { gl005MissingEval } from "./gl005-missing-eval";
import { gl006ExceedsDeviceMemory } from "./gl006-exceeds-device-memory";
import type { ModelReport } from "../report/model-report";
import { inferenceEnergy } from "./energy-saving";
import { PythonFile } from "./python-file";
import type { RawFinding, Rule, RuleInput } from "./rule-context";
import { isSuppressed } from "./suppression";
import { layerActions, modelsWithLayersIn } from "./layer-actions";
import { defaultRuleSettings, type EnergyVariant, type Finding, type FindingSeverity, type LayerAction, type RuleDefinition, type RuleId, type RuleSettings, type SeveritySetting } from "./types";

const RULES: readonly Rule[] = [gl001FullPrecision, gl002NoGrad, gl003MixedPrecision, gl004ConvBiasBeforeBatchNorm, gl005MissingEval, gl006ExceedsDeviceMemory];

/** Every rule's documentation, in id order. */
export const ruleDefinitions: readonly RuleDefinition[] = RULES.map((r) => r.definition);

/** A rule's documentation by id. */
export function ruleDefinition(id: string): RuleDefinition | undefined {
  return ruleDefinitions.find((d) => d.id === id.toUpperCase());
}

/** Settings with defaults filled in; a bad pruning amount falls back to the default, "error" is lowered to "warning". */
export function resolveRuleSettings(settings: Partial<RuleSettings> | undefined): RuleSettings {
  const amount = settings?.pruneAmount;
  return {
    severities: { ...defaultRuleSettings.severities, ...(settings?.severities ?? {}) },
    pruneAmount: typeof amount === "number" && amount > 0 && amount < 1 ? amount : defaultRuleSettings.pruneAmount,
    hardware: typeof settings?.hardware === "string" && settings.hardware !== "" ? settings.hardware : defaultRuleSettings.hardware,
    host: typeof settings?.host === "string" && settings.host !== "" ? settings.host : undefined,
    batch: typeof settings?.batch === "number" && Number.isInteger(settings.batch) && settings.batch > 0 ? settings.batch : undefined,
    gpus: typeof settings?.gpus === "number" && Number.isInteger(settings.gpus) && settings.gpus > 1 ? settings.gpus : undefined,
  };
}

function severityOf(rule: RuleDefinition, setting: SeveritySetting | "error" | undefined): FindingSeverity | "off" {
  if (setting === undefined) return rule.defaultSeverity;
  if (setting === "error") return "warning";
  return setting;
}

/** Runs every enabled rule on one file and returns its findings (suppressed ones left out), in source order. */
export function findRules(input: RuleInput): Finding[] {
  const settings = resolveRuleSettings(input.settings);
  const file = new PythonFile(input.file, input.text, input.tree, input.syntax);
  const estimateEnergy = input.estimateEnergy ?? ((model: ModelReport, hardware: string, variant: EnergyVariant) => inferenceEnergy(model, hardware, variant, settings.batch, hardware === settings.hardware ? settings.host : undefined));
  const context = { file, analysis: input.analysis, settings, estimateEnergy };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = severityOf(rule.definition, settings.severities[rule.definition.id]);
    if (severity === "off") continue;
    let raw: RawFinding[];
    try {
      raw = rule.check(context);
    } catch (err) {
      // One rule tripping over unusual code must not hide the others' findings; the host decides how to report it.
      if (!input.onRuleError) throw err;
      input.onRuleError(rule.definition.id, err);
      continue;
    }
    for (const r of raw) {
      const lines = [r.pos.line, ...(r.suppressionLines ?? [])];
      if (isSuppressed(r.rule, lines, file.syntax.comments, (line) => file.source.lineText(line - 1))) continue;
      const range = file.findingRange(r.pos);
      findings.push({
        rule: r.rule,
        severity,
        file: input.file,
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
        range,
        message: r.message,
        fixes: r.fixes,
      });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** Quantize/prune actions on the lines that build a model's Linear and Conv layers (src/core/rules/layer-actions.ts). */
export function layerActionsOf(input: RuleInput): LayerAction[] {
  const path = input.file;
  // Most analyses have no model layer built in this file: no second walk of the file for them.
  if (modelsWithLayersIn(input.analysis, path).length === 0) return [];
  return layerActions(new PythonFile(input.file, input.text, input.tree, input.syntax), input.analysis, resolveRuleSettings(input.settings).pruneAmount);
}

export type { RuleId };
