// gin-config's file syntax (github.com/google/gin-config, docs/index.md "Syntax", gin 0.5 config_parser.py): one
// statement a line, or more while brackets are open; `# comments`; `include 'other.gin'`; `import module`;
// `[scope/]configurable.param = value` binds a parameter, `NAME = value` defines a macro read as `%NAME`. Values are
// Python literals; a `@configurable` reference or an expression with macros inside is unknown. Read here as data
// for the gin stand-in (config-file-packages.ts), which keeps the bindings as gin does.
import { list, str, tuple, unknown } from "../construct";
import type { Value } from "../values";
import { literalValue } from "./ast-literals";
import { fn, namespace, type StandardLibrary } from "./native";

/** The statements of a gin file, comments and line breaks inside brackets removed. */
function ginStatements(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      current += c;
      if (c === "\\") current += text[++i] ?? "";
      else if (c === quote) quote = "";
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "#") {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
      continue;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth = Math.max(0, depth - 1);
    else if (c === "\\" && text[i + 1] === "\n") {
      i++;
      continue;
    } else if (c === "\n" && depth === 0) {
      if (current.trim()) out.push(current.trim());
      current = "";
      continue;
    }
    current += c === "\n" ? " " : c;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** A binding's value: a literal, a macro's name to look up (`%NAME`), or unknown (a reference, an expression). */
function ginValue(text: string): [string, Value] {
  const macro = /^%([\w./]+)$/.exec(text);
  if (macro) return ["macro", str(macro[1])];
  if (text.startsWith("@")) return ["value", unknown(`the gin reference ${text}, which the analyzer does not call`)];
  try {
    return ["value", literalValue(text)];
  } catch {
    return ["value", unknown(`the gin value ${text.slice(0, 60)}`)];
  }
}

/** Installs `_greenlight_gin.statements(text)`: (kind, key, value) for each include, binding and macro of a file. */
export function installGinParse({ modules }: StandardLibrary): void {
  const statements = fn("_greenlight_gin.statements", ({ args }) => {
    const text = args[0]?.kind === "str" ? args[0].value : "";
    const items: Value[] = [];
    for (const statement of ginStatements(text)) {
      const include = /^include\s+(['"])(.*)\1$/.exec(statement);
      if (include) {
        items.push(tuple([str("include"), str(include[2]), str("")]));
        continue;
      }
      const binding = /^([\w./]+)\s*=\s*([\s\S]+)$/.exec(statement);
      if (!binding) continue;
      const [kind, value] = ginValue(binding[2].trim());
      const target = binding[1].includes(".") ? "bind" : "define";
      items.push(tuple([str(kind === "macro" ? `${target}_macro` : target), str(binding[1]), value]));
    }
    return list(items);
  });
  modules.set("_greenlight_gin", namespace("_greenlight_gin", { statements }));
}
