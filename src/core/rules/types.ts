import type { Tree } from "web-tree-sitter";
import type { AnalysisResult } from "../analyze";
import type { ModuleSyntax } from "../python/ast";
import type { ModelReport } from "../report/model-report";

/** The rules Greenlight knows; the id drives the diagnostic code, the quick fix, suppression and SARIF. */
export const RULE_IDS = ["GL001", "GL002", "GL003", "GL004", "GL005"] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** How loudly a finding is shown. Never "error": these are advice, and CI should not fail on them by default. */
export type FindingSeverity = "hint" | "information" | "warning";
/** A severity setting per rule; "off" disables the rule. */
export type SeveritySetting = FindingSeverity | "off";

/** 0-based line and UTF-16 character, as in the Language Server Protocol. */
export interface TextPosition {
  line: number;
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** Replace `range` of `file` by `newText` (an insertion when the range is empty). */
export interface TextEdit {
  file: string;
  range: TextRange;
  newText: string;
}

/** One way to fix a finding: a stable kind (`dynamic-int8`, for `greenlight fix --fix`) and its edits. */
export interface Fix {
  kind: string;
  title: string;
  edits: TextEdit[];
}

/**
 * One finding. `line`/`column` are 1-based (as editors and SARIF count), `endLine`/`endColumn` 1-based with the
 * end column just past the last character; `range` is the same place 0-based for the editor.
 */
export interface Finding {
  rule: RuleId;
  severity: FindingSeverity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: TextRange;
  message: string;
  fixes: Fix[];
}

/** Rule settings: severity per rule and the pruning amount GL001's pruning fix uses. */
export interface RuleSettings {
  severities: Partial<Record<RuleId, SeveritySetting>>;
  /** Fraction of Linear/Conv weights the pruning fix removes (0 < amount < 1). */
  pruneAmount: number;
  /** Hardware profile id (src/core/energy/hardware-profiles.json) of GL001's energy figure. */
  hardware: string;
}

export const defaultRuleSettings: RuleSettings = { severities: {}, pruneAmount: 0.3, hardware: "h100-sxm" };

/** Energy per inference before and after int8, when an energy model is wired in (joules). */
export interface Int8EnergyEstimate {
  fp32Joules: number;
  int8Joules: number;
  /** The hardware profile the figures assume. */
  hardware?: string;
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
  /** Per-inference energy of a model at fp32 and int8 for GL001's message; by default the energy model's estimate. */
  estimateEnergy?: (model: ModelReport) => Int8EnergyEstimate | undefined;
  /** Called when a rule fails on unusual code (the others still run); without it the error propagates. */
  onRuleError?: (rule: RuleId, error: unknown) => void;
}

/** Documentation of a rule: what it flags, why, and the fixes it offers. */
export interface RuleDefinition {
  id: RuleId;
  title: string;
  defaultSeverity: FindingSeverity;
  rationale: string;
  /** Kinds of fix the rule can offer (values of `Fix.kind`). */
  fixKinds: string[];
  helpUri: string;
}
