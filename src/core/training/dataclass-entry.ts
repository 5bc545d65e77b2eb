// Entry points that call a function with a config built from its parameter's dataclass: pyrallis' and draccus'
// `@wrap()` on `def main(cfg: TrainConfig)` (github.com/eladrich/pyrallis README; draccus keeps the API) parse the
// command line into `TrainConfig` (its defaults in the plain run, over a `config_path=` YAML file when the decorator
// names one) and pass it as the first argument. The script's `main()` passes nothing, so the parameter's value is the
// parse: the interpreter's stand-in `parse(TrainConfig, config_path)` (interp/dataclass-cli-packages.ts) works it out.
import type { Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { dottedName, keywordArgument } from "../python/syntax-walk";
import type { ParameterBindings } from "./evaluate-site";

/** The packages whose `wrap` decorator parses a dataclass config for the function it wraps. */
const WRAPPING_PACKAGES = ["pyrallis", "draccus"];

/** The `wrap(...)` call decorating a function, named through its package (`pyrallis.wrap()`) or imported alone. */
function wrapDecorator(fn: FunctionDefinition, text: string): Extract<Expression, { type: "call" }> | undefined {
  for (const d of fn.decorators) {
    if (d.type !== "call") continue;
    const name = dottedName(d.func);
    if (!name) continue;
    if (WRAPPING_PACKAGES.some((p) => name === `${p}.wrap`)) return d;
    if (name === "wrap" && WRAPPING_PACKAGES.some((p) => new RegExp(`from\\s+${p}\\s+import[^\\n]*\\bwrap\\b`).test(text))) return d;
  }
  return undefined;
}

/**
 * Bindings for a file's top-level functions wrapped by pyrallis or draccus: the first parameter, annotated with the
 * config class, is that class parsed with its defaults. `evaluate` works out an expression at module level.
 */
export function dataclassEntryBindings(body: Statement[], text: string, evaluate: (e: Expression) => Value | undefined): ParameterBindings {
  if (!WRAPPING_PACKAGES.some((p) => text.includes(p))) return () => undefined;
  const entries = new Map<FunctionDefinition, { parameter: string; parse: Expression }>();
  for (const s of body) {
    if (s.type !== "function") continue;
    const wrap = wrapDecorator(s, text);
    const first = s.params[0];
    if (!wrap || !first || first.kind !== "normal" || !first.annotation) continue;
    const pos = first.annotation.pos;
    const module = dottedName(wrap.func)?.split(".")[0] === "draccus" || /from\s+draccus\s+import/.test(text) ? "draccus" : "pyrallis";
    // `__import__("pyrallis").parse(Cls, config_path=...)`: the same parse the decorator runs, whatever the file
    // imported the package as.
    const parseFunction: Expression = { type: "attribute", object: { type: "call", func: { type: "name", id: "__import__", pos }, args: [{ kind: "positional", value: { type: "str", value: module, pos } }], pos }, name: "parse", pos };
    const path = keywordArgument(wrap, "config_path");
    const args: Extract<Expression, { type: "call" }>["args"] = [{ kind: "positional", value: first.annotation }];
    if (path) args.push({ kind: "keyword", name: "config_path", value: path });
    entries.set(s, { parameter: first.name, parse: { type: "call", func: parseFunction, args, pos } });
  }
  if (entries.size === 0) return () => undefined;
  const memo = new Map<FunctionDefinition, Value | undefined>();
  return (fn, name) => {
    const entry = entries.get(fn);
    if (!entry || entry.parameter !== name) return undefined;
    if (!memo.has(fn)) memo.set(fn, evaluate(entry.parse));
    const value = memo.get(fn);
    return value && value.kind !== "unknown" ? value : undefined;
  };
}
