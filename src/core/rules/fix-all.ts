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
  const tried = new Set<string>();
  const lineOf = (t: string, line: number) => t.split(/\r?\n/)[line - 1] ?? "";
  let current = text;
  const limit = options.maxFixes ?? 200;
  while (applied.length < limit) {
    const next = findingsOf(current)
      .filter((f) => options.rule === undefined || f.rule === options.rule)
      .map((f) => ({ finding: f, fix: options.kind === undefined ? f.fixes[0] : f.fixes.find((x) => x.kind === options.kind), key: `${f.rule}|${f.message}|${lineOf(current, f.line)}` }))
      .find((c) => c.fix !== undefined && !tried.has(c.key));
    if (!next) break;
    tried.add(next.key);
    current = applyEdits(current, next.fix!.edits);
    applied.push({ rule: next.finding.rule, kind: next.fix!.kind, line: next.finding.line });
  }
  return { text: current, applied };
}
