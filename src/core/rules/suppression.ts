import type { RuleId } from "./types";

const IGNORE = /#\s*greenlight:\s*ignore(?:\[([^\]]*)\])?(?![\w[])/i;

/** The rules a `# greenlight: ignore[GL001, GL002]` comment silences ("all" for a bare `ignore`), or undefined. */
export function ignoredRules(comment: string): Set<string> | "all" | undefined {
  const match = IGNORE.exec(comment);
  if (!match) return undefined;
  if (match[1] === undefined) return "all";
  return new Set(match[1].split(",").map((id) => id.trim().toUpperCase()).filter((id) => id !== ""));
}

/**
 * True when a comment silences `rule` at one of `lines` (1-based): on the line itself, or on a comment-only line
 * right above it (above the decorators of a class or function, too).
 */
export function isSuppressed(rule: RuleId, lines: number[], comments: Map<number, string>, lineText: (line: number) => string): boolean {
  const silences = (line: number) => {
    const comment = comments.get(line);
    if (comment === undefined) return false;
    const rules = ignoredRules(comment);
    return rules === "all" || (rules !== undefined && rules.has(rule));
  };
  for (const line of lines) {
    if (silences(line)) return true;
    let above = line - 1;
    while (above >= 1 && /^\s*@/.test(lineText(above))) above--;
    while (above >= 1 && /^\s*#/.test(lineText(above))) {
      if (silences(above)) return true;
      above--;
    }
  }
  return false;
}
