// gin-config's bindings as the plain run has them: the file's `gin.parse_config_file(...)` calls (and
// `parse_config_files_and_bindings`, `parse_config`) run where they stand, and a function or class the file marks
// `@gin.configurable` takes each bound parameter its call does not pass (`train.num_epochs = 10` in the .gin file
// over `def train(num_epochs=1)`). The gin stand-in (interp/config-file-packages.ts) keeps the bindings.
import type { Interpreter } from "../interp/interpreter";
import type { DictValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import { findCodeSites, type CodeSite } from "./code-sites";
import type { ParameterBindings } from "./evaluate-site";

const PARSE = /\bparse_config(_file|_files_and_bindings)?\s*\(/;

/** The gin name a decorator gives (`@gin.configurable`, `@gin.configurable("name", module="m")`), if it is gin's. */
function ginName(decorator: Expression, own: string): string | undefined {
  const callee = decorator.type === "call" ? decorator.func : decorator;
  const named = callee.type === "attribute" ? callee.name : callee.type === "name" ? callee.id : "";
  if (named !== "configurable" && named !== "register") return undefined;
  if (callee.type === "attribute" && !(callee.object.type === "name" && callee.object.id === "gin")) return undefined;
  if (decorator.type !== "call") return own;
  const given = positionalArgument(decorator, 0) ?? keywordArgument(decorator, "name_or_fn");
  const name = given?.type === "str" && given.value !== null ? given.value : own;
  const module = keywordArgument(decorator, "module");
  return module?.type === "str" ? `${module.value}.${name}` : name;
}

/** Bindings for the parameters of the file's gin configurables, from the gin files the plain run parses. */
export function ginBindings(input: { interpreter: Interpreter; body: Statement[]; text: string; file: string }, evaluate: (site: CodeSite, expressions: Expression[]) => Value[]): ParameterBindings {
  const { interpreter, body, text, file } = input;
  // A configurable's file need not parse anything itself: the script that imports it parses the files first.
  if (!/\bgin\b/.test(text)) return () => undefined;
  const names = new Map<FunctionDefinition, string>();
  for (const s of body) {
    const fn = s.type === "function" ? s : s.type === "class" ? s.body.find((m): m is FunctionDefinition => m.type === "function" && m.name === "__init__") : undefined;
    const decorators = s.type === "function" || s.type === "class" ? s.decorators ?? [] : [];
    for (const d of decorators) {
      const name = ginName(d, s.type === "function" || s.type === "class" ? s.name : "");
      if (name !== undefined && fn) names.set(fn, name);
    }
  }
  if (names.size === 0) return () => undefined;
  let state: { bindings: DictValue; undecided: Value | undefined } | undefined | null = null;
  const read = () => {
    if (state !== null) return state;
    state = undefined;
    for (const site of PARSE.test(text) ? findCodeSites(body, text, PARSE) : []) {
      if (site.kind === "call" && /(^|\.)parse_config(_file|_files_and_bindings)?$/.test(site.callee)) evaluate(site, [site.call]);
    }
    const gin = interpreter.loader.importModule("gin", 0, file);
    const bindings = gin?.scope.names.get("_bindings");
    const undecided = gin?.scope.names.get("_undecided");
    if (bindings?.kind !== "dict") return state;
    state = { bindings, undecided: undecided?.kind === "list" ? undecided.items[0] : undefined };
    return state;
  };
  return (fn, parameter) => {
    const name = names.get(fn);
    if (name === undefined) return undefined;
    const found = read();
    if (!found) return undefined;
    if (found.undecided) return found.undecided;
    // An unscoped binding of this configurable, by its name or a module path ending in it (gin matches both).
    for (const { key, value } of found.bindings.entries.values()) {
      if (key.kind !== "str" || key.value.includes("/")) continue;
      if (key.value === `${name}.${parameter}` || key.value.endsWith(`.${name}.${parameter}`)) return value;
    }
    return undefined;
  };
}
