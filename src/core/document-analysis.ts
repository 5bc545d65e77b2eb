import { analyzeSource, type AnalysisResult, type AnalyzeRequest } from "./analyze";
import type { SyntaxCache } from "./interp/program";
import type { PythonParser } from "./python/parser";
import type { Settings } from "./config";
import { findRules, layerActionsOf } from "./rules/rules";
import type { Finding, RuleSettings } from "./rules/types";

/** An analysis and its rule findings: what the editor shows for one text. */
export interface AnalysisWithFindings {
  result: AnalysisResult;
  findings: Finding[];
}

/** The rules' settings out of the editor's settings. */
export function ruleSettingsOf(settings: Settings): RuleSettings {
  return { severities: settings["rules.severities"], pruneAmount: settings["rules.pruneAmount"], hardware: settings.hardware, host: settings.host, batch: settings.batchSize, gpus: settings.gpus };
}

/**
 * Analyzes a text and runs the rules on it, reusing the analysis's parse (one home for the editor's in-process path
 * and the analysis worker); a rule that fails is reported through `onRuleError` and skipped.
 */
export function analyzeWithRules(
  parser: PythonParser,
  request: AnalyzeRequest & { cache: SyntaxCache },
  rules: RuleSettings,
  onRuleError: (rule: string, error: unknown) => void,
): AnalysisWithFindings {
  // The rules' hardware is the run's target: torch.cuda answers as its GPU (a request naming its own wins).
  const result = analyzeSource(parser, { hardware: rules.hardware, ...request });
  // The analysis just parsed and lowered this text: the rules read the same tree instead of parsing it again.
  const cached = request.cache.lookup(request.file, request.text);
  const tree = cached?.tree ?? parser.parse(request.text);
  try {
    const input = { file: request.file, text: request.text, tree, syntax: cached?.syntax, analysis: result, settings: rules, onRuleError };
    const findings = findRules(input);
    try {
      const actions = layerActionsOf(input);
      if (actions.length > 0) result.layerActions = actions;
    } catch (error) {
      onRuleError("layer actions", error);
    }
    return { result, findings };
  } finally {
    if (!cached) tree.delete();
  }
}
