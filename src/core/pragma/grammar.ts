// The one grammar of `# greenlight: ...` comments. Every reader (suppression, inputs, configs, generation) and every
// writer (quick fixes, the editor's "Set Input Shape") goes through here, so what one accepts the others accept.
//
//   pragma   := "#" ws "greenlight:" item*
//   item     := "ignore" list? | "ignore-file" list? | "generate" | key ws "=" ws value
//   list     := "[" rule ("," rule)* "]"
//   value    := text up to the next item outside brackets and quotes (a value may hold ", " or "; ", as in
//               input=1x3x32x32, 1x10, and keyword arguments, as in entry=Net(width=64, depth=2))

/** Rules a suppression names: every rule ("all", a bare `ignore`) or the upper-cased ids in its list. */
export type RuleSelection = Set<string> | "all";

/** A parsed `# greenlight:` comment. */
export interface Pragma {
  /** `ignore` / `ignore[GL001, GL002]`: rules silenced on this line or the one below. */
  ignore?: RuleSelection;
  /** `ignore-file[...]`: rules silenced in the whole file. */
  ignoreFile?: RuleSelection;
  /** The `generate` keyword: the line's settings (prompt=, new=, batch=, beams=) describe a generation. */
  generate: boolean;
  /** `key=value` settings in their order (input, config, entry, prompt, ...); keys lower-cased. */
  settings: Map<string, string>;
  /** Words the grammar does not know, kept so callers can say so. */
  unknown: string[];
}

const PREFIX = /#\s*greenlight:/i;
/** A pragma comment, to the end of its line (lowering finds these without walking the tree; copy with "g" to scan). */
export const PRAGMA_COMMENT = /#\s*greenlight:[^\n]*/i;
const KEY = /^([A-Za-z][\w.-]*)\s*=\s*/;
const KEYWORD = /^(ignore-file|ignore)(?:\[([^\]]*)\])?(?=\s|$)|^generate(?=\s|$)/i;
/** Where the next item starts inside a value: whitespace, then a key= or a keyword. */
const NEXT_ITEM = /\s+(?=[A-Za-z][\w.-]*\s*=|(?:ignore-file|ignore|generate)(?:\[|\s|$))/i;

/** Where the next item starts in a value: only outside brackets (and quotes inside them), so `entry=Net(a=1, b=2)`
 *  is one value; a lone apostrophe at the top level (`prompt=it's`) quotes nothing. */
function nextItemAt(value: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if ((c === "'" || c === '"') && depth > 0) quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(c)) {
      const match = NEXT_ITEM.exec(value.slice(i));
      if (match && match.index === 0) return i;
    }
  }
  return undefined;
}

function ruleSelection(list: string | undefined): RuleSelection {
  if (list === undefined) return "all";
  return new Set(list.split(",").map((id) => id.trim().toUpperCase()).filter((id) => id !== ""));
}

/** Parses a comment (or a whole line holding one); undefined when it is not a `# greenlight:` pragma. */
export function parsePragma(comment: string): Pragma | undefined {
  const prefix = PREFIX.exec(comment);
  if (!prefix) return undefined;
  const pragma: Pragma = { generate: false, settings: new Map(), unknown: [] };
  let rest = comment.slice(prefix.index + prefix[0].length).replace(/\r?\n[\s\S]*$/, "").replace(/\s#.*$/, "").trim();
  while (rest !== "") {
    const keyword = KEYWORD.exec(rest);
    const key = keyword ? null : KEY.exec(rest);
    if (keyword) {
      const word = keyword[0].toLowerCase();
      if (word === "generate") pragma.generate = true;
      else if (keyword[1].toLowerCase() === "ignore-file") pragma.ignoreFile = ruleSelection(keyword[2]);
      else pragma.ignore = ruleSelection(keyword[2]);
      rest = rest.slice(keyword[0].length);
    } else if (key) {
      const after = rest.slice(key[0].length);
      const next = nextItemAt(after);
      const value = (next === undefined ? after : after.slice(0, next)).trim();
      pragma.settings.set(key[1].toLowerCase(), value);
      rest = next === undefined ? "" : after.slice(next);
    } else {
      const word = /^\S+/.exec(rest)![0];
      pragma.unknown.push(word);
      rest = rest.slice(word.length);
    }
    rest = rest.trimStart();
  }
  return pragma;
}

/** Writes a pragma back as its canonical comment text (`# greenlight: ignore[GL001] input=1x3x224x224`). */
export function formatPragma(pragma: Pragma): string {
  const items: string[] = [];
  const list = (s: RuleSelection) => (s === "all" ? "" : `[${[...s].join(", ")}]`);
  if (pragma.ignoreFile) items.push(`ignore-file${list(pragma.ignoreFile)}`);
  if (pragma.ignore) items.push(`ignore${list(pragma.ignore)}`);
  if (pragma.generate) items.push("generate");
  for (const [key, value] of pragma.settings) items.push(`${key}=${value}`);
  items.push(...pragma.unknown);
  return `# greenlight: ${items.join(" ")}`;
}

/** An empty pragma, to fill and format. */
export function emptyPragma(): Pragma {
  return { generate: false, settings: new Map(), unknown: [] };
}

/** The value of `key` from a pragma on `line` (1-based) or the comment lines just above it (decorators and one blank
 * line may sit between), or undefined. */
export function pragmaSettingNear(comments: Map<number, string> | undefined, line: number, key: string): string | undefined {
  if (!comments) return undefined;
  for (let l = line; l >= Math.max(1, line - 4); l--) {
    const c = comments.get(l);
    if (!c) {
      // stop at two consecutive lines without a comment above the definition
      if (l < line && !comments.get(l - 1)) break;
      continue;
    }
    const value = parsePragma(c)?.settings.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}
