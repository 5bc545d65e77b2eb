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

/** A 16-bit (or float64) precision set only under a test the analyzer could not read. */
export interface UnsurePrecision {
  value: "bf16" | "fp16" | "fp64";
  line: number;
  detail: string;
  /** The test's code, shortened. */
  condition: string;
}

/** How the plain run meets a precision site: it reaches it, it does not (`off`: the test or switch that keeps it
 *  off, shortened), or the code of the first enclosing test whose value is unknown. */
export type PrecisionReach = { reached: true } | { off: string } | { unknown: string };

/**
 * Whether the plain run reaches a precision site: an enclosing `if` that goes the other way, `autocast(enabled=...)`
 * known to be off, or a name called as autocast that the defaults bind to something else keep it off; a test or
 * `enabled=` the analyzer cannot read leaves it unknown.
 */
export function precisionReached(site: CallSite, evaluate: (e: Expression) => Value | undefined, code: (e: Expression) => string): PrecisionReach {
  let unknown: string | undefined;
  for (const { test, holds } of site.context.conditions ?? []) {
    if (namesIn([test], new Set()).has("__name__")) continue;
    const value = knownTruth(evaluate(test));
    if (value === undefined) unknown ??= code(test);
    else if (value !== holds) return { off: `${holds ? "" : "not "}${code(test)}` };
  }
  // `enabled=args.amp` with the flag unread is a test like any other: unknown, not off.
  const enabled = keywordArgument(site.call, "enabled");
  const enabledTruth = enabled ? knownTruth(evaluate(enabled)) : true;
  if (enabled && enabledTruth === false) return { off: `enabled=${code(enabled)}` };
  if (enabled && enabledTruth === undefined) unknown ??= `enabled=${code(enabled)}`;
  const other = otherThanAutocast(site, evaluate);
  if (other) return { off: `${code(site.call.func)} is ${other}` };
  return unknown !== undefined ? { unknown } : { reached: true };
}

// `autocast = torch.cuda.amp.autocast if cfg.use_fp16 else nullcontext` then `with autocast():`: the name is
// whatever the defaults bound it to, and contextlib.nullcontext casts nothing.
function otherThanAutocast(site: CallSite, evaluate: (e: Expression) => Value | undefined): string | undefined {
  if (!/(^|\.)autocast$/.test(site.callee) || site.call.func.type !== "name") return undefined;
  const value = evaluate(site.call.func);
  if (!value || (value.kind !== "native" && value.kind !== "function" && value.kind !== "class")) return undefined;
  return /autocast/i.test(value.name) ? undefined : value.name;
}

/** The run's precision when its only 16-bit setting is one the plain run does not reach (`if args.half:` with the
 *  flag off): fp32, saying which setting and why, so that the weights' cast the interpreter saw is not the run's. */
export function fullPrecisionOff(p: UnsurePrecision): { value: "fp32"; line: number; detail: string } {
  return { value: "fp32", line: p.line, detail: `${p.value} (${p.detail}) only when ${p.condition}, ${NOT_MET}` };
}

const NOT_MET = "which the plain run does not meet: fp32";

/** Whether a plan's precision is fullPrecisionOff's (also as another file's plan handed it on). */
export function isPrecisionOff(p: { value: string; detail: string }): boolean {
  return p.value === "fp32" && p.detail.includes(NOT_MET);
}

/** The run's precision when its only 16-bit setting sits under an unreadable test: fp32, saying which test and how
 *  to estimate the other branch. */
export function fullPrecisionInstead(p: UnsurePrecision): { value: "fp32"; line: number; detail: string } {
  return { value: "fp32", line: p.line, detail: `${p.value} (${p.detail}) only when ${p.condition}, which the analyzer cannot read: fp32 assumed` };
}
