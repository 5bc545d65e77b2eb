import type { AnalysisResult } from "../analysis-result";
import type { Position } from "../python/ast";
import type { ModelReport } from "../report/model-report";
import type { PythonFile } from "./python-file";
import type { Tree } from "web-tree-sitter";
import type { ModuleSyntax } from "../python/ast";
import type { EnergyFigure, EnergyVariant, Fix, RuleDefinition, RuleId, RuleSettings } from "./types";

/** What each rule's check gets: the file, the analysis of its models and the settings. */
export interface RuleContext {
  file: PythonFile;
  analysis?: AnalysisResult;
  settings: RuleSettings;
  estimateEnergy: (model: ModelReport, hardware: string, variant: EnergyVariant) => EnergyFigure | undefined;
}

/** A rule's finding before severity and suppression are applied. */
export interface RawFinding {
  rule: RuleId;
  pos: Position;
  message: string;
  fixes: Fix[];
  /** Further 1-based lines whose `# greenlight: ignore` comments silence it (the model's class). */
  suppressionLines?: number[];
}

/** A rule: its documentation and its check. */
export interface Rule {
  definition: RuleDefinition;
  check(context: RuleContext): RawFinding[];
}

/** The documentation of a rule (the README's section for it, one per rule). */
export function ruleHelpUri(id: RuleId): string {
  return `https://github.com/greenlight-energy/greenlight/blob/main/README.md#${id.toLowerCase()}`;
}

/** What the rules read: the file's text and tree-sitter tree, the analyzer's result and the settings. */
export interface RuleInput {
  file: string;
  text: string;
  tree: Tree;
  /** The lowered syntax of the same text, when the host has it (the analyzer's SyntaxCache); else lowered here. */
  syntax?: ModuleSyntax;
  analysis?: AnalysisResult;
  settings?: Partial<RuleSettings>;
  /** Per-inference energy of a model variant on a hardware profile for GL001; by default the energy model's estimate. */
  estimateEnergy?: (model: ModelReport, hardware: string, variant: EnergyVariant) => EnergyFigure | undefined;
  /** Called when a rule fails on unusual code (the others still run); without it the error propagates. */
  onRuleError?: (rule: RuleId, error: unknown) => void;
}
