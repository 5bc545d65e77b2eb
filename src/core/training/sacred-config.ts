// sacred (sacred.readthedocs.io, "Configuration" and "Captured Functions"): a function decorated with
// `@ex.config` is a config scope, whose local variables are the experiment's configuration (`epochs = 10`); a
// function decorated with `@ex.capture`, `@ex.main`, `@ex.automain` or `@ex.command` of the same experiment (or
// ingredient) gets each parameter the call leaves out from the configuration entry of that name, `_config` the
// whole configuration as a dict. The plain run changes none of it (`with epochs=5` on the command line would).
// An Experiment's `ingredients=[module.ingredient, ...]` of other files add each ingredient's configuration under its
// path (`Ingredient("experiment")`: `_config["experiment"]`), from its `@ingredient.config` scopes in that file.
import { dict, str } from "../interp/construct";
import type { Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { boundNames, dottedName, keywordArgument } from "../python/syntax-walk";
import type { ParameterBindings } from "./evaluate-site";

/** The classes whose objects own config scopes and captured functions. */
const OWNERS = /^(sacred\.)?(Experiment|Ingredient)$/;
const CAPTURING = new Set(["capture", "main", "automain", "command"]);

/** The experiment or ingredient a decorator `@owner.method` (or `@owner.method(...)`) belongs to, and the method. */
function decoratorOf(d: Expression): { owner: string; method: string } | undefined {
  const target = d.type === "call" ? d.func : d;
  if (target.type !== "attribute" || target.object.type !== "name") return undefined;
  return { owner: target.object.id, method: target.name };
}

/**
 * Bindings for a file's sacred captured functions: each parameter named in the experiment's config scopes takes its
 * value there. `evaluate` works out names at the end of a config scope's body.
 */
export function sacredBindings(body: Statement[], text: string, evaluate: (scope: FunctionDefinition, names: Expression[]) => Value[], other?: OtherFiles): ParameterBindings {
  if (!text.includes("sacred")) return () => undefined;
  const owners = new Set<string>();
  const ingredientsOf = new Map<string, Expression[]>();
  for (const s of body) {
    if (s.type !== "assign" || s.value.type !== "call") continue;
    const callee = dottedName(s.value.func);
    if (!callee || !OWNERS.test(callee)) continue;
    const listed = keywordArgument(s.value, "ingredients");
    for (const t of s.targets) {
      if (t.type !== "name") continue;
      owners.add(t.id);
      if (listed?.type === "list" || listed?.type === "tuple") ingredientsOf.set(t.id, listed.items);
    }
  }
  if (owners.size === 0) return () => undefined;
  const scopes = new Map<string, FunctionDefinition[]>();
  const captured = new Map<FunctionDefinition, string>();
  for (const s of body) {
    if (s.type !== "function") continue;
    for (const d of s.decorators) {
      const of = decoratorOf(d);
      if (!of || !owners.has(of.owner)) continue;
      if (of.method === "config") scopes.set(of.owner, [...(scopes.get(of.owner) ?? []), s]);
      else if (CAPTURING.has(of.method)) captured.set(s, of.owner);
    }
  }
  if (captured.size === 0) return () => undefined;
  const configs = new Map<string, Map<string, Value>>();
  /** The owner's configuration: each scope's top-level locals at its end, later scopes over earlier ones. */
  const configOf = (owner: string): Map<string, Value> => {
    const known = configs.get(owner);
    if (known) return known;
    const out = new Map<string, Value>();
    for (const scope of scopes.get(owner) ?? []) {
      const names = [...new Set(scope.body.flatMap(boundNames))];
      const values = evaluate(scope, names.map((id) => ({ type: "name", id, pos: scope.pos })));
      names.forEach((n, i) => { if (values[i].kind !== "unknown") out.set(n, values[i]); });
    }
    // Each ingredient of another file (`module.ingredient`): its config scopes' dicts, under its path.
    for (const item of other ? ingredientsOf.get(owner) ?? [] : []) {
      const found = ingredientConfig(item, other!);
      if (found && !out.has(found.path)) out.set(found.path, found.config);
    }
    configs.set(owner, out);
    return out;
  };
  return (fn, name) => {
    const owner = captured.get(fn);
    if (owner === undefined) return undefined;
    const config = configOf(owner);
    if (name === "_config") return config.size > 0 ? dict([...config].map(([k, v]) => [str(k), v] as [Value, Value])) : undefined;
    return config.get(name);
  };
}

/** How the file's ingredients of other files are read: module-level values and other files' source text. */
export interface OtherFiles {
  evaluate(e: Expression): Value | undefined;
  sourceText(file: string): string | undefined;
}

/** The path and configuration of an ingredient named as `module.ingredient`: its `@ingredient.config` scopes in the
 *  module's file, each called as sacred calls a ConfigScope (the interpreter returns its locals), merged in order. */
function ingredientConfig(item: Expression, other: OtherFiles): { path: string; config: Value } | undefined {
  if (item.type !== "attribute") return undefined;
  const module = other.evaluate(item.object);
  const source = module?.kind === "namespace" && module.file ? other.sourceText(module.file) : undefined;
  if (!source) return undefined;
  const name = item.name.replace(/[^\w]/g, "");
  const path = new RegExp(`^${name}\\s*=\\s*(?:\\w+\\.)?Ingredient\\(\\s*["']([^"']+)["']`, "m").exec(source)?.[1];
  if (!path) return undefined;
  const entries: [Value, Value][] = [];
  for (const m of source.matchAll(new RegExp(`^@${name}\\.config\\s*\\n(?:\\s*@[^\\n]*\\n)*\\s*def\\s+(\\w+)`, "gm"))) {
    const scope = other.evaluate({ type: "call", func: { type: "attribute", object: item.object, name: m[1]!, pos: item.pos }, args: [], pos: item.pos });
    if (scope?.kind === "dict") for (const e of scope.entries.values()) entries.push([e.key, e.value]);
  }
  return entries.length > 0 ? { path, config: dict(entries) } : undefined;
}
