// Whether a 16-bit precision the code sets is the plain run's: a cast or autocast under `if cfg.fp16:` is only as
// sure as the test. Mixed precision is something scripts switch on, so a test the analyzer cannot read (a config
// from a package that is gone, a field nobody set) leaves the run at full precision and says which test it was,
// rather than stating the 16-bit branch as what runs.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { keywordArgument, namesIn } from "../python/syntax-walk";
import type { CodeSite } from "./code-sites";
import { knownTruth } from "./evaluate-site";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** A 16-bit precision set only under a test the analyzer could not read. */
export interface UnsurePrecision {
  value: "bf16" | "fp16";
  line: number;
  detail: string;
  /** The test's code, shortened. */
  condition: string;
}

/**
 * Whether the plain run reaches a precision site: true, false (an enclosing `if` goes the other way, or
 * `autocast(enabled=...)` is not known to be on), or the code of the first enclosing test whose value is unknown.
 */
export function precisionReached(site: CallSite, evaluate: (e: Expression) => Value | undefined, code: (e: Expression) => string): boolean | string {
  let unknown: string | undefined;
  for (const { test, holds } of site.context.conditions ?? []) {
    if (namesIn([test], new Set()).has("__name__")) continue;
    const value = knownTruth(evaluate(test));
    if (value === undefined) unknown ??= code(test);
    else if (value !== holds) return false;
  }
  const enabled = keywordArgument(site.call, "enabled");
  if (enabled && knownTruth(evaluate(enabled)) !== true) return false;
  return unknown ?? true;
}

/** The run's precision when its only 16-bit setting sits under an unreadable test: fp32, saying which test and how
 *  to estimate the other branch. */
export function fullPrecisionInstead(p: UnsurePrecision): { value: "fp32"; line: number; detail: string } {
  return { value: "fp32", line: p.line, detail: `${p.value} (${p.detail}) only when ${p.condition}, which the analyzer cannot read: fp32 assumed` };
}
