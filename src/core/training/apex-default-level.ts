// NVIDIA apex's `amp.initialize(model, optimizer)` given no opt_level runs its default, "O1": fp16 mixed precision
// (apex/amp/frontend.py `def initialize(models, optimizers=None, enabled=True, opt_level="O1", ...)`;
// nvidia.github.io/apex/amp.html, apex 0.1). An explicit opt_level is read by framework-precision.ts.
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** apex's default opt_level and the precision it trains in. */
export const APEX_DEFAULT_OPT_LEVEL = { level: "O1", precision: "fp16" } as const;

/** Whether the file imports apex's amp (`from apex import amp`, `import apex`). */
export function importsApexAmp(text: string): boolean {
  return /^\s*(?:from\s+apex(?:\.amp)?\s+import\b|import\s+apex\b)/m.test(text);
}

/**
 * The precision of an apex `amp.initialize(...)` call that leaves opt_level to its default: fp16, or undefined when
 * the call is not apex's, states opt_level (by keyword, by position or through a `**` dict) or is not enabled.
 */
export function apexDefaultPrecision(call: CallExpression, callee: string, text: string, truth: (e: Expression) => boolean | undefined): "fp16" | undefined {
  if (!/(^|\.)amp\.initialize$/.test(callee) || !importsApexAmp(text)) return undefined;
  // initialize(models, optimizers, enabled, opt_level, ...): a fourth positional argument is the level itself.
  if (call.args.filter((a) => a.kind === "positional").length > 3 || call.args.some((a) => a.kind === "doublestar" || a.kind === "star")) return undefined;
  if (keywordArgument(call, "opt_level")) return undefined;
  const enabled = keywordArgument(call, "enabled") ?? positionalArgument(call, 2);
  if (enabled && truth(enabled) !== true) return undefined;
  return APEX_DEFAULT_OPT_LEVEL.precision;
}
