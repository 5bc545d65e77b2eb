import { applyEdits } from "./apply-edits";
import type { Finding, RuleId } from "./types";

/** What "fix all" did: the new text and the fixes applied, in order. */
export interface FixAllResult {
  text: string;
  applied: { rule: RuleId; kind: string; line: number }[];
}

/**
 * Applies every finding's fix (the first one, or the one of `kind`), optionally of one rule, one at a time: the
 * findings are read again after each fix, because fixes of different findings may touch the same lines (each adds
 * its imports, say). A finding whose fix was already tried is not tried again, so this always ends.
 */
export function fixAll(text: string, findingsOf: (text: string) => Finding[], options: { rule?: RuleId; kind?: string; maxFixes?: number } = {}): FixAllResult {
  const applied: FixAllResult["applied"] = [];
  // A finding is known by rule, message and its line's text; identical code can hold several alike, so a kind of
  // finding is given up on only when fixing one did not make it one fewer.
  const stuck = new Set<string>();
  const lineOf = (t: string, line: number) => t.split(/\r?\n/)[line - 1] ?? "";
  const candidates = (t: string) =>
    findingsOf(t)
      .filter((f) => options.rule === undefined || f.rule === options.rule)
      .map((f) => ({ finding: f, fix: options.kind === undefined ? f.fixes[0] : f.fixes.find((x) => x.kind === options.kind), key: `${f.rule}|${f.message}|${lineOf(t, f.line)}` }))
      .filter((c) => c.fix !== undefined);
  let current = text;
  let list = candidates(current);
  const limit = options.maxFixes ?? 200;
  while (applied.length < limit) {
    const next = list.find((c) => !stuck.has(c.key));
    if (!next) break;
    const before = list.filter((c) => c.key === next.key).length;
    current = applyEdits(current, next.fix!.edits);
    applied.push({ rule: next.finding.rule, kind: next.fix!.kind, line: next.finding.line });
    list = candidates(current);
    if (list.filter((c) => c.key === next.key).length >= before) stuck.add(next.key);
  }
  return { text: current, applied };
}
