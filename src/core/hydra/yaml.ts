// The YAML that configuration files of training scripts use (Hydra's and OmegaConf's configs): block mappings and
// lists by indentation, `- key: value` list items, flow lists and maps on one line, comments, and the YAML 1.1
// scalars OmegaConf reads (null/~, true/false, ints with `_` separators, floats such as 2e-2, quoted strings).
// Anchors, tags and multi-document streams are outside it: a file using them reads as far as it can.

/** A parsed YAML value. */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
}

/** Parses YAML text into plain values; text it cannot read becomes strings (never an exception). */
export function parseYaml(text: string): YamlValue {
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const content = stripComment(raw);
    if (content.trim() === "" || /^(---|\.\.\.)\s*$/.test(content.trim())) continue;
    lines.push({ indent: content.length - content.trimStart().length, text: content.trim() });
  }
  const cursor = { i: 0 };
  return lines.length === 0 ? null : block(lines, cursor, lines[0].indent);
}

/** The value of the lines at `indent` from the cursor on: a list when they start with `- `, else a mapping. */
function block(lines: Line[], cursor: { i: number }, indent: number): YamlValue {
  if (isListItem(lines[cursor.i].text)) {
    const items: YamlValue[] = [];
    while (cursor.i < lines.length && lines[cursor.i].indent === indent && isListItem(lines[cursor.i].text)) {
      const line = lines[cursor.i];
      const rest = line.text.slice(1).trim();
      cursor.i++;
      if (rest === "") {
        items.push(cursor.i < lines.length && lines[cursor.i].indent > indent ? block(lines, cursor, lines[cursor.i].indent) : null);
      } else if (keyValue(rest)) {
        // `- key: value` opens a mapping whose further keys sit under the first one's column.
        const column = indent + (line.text.length - rest.length);
        const virtual: Line[] = [{ indent: column, text: rest }];
        while (cursor.i < lines.length && lines[cursor.i].indent > indent) virtual.push(lines[cursor.i++]);
        items.push(block(virtual, { i: 0 }, column));
      } else items.push(scalar(rest));
    }
    return items;
  }
  const map: { [key: string]: YamlValue } = {};
  while (cursor.i < lines.length && lines[cursor.i].indent === indent) {
    const pair = keyValue(lines[cursor.i].text);
    cursor.i++;
    if (!pair) continue;
    const [key, rest] = pair;
    if (rest === "" || rest === "|" || rest === ">" || /^[|>][-+]?$/.test(rest)) {
      const next = lines[cursor.i];
      // A list may sit at the key's own indentation (`defaults:\n- _self_`).
      const nested = next !== undefined && (next.indent > indent || (rest === "" && next.indent === indent && isListItem(next.text)));
      if (!nested) map[key] = rest === "" ? null : "";
      else if (rest !== "") {
        // A block string: its lines, as text.
        const parts: string[] = [];
        while (cursor.i < lines.length && lines[cursor.i].indent > indent) parts.push(lines[cursor.i++].text);
        map[key] = parts.join(rest.startsWith("|") ? "\n" : " ");
      } else map[key] = block(lines, cursor, lines[cursor.i].indent);
      continue;
    }
    map[key] = scalar(rest);
  }
  // Deeper lines no key owns (bad indentation) are skipped rather than read into the wrong place.
  while (cursor.i < lines.length && lines[cursor.i].indent > indent) cursor.i++;
  return map;
}

function isListItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

/** `key: value` (the key may be quoted); undefined for a line that is not one. */
function keyValue(text: string): [string, string] | undefined {
  const m = /^("[^"]*"|'[^']*'|[^\s:"'{[][^:]*?)\s*:(?:\s+(.*)|)$/.exec(text);
  if (!m) return undefined;
  return [unquote(m[1].trim()), (m[2] ?? "").trim()];
}

/** One scalar or flow collection as OmegaConf reads it. */
function scalar(text: string): YamlValue {
  const t = text.trim();
  if (t.startsWith("[") && t.endsWith("]")) return splitFlow(t.slice(1, -1)).map(scalar);
  if (t.startsWith("{") && t.endsWith("}")) {
    const map: { [key: string]: YamlValue } = {};
    for (const part of splitFlow(t.slice(1, -1))) {
      const pair = /^([^:]+):\s*(.*)$/.exec(part);
      if (pair) map[unquote(pair[1].trim())] = scalar(pair[2]);
    }
    return map;
  }
  if (/^["'].*["']$/.test(t)) return unquote(t);
  if (/^(null|Null|NULL|~)$/.test(t)) return null;
  if (/^(true|True|TRUE)$/.test(t)) return true;
  if (/^(false|False|FALSE)$/.test(t)) return false;
  if (/^[-+]?\d[\d_]*$/.test(t)) return Number(t.replace(/_/g, ""));
  if (/^[-+]?(\d[\d_]*)?\.?\d*([eE][-+]?\d+)?$/.test(t) && /\d/.test(t)) return Number(t.replace(/_/g, ""));
  return t;
}

/** Splits a flow collection's inside at top-level commas. */
function splitFlow(inside: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let current = "";
  for (const ch of inside) {
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

function unquote(text: string): string {
  return /^(".*"|'.*')$/.test(text) ? text.slice(1, -1) : text;
}

/** A line without its comment: `#` at the start or after a space, outside quotes. */
function stripComment(line: string): string {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}
