import type { AnalysisResult } from "../analysis-result";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { PlacedCall, PythonFile } from "./python-file";
import { dottedName, forEachExpression, forEachStatement, ownExpressions, type CallExpression } from "../python/syntax-walk";
import { isEvalCall } from "./model-usage";

// A model handed to a function that runs it (`predict(model, x)` where `predict` calls `model(x)`), in the same
// file or imported from another one, or a module-level model that a function of the file reads as a global
// (`def visualize(img): return model(img)`): GL002 and GL005 follow the model there.

/** Methods that run a model (as inferenceCalls counts them). */
const RUN_METHODS = ["forward", "generate", "predict", "predict_on_batch", "sample"];
/** How deep helpers calling helpers are followed. */
const MAX_DEPTH = 3;

/** What a function does with one of its parameters. */
interface ParameterUse {
  /** It runs the model (calls it or its forward-like methods), directly or through another helper. */
  runs: boolean;
  /** Every run is under no_grad()/inference_mode() inside the function. */
  allGuarded: boolean;
  /** It calls `.eval()` on it. */
  evals: boolean;
}

/** A call that hands a model to a function that runs it. */
export interface HelperRun extends PlacedCall {
  helper: string;
  /** The helper runs the model under no_grad()/inference_mode() itself. */
  guardedInside: boolean;
  /** The helper puts the model in eval mode itself. */
  evalsInside: boolean;
}

/** True for `no_grad`/`inference_mode` (called or as a decorator), by name: other files' imports are not read here. */
function isGuardByName(e: Expression): boolean {
  const target = e.type === "call" ? e.func : e;
  return /(^|\.)(no_grad|inference_mode)$/.test(dottedName(target) ?? "");
}

/** The functions a call can reach by name: the file's own and those it imports (`here`); inside a function of another
 *  workspace file, that file's own functions by their names there (`within`), as Python resolves them. */
interface Functions {
  here: Map<string, FunctionDefinition>;
  within: Map<FunctionDefinition, Map<string, FunctionDefinition>>;
  /** Run methods that run without autograd on this model (a transformers model's `generate`). */
  noGrad?: Set<string>;
}

/** Functions a name can call: the file's own definitions (any depth, by name) and the functions it imports. */
function functionsByName(file: PythonFile, analysis: AnalysisResult | undefined): Functions {
  const here = new Map<string, FunctionDefinition>();
  const byFile = new Map<string, Map<string, FunctionDefinition>>();
  for (const f of analysis?.importedFunctions ?? []) {
    if (f.file === file.path) continue;
    if (!f.sibling) here.set(f.name, f.definition);
    const own = byFile.get(f.file) ?? new Map<string, FunctionDefinition>();
    own.set(f.name.slice(f.name.lastIndexOf(".") + 1), f.definition);
    byFile.set(f.file, own);
  }
  for (const { statement: s } of file.places) if (s.type === "function" && !here.has(s.name)) here.set(s.name, s);
  const within = new Map<FunctionDefinition, Map<string, FunctionDefinition>>();
  for (const own of byFile.values()) for (const fn of own.values()) within.set(fn, own);
  return { here, within };
}

function parameterUse(fn: FunctionDefinition, index: number, functions: Functions, depth: number): ParameterUse {
  const param = fn.params[index];
  if (!param || param.kind !== "normal") return { runs: false, allGuarded: true, evals: false };
  return nameUse(fn, param.name, functions, depth);
}

/** True when `fn` reads the module-level `name` as a global: Python's scoping makes a name local to a function
 *  that binds it (parameter, assignment, loop or with target) unless it is declared `global` there. */
function readsGlobal(fn: FunctionDefinition, name: string): boolean {
  if (fn.params.some((p) => p.name === name)) return false;
  let declared = false;
  let bound = false;
  const binds = (t: Expression | undefined): boolean => {
    let found = false;
    if (t) forEachExpression(t, (x) => x.type === "name" && x.id === name && (found = true));
    return found;
  };
  forEachStatement(fn.body, ({ statement: s, ancestors }) => {
    if (ancestors.some((a) => a.type === "function" || a.type === "class")) return;
    if (s.type === "global" && s.names.includes(name)) declared = true;
    if (s.type === "assign" && s.targets.some(binds)) bound = true;
    if ((s.type === "augmented" || s.type === "annotated" || s.type === "for") && binds(s.target)) bound = true;
    if (s.type === "with" && s.items.some((i) => binds(i.target))) bound = true;
    if ((s.type === "function" || s.type === "class") && s.name === name) bound = true;
  });
  return declared || !bound;
}

/** What `fn` does with the model it knows as `name` (a parameter, or a global it reads). */
function nameUse(fn: FunctionDefinition, name: string, functions: Functions, depth: number, globals?: Map<string, FunctionDefinition>): ParameterUse {
  const use: ParameterUse = { runs: false, allGuarded: true, evals: false };
  // A function of another file calls that file's functions; the file's globals are not this file's.
  const own = functions.within.get(fn);
  const reachable = own ?? functions.here;
  if (own) globals = undefined;
  const decorated = fn.decorators.some(isGuardByName);
  forEachStatement(fn.body, (place) => {
    // Nested definitions run elsewhere.
    if (place.ancestors.some((a) => a.type === "function" || a.type === "class")) return;
    const guarded = decorated || place.ancestors.some((a) => a.type === "with" && a.items.some((i) => isGuardByName(i.value)));
    for (const call of callsOf(place.statement)) {
      const f = call.func;
      if (f.type === "attribute" && f.object.type === "name" && f.object.id === name && isEvalCall(call)) use.evals = true;
      let runs = (f.type === "name" && f.id === name) || (f.type === "attribute" && f.object.type === "name" && f.object.id === name && RUN_METHODS.includes(f.name));
      let guardedThere = f.type === "attribute" && functions.noGrad?.has(f.name) === true;
      const callee = f.type === "name" ? f.id : dottedName(f);
      if (!runs && depth < MAX_DEPTH && callee !== undefined) {
        const inner = reachable.get(callee);
        const at = inner && inner !== fn ? argumentIndex(call, inner, name) : undefined;
        // A global model stays global in another function of its file that reads it.
        const global = f.type === "name" ? globals?.get(f.id) : undefined;
        const innerUse = inner && at !== undefined ? parameterUse(inner, at, functions, depth + 1) : global && global !== fn && readsGlobal(global, name) ? nameUse(global, name, functions, depth + 1, globals) : undefined;
        if (innerUse) {
          runs = innerUse.runs;
          guardedThere = innerUse.allGuarded;
          if (innerUse.evals) use.evals = true;
        }
      }
      if (!runs) continue;
      use.runs = true;
      if (!guarded && !guardedThere) use.allGuarded = false;
    }
  });
  return use;
}

function callsOf(s: Statement): CallExpression[] {
  const out: CallExpression[] = [];
  for (const e of ownExpressions(s)) forEachExpression(e, (x) => x.type === "call" && out.push(x));
  return out;
}

/** The index of the parameter a call passes the name `variable` to, by position or keyword. */
function argumentIndex(call: CallExpression, fn: FunctionDefinition, variable: string): number | undefined {
  let position = 0;
  for (const a of call.args) {
    if (a.kind === "star" || a.kind === "doublestar") return undefined;
    const isVariable = a.value.type === "name" && a.value.id === variable;
    if (a.kind === "positional") {
      if (isVariable) return position;
      position++;
    } else if (isVariable) {
      const i = fn.params.findIndex((p) => p.name === a.name);
      return i >= 0 ? i : undefined;
    }
  }
  return undefined;
}

/** Calls in the file that hand the model held by `variable` to a function that runs it; with `global`, when
 *  `variable` is a module-level name, also calls of the file's own module-level functions that run it as a global. */
export function helperRuns(file: PythonFile, variable: string, analysis: AnalysisResult | undefined, options: { global?: boolean; noGradMethods?: string[] } = {}): HelperRun[] {
  const functions = { ...functionsByName(file, analysis), noGrad: new Set(options.noGradMethods ?? []) };
  const globals = options.global ? moduleFunctions(file) : undefined;
  const out: HelperRun[] = [];
  for (const placed of file.calls) {
    const f = placed.call.func;
    // `predict(...)`, or `utils.predict(...)` of an imported workspace module.
    const callee = f.type === "name" ? f.id : dottedName(f);
    if (callee === undefined) continue;
    const fn = functions.here.get(callee);
    const index = fn ? argumentIndex(placed.call, fn, variable) : undefined;
    let use: ParameterUse | undefined;
    if (fn && index !== undefined) use = parameterUse(fn, index, functions, 1);
    else {
      const global = f.type === "name" ? globals?.get(f.id) : undefined;
      // Not a call made inside that very function (recursion) nor one that rebinds the name.
      if (global && readsGlobal(global, variable) && !placed.place.ancestors.includes(global)) use = nameUse(global, variable, functions, 1, globals);
    }
    if (use?.runs) out.push({ ...placed, helper: callee, guardedInside: use.allGuarded, evalsInside: use.evals });
  }
  return out;
}

/** The file's own functions defined at module level (a global name in them is the module's). */
function moduleFunctions(file: PythonFile): Map<string, FunctionDefinition> {
  const out = new Map<string, FunctionDefinition>();
  for (const s of file.syntax.body) if (s.type === "function") out.set(s.name, s);
  return out;
}

/** True when `variable` is bound at module level (outside any function or class): a global its functions can read. */
export function isModuleLevelName(file: PythonFile, variable: string): boolean {
  return file.places.some(({ statement: s, ancestors }) => s.type === "assign" && !ancestors.some((a) => a.type === "function" || a.type === "class") && s.targets.some((t) => t.type === "name" && t.id === variable));
}

/** A call of a function imported from another workspace file whose body trains (calls `.backward()`). */
export interface ImportedTraining extends PlacedCall {
  helper: string;
  /** The file that holds the training loop, and the 1-based line of its backward. */
  file: string;
  backwardLine: number;
  /** That code names autocast or GradScaler (mixed precision set up there). */
  mixedPrecision: boolean;
}

/** Calls of functions imported from other workspace files that run a training step (`engine.train(model, ...)`):
 *  the loop is there, the device and the model are here. Followed through the helpers they call, as deep as runs. */
export function importedTrainingCalls(file: PythonFile, analysis: AnalysisResult | undefined): ImportedTraining[] {
  const others = (analysis?.importedFunctions ?? []).filter((f) => f.file !== file.path);
  const imported = new Map(others.filter((f) => !f.sibling).map((f) => [f.name, f]));
  if (imported.size === 0) return [];
  // Inside the other file, its functions (imported here or not) call each other by their own names.
  const byFile = new Map<string, Map<string, FunctionDefinition>>();
  const definitionsIn = (path: string) => {
    let map = byFile.get(path);
    if (!map) {
      map = new Map();
      for (const f of others) if (f.file === path) map.set(f.name.slice(f.name.lastIndexOf(".") + 1), f.definition);
      byFile.set(path, map);
    }
    return map;
  };
  const out: ImportedTraining[] = [];
  for (const placed of file.calls) {
    const callee = dottedName(placed.call.func);
    const entry = callee === undefined ? undefined : imported.get(callee);
    if (!entry || callee === undefined) continue;
    const found = trainingIn(entry.definition, definitionsIn(entry.file), 1);
    if (found) out.push({ ...placed, helper: callee, file: entry.file, backwardLine: found.backwardLine, mixedPrecision: found.mixedPrecision });
  }
  return out;
}

/** The first `.backward()` a function runs (directly or through its file's functions) and whether mixed precision is named. */
function trainingIn(fn: FunctionDefinition, siblings: Map<string, FunctionDefinition>, depth: number): { backwardLine: number; mixedPrecision: boolean } | undefined {
  let backwardLine: number | undefined;
  let mixedPrecision = false;
  forEachStatement(fn.body, ({ statement }) => {
    // `with ctx:` over a context made elsewhere (nanoGPT's `ctx = torch.amp.autocast(...)` at module level) may be autocast.
    if (statement.type === "with" && statement.items.some((i) => i.value.type === "name" || i.value.type === "attribute")) mixedPrecision = true;
    for (const e of ownExpressions(statement)) {
      forEachExpression(e, (x) => {
        if ((x.type === "name" && /^(autocast|GradScaler)$/.test(x.id)) || (x.type === "attribute" && /^(autocast|GradScaler)$/.test(x.name))) mixedPrecision = true;
        if (x.type !== "call") return;
        if (x.func.type === "attribute" && x.func.name === "backward") backwardLine ??= x.pos.line;
        const inner = x.func.type === "name" ? siblings.get(x.func.id) : undefined;
        if (inner && inner !== fn && depth < MAX_DEPTH) {
          const found = trainingIn(inner, siblings, depth + 1);
          if (found) {
            backwardLine ??= found.backwardLine;
            mixedPrecision ||= found.mixedPrecision;
          }
        }
      });
    }
  });
  return backwardLine === undefined ? undefined : { backwardLine, mixedPrecision };
}
