// `ast.literal_eval` (docs.python.org/3/library/ast.html#ast.literal_eval): the values of an INI file or a command-line
// string that scripts turn into numbers, strings, lists, tuples, dicts and sets (`{k: ast.literal_eval(v) for k, v in
// section.items()}`). Only Python literals are read, as Python reads them; anything else raises ValueError, so code
// is never evaluated.
import { unescapeAll } from "../../python/lower";
import { FALSE, NONE, TRUE, dict, float, freshId, int, keyOf, list, str, tuple } from "../construct";
import { PythonError, type Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** Installs the `ast` module's `literal_eval`. */
export function installAst({ modules }: StandardLibrary): void {
  modules.set("ast", namespace("ast", {
    literal_eval: fn("ast.literal_eval", ({ args }) => {
      const [source] = args;
      if (source?.kind !== "str") throw new PythonError("ValueError: malformed node or string");
      return literalValue(source.value);
    }),
  }));
}

/** The value of a Python literal's text; a PythonError (ValueError) for anything that is not one. */
export function literalValue(text: string): Value {
  const reader = new LiteralReader(text);
  const value = reader.value();
  reader.skipSpace();
  if (!reader.done()) reader.fail();
  return value;
}

class LiteralReader {
  private at = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  fail(): never {
    throw new PythonError(`ValueError: malformed node or string: ${JSON.stringify(this.text.slice(0, 60))}`);
  }

  skipSpace(): void {
    while (!this.done() && /\s/.test(this.text[this.at])) this.at++;
  }

  private peek(): string {
    this.skipSpace();
    return this.text[this.at] ?? "";
  }

  private expect(c: string): void {
    if (this.peek() !== c) this.fail();
    this.at++;
  }

  value(): Value {
    const c = this.peek();
    if (c === "(") return this.sequence("(", ")");
    if (c === "[") return this.sequence("[", "]");
    if (c === "{") return this.braces();
    if (c === "+" || c === "-") {
      this.at++;
      const v = this.value();
      if (v.kind === "int") return int(c === "-" ? -v.value : v.value);
      if (v.kind === "float") return float(c === "-" ? -v.value : v.value);
      return this.fail();
    }
    const word = /^[A-Za-z_]\w*/.exec(this.text.slice(this.at))?.[0];
    if (word !== undefined) {
      const stringPrefix = /^[rRuUbB]{1,2}$/.test(word) && /['"]/.test(this.text[this.at + word.length] ?? "");
      if (stringPrefix) return this.strings();
      this.at += word.length;
      if (word === "True") return TRUE;
      if (word === "False") return FALSE;
      if (word === "None") return NONE;
      // set() is the one call literal_eval accepts (Python 3.9+): the empty set.
      if (word === "set" && this.peek() === "(") {
        this.at++;
        this.expect(")");
        return { kind: "set", entries: new Map(), id: freshId() };
      }
      return this.fail();
    }
    if (c === "'" || c === '"') return this.strings();
    return this.number();
  }

  private number(): Value {
    const rest = this.text.slice(this.at);
    const radix = /^0([xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)/.exec(rest);
    if (radix) {
      this.at += radix[0].length;
      const digits = radix[1].slice(1).replace(/_/g, "");
      const base = { x: 16, o: 8, b: 2 }[radix[1][0].toLowerCase() as "x" | "o" | "b"];
      return int(parseInt(digits, base));
    }
    const m = /^(\d[\d_]*)?(\.\d[\d_]*|\.)?([eE][+-]?\d[\d_]*)?/.exec(rest);
    const written = m?.[0] ?? "";
    if (written === "" || written === "." || !/\d/.test(written)) return this.fail();
    this.at += written.length;
    if (/^[jJ]/.test(this.text.slice(this.at))) return this.fail();
    const clean = written.replace(/_/g, "");
    return m![2] !== undefined || m![3] !== undefined ? float(Number(clean)) : int(Number(clean));
  }

  /** One string literal or several side by side (`'a' 'b'` is `'ab'`). */
  private strings(): Value {
    let out = "";
    let bytes: boolean | undefined;
    for (;;) {
      this.skipSpace();
      const prefix = /^[rRuUbB]{0,2}(?=['"])/.exec(this.text.slice(this.at))?.[0];
      if (prefix === undefined) break;
      const isBytes = /b/i.test(prefix);
      if (bytes !== undefined && bytes !== isBytes) this.fail();
      bytes = isBytes;
      this.at += prefix.length;
      const quote = this.text.startsWith(this.text[this.at].repeat(3), this.at) ? this.text[this.at].repeat(3) : this.text[this.at];
      this.at += quote.length;
      let body = "";
      for (;;) {
        if (this.done()) this.fail();
        if (this.text.startsWith(quote, this.at)) break;
        const ch = this.text[this.at];
        if (ch === "\n" && quote.length === 1) this.fail();
        if (ch === "\\" && this.at + 1 < this.text.length) {
          body += this.text.slice(this.at, this.at + 2);
          this.at += 2;
          continue;
        }
        body += ch;
        this.at++;
      }
      this.at += quote.length;
      out += /r/i.test(prefix) ? body : unescapeAll(body, isBytes);
    }
    // The analyzer keeps no bytes values: a bytes literal is not read.
    if (bytes) this.fail();
    return str(out);
  }

  private items(close: string): Value[] {
    const items: Value[] = [];
    while (this.peek() !== close) {
      items.push(this.value());
      if (this.peek() === ",") this.at++;
      else if (this.peek() !== close) this.fail();
    }
    this.at++;
    return items;
  }

  private sequence(open: string, close: string): Value {
    this.expect(open);
    if (open === "(") {
      // `(1)` is 1; `(1,)` and `(1, 2)` are tuples.
      if (this.peek() === ")") {
        this.at++;
        return tuple([]);
      }
      const first = this.value();
      if (this.peek() === ")") {
        this.at++;
        return first;
      }
      this.expect(",");
      return tuple([first, ...this.items(")")]);
    }
    return list(this.items(close));
  }

  private braces(): Value {
    this.expect("{");
    if (this.peek() === "}") {
      this.at++;
      return dict();
    }
    const first = this.value();
    if (this.peek() === ":") {
      this.at++;
      const pairs: [Value, Value][] = [[first, this.value()]];
      while (this.peek() === ",") {
        this.at++;
        if (this.peek() === "}") break;
        const key = this.value();
        this.expect(":");
        pairs.push([key, this.value()]);
      }
      this.expect("}");
      return dict(pairs);
    }
    const members = [first];
    if (this.peek() === ",") {
      this.at++;
      members.push(...this.items("}"));
    } else this.expect("}");
    return { kind: "set", entries: new Map(members.map((m) => [keyOf(m), m])), id: freshId() };
  }
}
