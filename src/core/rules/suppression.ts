import type { RuleId, TextEdit } from "./types";

const IGNORE = /#\s*greenlight:\s*ignore(?:\[([^\]]*)\])?(?![\w[-])/i;
/** `# greenlight: ignore-file[GL001]` anywhere in a file silences those rules in all of it (as ruff's file noqa). */
const IGNORE_FILE = /#\s*greenlight:\s*ignore-file(?:\[([^\]]*)\])?(?![\w[])/i;

function ruleList(list: string | undefined): Set<string> | "all" {
  if (list === undefined) return "all";
  return new Set(list.split(",").map((id) => id.trim().toUpperCase()).filter((id) => id !== ""));
}

/** The rules a `# greenlight: ignore[GL001, GL002]` comment silences ("all" for a bare `ignore`), or undefined. */
export function ignoredRules(comment: string): Set<string> | "all" | undefined {
  const match = IGNORE.exec(comment);
  return match ? ruleList(match[1]) : undefined;
}

/** The rules a `# greenlight: ignore-file[...]` comment silences in its whole file, or undefined. */
export function fileIgnoredRules(comment: string): Set<string> | "all" | undefined {
  const match = IGNORE_FILE.exec(comment);
  return match ? ruleList(match[1]) : undefined;
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

/** Adds `rule` to the list of a pragma comment on `lineText` (matched by `pattern`), or undefined if none is there. */
function addToPragma(lineText: string, pattern: RegExp, rule: RuleId, line: number): TextEdit | undefined {
  const match = pattern.exec(lineText);
  if (!match) return undefined;
  const rules = ruleList(match[1]);
  if (rules === "all" || rules.has(rule)) return { file: "", range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: "" };
  const keyword = pattern === IGNORE_FILE ? "ignore-file" : "ignore";
  const start = match.index;
  const replaced = `# greenlight: ${keyword}[${[...rules, rule].join(", ")}]`;
  return { file: "", range: { start: { line, character: start }, end: { line, character: start + match[0].length } }, newText: replaced };
}

/**
 * The edit that silences `rule` at a finding on `line` (0-based): the rule added to an `ignore[...]` comment right
 * above, or a new comment line above with the line's indentation. `file` names the file in the edit.
 */
export function ignoreOnLineEdit(text: string, line: number, rule: RuleId, file: string): TextEdit {
  const lines = text.split(/\r?\n/);
  const above = line > 0 ? lines[line - 1] : undefined;
  if (above !== undefined && /^\s*#/.test(above)) {
    const added = addToPragma(above, IGNORE, rule, line - 1);
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
    const added = /^\s*#/.test(lines[i]) ? addToPragma(lines[i], IGNORE_FILE, rule, i) : undefined;
    if (added) return { ...added, file };
  }
  let at = 0;
  if (lines[0]?.startsWith("#!")) at = 1;
  if (/^#.*coding[:=]/.test(lines[at] ?? "")) at++;
  return { file, range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: `# greenlight: ignore-file[${rule}]${eolOf(text)}` };
}
