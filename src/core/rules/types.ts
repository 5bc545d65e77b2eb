
/** The rules Greenlight knows; the id drives the diagnostic code, the quick fix, suppression and SARIF. */
export const RULE_IDS = ["GL001", "GL002", "GL003", "GL004", "GL005", "GL006"] as const;
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
  /** Hardware profile id (src/core/energy/hardware-profiles.json) of GL001's energy figures (of its kind: a CPU-only
   *  script is estimated on the first CPU profile when a GPU is selected). */
  hardware: string;
  /** Host class of the energy figures (hardware-profiles' hosts); the hardware's own when absent. */
  host?: string;
  /** Batch of GL001's energy figures (per inference = per sample); the model's input batch when absent. */
  batch?: number;
  /** GPUs of a data-parallel training run where the code does not say (GL006 then checks the per-GPU peak). */
  gpus?: number;
}

export const defaultRuleSettings: RuleSettings = { severities: {}, pruneAmount: 0.3, hardware: "h100-sxm" };

/** A variant of a model the energy model estimates: its precision and what a fix changes. */
export interface EnergyVariant {
  dtype: "fp32" | "bf16" | "fp16" | "fp64";
  /** Linear layers in int8 (torch.ao dynamic quantization: int8 weights and activations). */
  int8Linear?: boolean;
  /** Linear weights only, at these bits (torchao weight-only); the math stays at `dtype`. */
  linearWeightBits?: 8 | 4;
  /** Convolutions in channels-last memory format. */
  channelsLast?: boolean;
}

/** Energy per inference (one sample) and the hardware profile it is for. */
export interface EnergyFigure {
  joules: number;
  hardware: string;
  /** Where the figure stands, in the CodeLens's words: "cpu-x86-server, fp32, batch 1". */
  basis?: string;
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

/** Quantize or prune one layer, offered on the line that builds it (`self.fc1 = nn.Linear(...)`): the edits go where
 *  the script has the model ready, as GL001's fixes do. */
export interface LayerAction {
  /** 1-based line of the layer's construction. */
  line: number;
  /** The layer's path in the model ("fc1", "blocks.0.attn.proj") and type ("Linear"). */
  layer: string;
  type: string;
  fixes: Fix[];
}
