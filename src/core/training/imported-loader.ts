// A script's training loop often walks a loader that another file of the workspace builds at its top level and the
// script imports (`from data import *`, `from data import train_loader`): Python binds the name to that module's
// object, so the loader's batch and data are that module's statements', read as the plan reads its own.
import type { Interpreter } from "../interp/interpreter";
import type { ModuleFiles } from "../interp/module-resolver";
import type { ModuleNamespaceValue } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { namesPassedFor } from "./walked-parameter";
import { forEachStatement, positionalArgument } from "../python/syntax-walk";
import { loopShape, walkedName } from "./loop-shape";
import { passedArgument } from "./step-loop-batch";

/** The workspace module a walked name comes from, with what the plan needs to read it. */
export interface ImportedLoaderModule {
  /** The name the script walks, as the module binds it. */
  name: string;
  module: ModuleNamespaceValue;
  file: string;
  text: string;
  body: Statement[];
  /** The line of the script's import. */
  line: number;
}

/** A step loop's walked name, and the function holding the loop (for a parameter, whose argument the calls pass). */
export interface WalkedName {
  name: string;
  fn?: FunctionDefinition;
}

/**
 * The name a step loop walks, seen through keys of a mapping of loaders (`dataloaders['train']`,
 * `loaders['train']['loader']`, `dataloaders[phase]`): an imported dict of loaders binds its loaders under the name.
 */
export function walkedLoaderName(e: Expression): string | undefined {
  if (e.type === "subscript" && (e.index.type === "str" || e.index.type === "name")) return walkedLoaderName(e.object);
  return walkedName(e) ?? attributeOfName(e);
}

/** `m.loader` as "m.loader", also walked through `enumerate(...)`, `iter(...)` or `tqdm(...)`: a loader an imported
 *  module binds, read through that module (`from data import loaders as dl` ... `for x, y in dl.train_loader:`). */
function attributeOfName(e: Expression): string | undefined {
  if (e.type === "attribute" && e.object.type === "name") return `${e.object.id}.${e.name}`;
  const inner = e.type === "call" && e.func.type === "name" && WALKER_CALLS.has(e.func.id) ? positionalArgument(e, 0) : undefined;
  return inner ? attributeOfName(inner) : undefined;
}

const WALKER_CALLS = new Set(["enumerate", "iter", "tqdm"]);

/** Names a top-level statement of the script binds other than by import (`train_loader = ...`, `def`, `for`). */
function boundAtTopLevel(body: Statement[], name: string): boolean {
  const binds = (t: Expression): boolean => (t.type === "name" ? t.id === name : t.type === "tuple" || t.type === "list" ? t.items.some(binds) : false);
  return body.some((s) => (s.type === "assign" && s.targets.some(binds)) || ((s.type === "function" || s.type === "class") && s.name === name) || (s.type === "for" && binds(s.target)));
}

/**
 * The names the step loops walk as the script binds them: a loop's own name, or, for a parameter of the function that
 * holds the loop (`def train(model, iterator): for batch in iterator:`), the names the script's calls pass for it
 * (walked-parameter.ts).
 */
export function walkedScriptNames(walked: WalkedName[], body: readonly Statement[]): string[] {
  const out = new Set<string>();
  for (const { name, fn } of walked) {
    const passed = fn ? namesPassedFor(fn, name, body) : undefined;
    if (passed) for (const p of passed) out.add(p.name);
    else if (!fn?.params.some((p) => p.name === name)) out.add(aliasedAttribute(fn?.body ?? body, name) ?? name);
  }
  return [...out];
}

/** "m.loader" where the function (or the script's top level) binds `name` once, to a module's attribute
 *  (`train_loader = dl.train_loader`): the loop walks that module's loader. */
function aliasedAttribute(statements: readonly Statement[], name: string): string | undefined {
  let value: Expression | undefined;
  let bindings = 0;
  forEachStatement([...statements], ({ statement: s }) => {
    if (s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name)) {
      bindings += 1;
      value = s.value;
    } else if ((s.type === "augmented" || s.type === "annotated" || s.type === "for") && s.target.type === "name" && s.target.id === name) bindings += 1;
  });
  return bindings === 1 && value?.type === "attribute" && value.object.type === "name" ? `${value.object.id}.${value.name}` : undefined;
}

/**
 * The script's names a call of another file's training function passes for the parameters that function's step loops
 * walk (`train(train_dataloader, model, loss_fn)` with `def train(dataloader, ...): for X, y in dataloader:`): Python
 * binds the parameter to the script's object, so an imported loader passed there is the loader the run walks.
 */
export function namesPassedToWalk(call: Extract<Expression, { type: "call" }>, definition: FunctionDefinition): string[] {
  const out = new Set<string>();
  forEachStatement(definition.body, ({ statement: s }) => {
    if (s.type !== "for" || !loopShape(s).stepLoop) return;
    const walked = walkedLoaderName(s.iter);
    if (!walked || !definition.params.some((p) => p.name === walked)) return;
    const passed = passedArgument(call, definition, walked);
    if (passed?.type === "name") out.add(passed.id);
  });
  return [...out];
}

/** The statements run in the module's own scope: its top level and the bodies of its top-level `if`s (the
 *  `if __name__ == "__main__":` guard), where an import binds a module-level name as one at the top does. */
function moduleLevelStatements(body: readonly Statement[]): Statement[] {
  return body.flatMap((s) => (s.type === "if" ? [s, ...moduleLevelStatements(s.body)] : [s]));
}

/** How many modules a loader's re-exports are followed through (`loaders.py`'s `train_loader = kidney.train_loader`). */
const MAX_REEXPORTS = 3;

/**
 * The workspace module that binds one of `names` at its top level, where the script gets that name only from a
 * top-level `from M import *` or `from M import name`, also under a top-level `if` (the last such import wins, as
 * Python rebinds in order); or, for "m.name", the module a top-level `import pkg.m as m`, `import m` or
 * `from pkg import m` binds to `m`. A module that only passes the loader on (`from feed import train_loader`,
 * `train_loader = feed.train_loader`) is followed to the one that builds it.
 */
export function importedLoaderModule(body: Statement[], names: string[], interpreter: Interpreter, file: string, files: ModuleFiles, depth = 0): ImportedLoaderModule | undefined {
  for (const name of names) {
    const dot = name.indexOf(".");
    const found = dot < 0 ? fromImported(body, name, interpreter, file) : moduleImported(body, name.slice(0, dot), interpreter, file);
    if (!found) continue;
    const original = dot < 0 ? found.original ?? name : name.slice(dot + 1);
    const { module, line } = found;
    // A module the analyzer models (a library) has no statements to read; a star import binds only what it defines.
    if (!module?.file || module.file === file || !module.scope.names.has(original)) continue;
    const text = files.read(module.file);
    const moduleBody = text === undefined ? undefined : interpreter.loader.moduleBody?.(module.file);
    if (text === undefined || !moduleBody) continue;
    const own = boundAtTopLevel(moduleBody, original);
    // Passed on from another module: the one that builds it, as the script's import line shows it.
    const passedOn = depth < MAX_REEXPORTS ? importedLoaderModule(moduleBody, [own ? aliasedAttribute(moduleBody, original) ?? "" : original].filter((n) => n !== ""), interpreter, module.file, files, depth + 1) : undefined;
    if (passedOn) return { ...passedOn, line };
    if (!own) continue;
    return { name: original, module, file: module.file, text, body: moduleBody, line };
  }
  return undefined;
}

/** The module a top-level `from M import name` (or `*`) binds `name` from, and the name M gives it. */
function fromImported(body: Statement[], name: string, interpreter: Interpreter, file: string): { module: ModuleNamespaceValue | undefined; original: string; line: number } | undefined {
  if (boundAtTopLevel(body, name)) return undefined;
  let found: { s: Extract<Statement, { type: "importFrom" }>; original: string } | undefined;
  for (const s of moduleLevelStatements(body)) {
    if (s.type !== "importFrom") continue;
    // `from M import *` rebinds the name only where M has it: a later star import of a module without it (a loss
    // module after the data module) leaves the earlier binding.
    if (s.names === "*") {
      if (interpreter.loader.importModule(s.module, s.level, file)?.scope.names.has(name)) found = { s, original: name };
    } else {
      const n = s.names.find((x) => (x.alias ?? x.name) === name);
      if (n) found = { s, original: n.name };
    }
  }
  return found ? { module: interpreter.loader.importModule(found.s.module, found.s.level, file), original: found.original, line: found.s.pos.line } : undefined;
}

/** The workspace module a top-level import binds to `alias`: `import pkg.m as alias`, `import alias`, or
 *  `from pkg import m as alias` where m is a module of pkg (the last such import wins). */
function moduleImported(body: Statement[], alias: string, interpreter: Interpreter, file: string): { module: ModuleNamespaceValue | undefined; original?: string; line: number } | undefined {
  if (boundAtTopLevel(body, alias)) return undefined;
  let found: { module: string; level: number; line: number } | undefined;
  for (const s of moduleLevelStatements(body)) {
    if (s.type === "import") {
      for (const n of s.names) if (n.alias === alias || (n.alias === undefined && n.module === alias)) found = { module: n.module, level: 0, line: s.pos.line };
    } else if (s.type === "importFrom" && s.names !== "*") {
      const n = s.names.find((x) => (x.alias ?? x.name) === alias);
      if (n) found = { module: s.module ? `${s.module}.${n.name}` : n.name, level: s.level, line: s.pos.line };
    }
  }
  return found ? { module: interpreter.loader.importModule(found.module, found.level, file), line: found.line } : undefined;
}
