/**
 * A strict JSON (RFC 8259) reader that keeps where each value sits in the text, so one value can be replaced while
 * every other byte of the file stays as it was (a notebook fix rewrites one cell's `source`, nothing else).
 */

/** A JSON value with its [start, end) offsets in the text (UTF-16 code units). */
export type JsonNode =
  | { kind: "object"; start: number; end: number; entries: { key: string; value: JsonNode }[] }
  | { kind: "array"; start: number; end: number; items: JsonNode[] }
  | { kind: "string"; start: number; end: number; value: string }
  | { kind: "number"; start: number; end: number; value: number }
  | { kind: "boolean"; start: number; end: number; value: boolean }
  | { kind: "null"; start: number; end: number };

/** The text is not JSON; `line` and `column` (1-based) say where it stops being so. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
    this.name = "JsonSyntaxError";
  }
}

/** Parses JSON text into positioned nodes; throws JsonSyntaxError on anything that is not JSON. */
export function parseJsonWithPositions(text: string): JsonNode {
  let i = 0;
  // Deep nesting is a malformed (or hostile) notebook, not a reason to overflow the stack.
  const MAX_DEPTH = 512;
  const fail = (reason: string, at = i): never => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    throw new JsonSyntaxError(reason, line, at - lineStart + 1);
  };
  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail(i >= text.length ? `unexpected end of file (expected '${ch}')` : `expected '${ch}'`);
    i++;
  };
  const readString = (): string => {
    const start = i;
    expect('"');
    let out = "";
    let run = i;
    for (;;) {
      if (i >= text.length) fail("unterminated string", start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("control character in a string");
      if (c === 92) {
        out += text.slice(run, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail("bad escape in a string");
        run = i;
      } else i++;
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail("nested too deeply");
    skipSpace();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: { key: string; value: JsonNode }[] = [];
      skipSpace();
      if (text[i] === "}") {
        i++;
        return { kind: "object", start, end: i, entries };
      }
      for (;;) {
        skipSpace();
        const key = readString();
        skipSpace();
        expect(":");
        entries.push({ key, value: value(depth + 1) });
        skipSpace();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("}");
        return { kind: "object", start, end: i, entries };
      }
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[i] === "]") {
        i++;
        return { kind: "array", start, end: i, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        skipSpace();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("]");
        return { kind: "array", start, end: i, items };
      }
    }
    if (c === '"') return { kind: "string", start, value: readString(), end: i };
    const literal = /^(?:true|false|null)/.exec(text.slice(i, i + 5));
    if (literal) {
      i += literal[0].length;
      const word = literal[0];
      return word === "null" ? { kind: "null", start, end: i } : { kind: "boolean", start, end: i, value: word === "true" };
    }
    const number = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 64));
    if (number) {
      i += number[0].length;
      return { kind: "number", start, end: i, value: Number(number[0]) };
    }
    return fail(i >= text.length ? "unexpected end of file" : `unexpected character '${text[i]}'`);
  };
  // A UTF-8 byte order mark is not JSON, but editors write it; nbformat's reader accepts it.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const root = value(0);
  skipSpace();
  if (i < text.length) fail("unexpected text after the end of the JSON value");
  return root;
}

/** The value of `key` in an object node (undefined when absent or not an object). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.kind === "object" ? node.entries.find((e) => e.key === key)?.value : undefined;
}
