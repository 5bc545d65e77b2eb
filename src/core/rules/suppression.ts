import type { RuleId, TextEdit } from "./types";
import { formatPragma, parsePragma, PRAGMA_COMMENT, type RuleSelection } from "../pragma/grammar";

/** The rules a `# greenlight: ignore[GL001, GL002]` comment silences ("all" for a bare `ignore`), or undefined. */
export function ignoredRules(comment: string): RuleSelection | undefined {
  return parsePragma(comment)?.ignore;
}

/** The rules a `# greenlight: ignore-file[...]` comment silences in its whole file (as ruff's file noqa), or undefined. */
export function fileIgnoredRules(comment: string): RuleSelection | undefined {
  return parsePragma(comment)?.ignoreFile;
}

const covers = (rules: Set<string> | "all" | undefined, rule: string) => rules === "all" || (rules !== undefined && rules.has(rule));

/**
 * True when a comment silences `rule` at one of `lines` (1-based): on the line itself, on a comment-only line
 * right above it (above the decorators of a class or function, too), or anywhere in the file with `ignore-file`.
 */
export function isSuppressed(rule: RuleId, lines: number[], comments: Map<number, string>, lineText: (line: number) => string): boolean {
  for (const comment of comments.values()) if (covers(fileIgnoredRules(comment), rule)) return true;
  const silences = (line: number) => {
    const comment = comments.get(line);
    return comment !== undefined && covers(ignoredRules(comment), rule);
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

/** The line breaks the text uses (so an inserted line matches a CRLF file). */
function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** Adds `rule` to the `ignore` (or `ignore-file`) list of a pragma comment on `lineText`; undefined if it has none. */
function addToPragma(lineText: string, scope: "ignore" | "ignoreFile", rule: RuleId, line: number): TextEdit | undefined {
  const start = lineText.search(PRAGMA_COMMENT);
  const pragma = start >= 0 ? parsePragma(lineText.slice(start)) : undefined;
  const rules = pragma?.[scope];
  if (!pragma || !rules) return undefined;
  if (rules === "all" || rules.has(rule)) return { file: "", range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: "" };
  pragma[scope] = new Set([...rules, rule]);
  return { file: "", range: { start: { line, character: start }, end: { line, character: lineText.length } }, newText: formatPragma(pragma) };
}

/**
 * The edit that silences `rule` at a finding on `line` (0-based): the rule added to an `ignore[...]` comment right
 * above, or a new comment line above with the line's indentation. `file` names the file in the edit.
 */
export function ignoreOnLineEdit(text: string, line: number, rule: RuleId, file: string): TextEdit {
  const lines = text.split(/\r?\n/);
  const above = line > 0 ? lines[line - 1] : undefined;
  if (above !== undefined && /^\s*#/.test(above)) {
    const added = addToPragma(above, "ignore", rule, line - 1);
    if (added) return { ...added, file };
  }
  const indent = /^\s*/.exec(lines[line] ?? "")?.[0] ?? "";
  return { file, range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# greenlight: ignore[${rule}]${eolOf(text)}` };
}

/**
 * The edit that silences `rule` in the whole file: added to an existing `ignore-file[...]` comment, else a new one
 * at the top, after a shebang and an encoding line.
 */
export function ignoreInFileEdit(text: string, rule: RuleId, file: string): TextEdit {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const added = /^\s*#/.test(lines[i]) ? addToPragma(lines[i], "ignoreFile", rule, i) : undefined;
    if (added) return { ...added, file };
  }
  let at = 0;
  if (lines[0]?.startsWith("#!")) at = 1;
  if (/^#.*coding[:=]/.test(lines[at] ?? "")) at++;
  return { file, range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: `# greenlight: ignore-file[${rule}]${eolOf(text)}` };
}
