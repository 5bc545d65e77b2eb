import { applyEdits } from "./apply-edits";
import type { Finding, Fix, RuleId } from "./types";

/** What "fix all" did: the new text and the fixes applied, in order. */
export interface FixAllResult {
  text: string;
  applied: { rule: RuleId; kind: string; line: number }[];
}

/** Which findings "fix all" applies: one rule's, one kind of fix, at most so many. */
export interface FixAllOptions {
  rule?: RuleId;
  kind?: string;
  maxFixes?: number;
}

/**
 * Applies every finding's fix (the first one, or the one of `kind`), optionally of one rule, one at a time: the
 * findings are read again after each fix, because fixes of different findings may touch the same lines (each adds
 * its imports, say). A finding whose fix was already tried is not tried again, so this always ends.
 */
export function fixAll(text: string, findingsOf: (text: string) => Finding[], options: FixAllOptions = {}): FixAllResult {
  const lineOf = (t: string, line: number) => t.split(/\r?\n/)[line - 1] ?? "";
  const { state, applied } = fixAllIn(text, (t) => ({ findings: findingsOf(t), lineText: (line) => lineOf(t, line) }), (t, fix) => applyEdits(t, fix.edits), options);
  return { text: state, applied };
}

/**
 * fixAll over any document (a notebook's JSON text, say): `read` gives its findings and the text of a finding's
 * line, `apply` the document with one fix applied (undefined when that fix cannot be applied there).
 */
export function fixAllIn<T>(
  start: T,
  read: (state: T) => { findings: Finding[]; lineText(line: number): string },
  apply: (state: T, fix: Fix, finding: Finding) => T | undefined,
  options: FixAllOptions = {},
): { state: T; applied: FixAllResult["applied"] } {
  const applied: FixAllResult["applied"] = [];
  // A finding is known by rule, message and its line's text; identical code can hold several alike, so a kind of
  // finding is given up on only when fixing one did not make it one fewer.
  const stuck = new Set<string>();
  const candidates = (state: T) => {
    const view = read(state);
    return view.findings
      .filter((f) => options.rule === undefined || f.rule === options.rule)
      .map((f) => ({ finding: f, fix: options.kind === undefined ? f.fixes[0] : f.fixes.find((x) => x.kind === options.kind), key: `${f.rule}|${f.message}|${view.lineText(f.line)}` }))
      .filter((c) => c.fix !== undefined);
  };
  let current = start;
  let list = candidates(current);
  const limit = options.maxFixes ?? 200;
  while (applied.length < limit) {
    const next = list.find((c) => !stuck.has(c.key));
    if (!next) break;
    const before = list.filter((c) => c.key === next.key).length;
    const fixed = apply(current, next.fix!, next.finding);
    if (fixed === undefined) {
      stuck.add(next.key);
      continue;
    }
    current = fixed;
    applied.push({ rule: next.finding.rule, kind: next.fix!.kind, line: next.finding.line });
    list = candidates(current);
    if (list.filter((c) => c.key === next.key).length >= before) stuck.add(next.key);
  }
  return { state: current, applied };
}
