// Works out a site's values with the abstract interpreter: in the module's namespace, after the few straight-line
// statements of the enclosing function that its names depend on (a backward slice: `args = parser.parse_args()`,
// `parser.add_argument(...)`, `parser = argparse.ArgumentParser()`). Loops, and calls that train, never run.
import { Budget, BudgetExceeded } from "../interp/budget";
import { dict, tuple, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import { Recorder } from "../interp/recorder";
import { PythonError, UnknownInput, Unresolved, scopeValue, type Scope, type UnknownValue, type Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { boundNames, callsIn, forEachExpression, forEachStatement, isMainGuard, namesIn, ownExpressions, rootName, targetNames } from "../python/syntax-walk";
import type { SiteContext } from "./code-sites";
import { bindsLoopTemporary } from "./loop-temporaries";
import { deepCopy } from "../torch/module-tree";
import { valuesBoundBefore } from "./bound-where-run";

/** Methods whose call statements are training or evaluation work, never configuration. */
const WORK_METHODS = new Set(["fit", "fit_generator", "train", "train_on_batch", "backward", "step", "evaluate", "predict", "test", "save", "run", "zero_grad"]);

/** Whether a function of the code, called by this name, only configures what it is given (`update_config(cfg, args)`). */
export type ConfiguringFunction = (name: string) => boolean;

/** The statements of `before` that the expressions' names depend on, in order. `configuring` says which called
 *  functions change a needed object they are passed and do nothing else (no training, no loop). */
export function dependencySlice(expressions: Expression[], before: Statement[], configuring?: ConfiguringFunction): Statement[] {
  const needed = namesIn(expressions, new Set());
  const chosen: Statement[] = [];
  const binds = (target: Expression): boolean => {
    if (target.type === "tuple" || target.type === "list") return target.items.some(binds);
    if (target.type === "starred") return binds(target.value);
    const root = rootName(target);
    return root !== undefined && needed.has(root);
  };
  // `arg = parser.add_argument`: a name bound to a method of an object, whose calls configure that object.
  const methods = new Map<string, Extract<Expression, { type: "attribute" }>>();
  for (const s of before) {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.value.type === "attribute") methods.set(s.targets[0].id, s.value);
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const s = before[i];
    let take = false;
    if (s.type === "assign") take = s.targets.some(binds);
    else if (s.type === "annotated") take = s.value !== undefined && binds(s.target);
    else if (s.type === "augmented") take = binds(s.target);
    else if (s.type === "if") take = ifBinds(s, binds);
    // `with open(path) as f: config = yaml.safe_load(f)`: a block that only configures runs whole, as an `if` does.
    else if (s.type === "with") take = assignsOnly([s.body], binds);
    // A `try` that resumes from a checkpoint is left out: a fresh run has none, so Python takes its except branch and the
    // values set before it stand (`epoch_str = 1; try: ..., epoch_str = load_checkpoint(latest_checkpoint_path(...))`).
    else if (s.type === "try") {
      take = !resumes(s.body) && assignsOnly([s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody], binds);
      // Its except branch, which a fresh run takes, runs when it only configures (`except: self.first_stage_epochs = 0`).
      const handler = s.handlers[0]?.body;
      if (!take && resumes(s.body) && !readsFile(s.body) && handler && assignsOnly([handler], binds)) {
        chosen.unshift(...handler);
        namesIn(allExpressions(handler), needed);
        continue;
      }
    }
    // `for k, v in config.items(): parser.add_argument(f"--{k}", default=v)`: a loop that only configures a needed
    // object runs whole, so options added from a config file's keys are the parser's.
    else if (s.type === "for") take = s.orelse.length === 0 && configuresOnly(s.body, binds);
    else if (s.type === "expression" && s.value.type === "call") take = configures(s.value, binds, methods) || configuresArgument(s.value, binds, configuring);
    // `from pl_bolts.datamodules import MNISTDataModule` inside the function: the name it binds is needed.
    else if (s.type === "import") take = s.names.some((n) => needed.has(n.alias ?? n.module.split(".")[0]));
    else if (s.type === "importFrom") take = s.names !== "*" && s.names.some((n) => needed.has(n.alias ?? n.name));
    // `class ConvNet(nn.Module): ...` (or a `def`) in the same block before the call that builds it: Python binds it
    // there, and its methods read, when called, the block's names it does not bind itself (`hidden` set above it).
    else if (s.type === "class" || s.type === "function") {
      if (!needed.has(s.name)) continue;
      chosen.unshift(s);
      for (const name of freeNames(s)) needed.add(name);
      continue;
    }
    if (!take) continue;
    chosen.unshift(s);
    if (s.type === "if") namesIn(ifExpressions(s), needed);
    else if (s.type === "with") namesIn([...s.items.map((item) => item.value), ...allExpressions(s.body)], needed);
    else if (s.type === "try") namesIn(allExpressions([s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody].flat()), needed);
    else if (s.type === "for") namesIn([s.iter, ...s.body.flatMap(ownExpressions)], needed);
    else namesIn(ownExpressions(s), needed);
  }
  return chosen;
}

/**
 * An `if` whose branches assign a needed name (`if args.dataset == 'imagenet': numberofclass = 1000 elif ...`) and
 * hold nothing but configuration: straight-line assignments, nested such `if`s, and calls that are not training work.
 * It runs whole: the interpreter takes the branch its test decides, as Python would.
 */
function ifBinds(s: Extract<Statement, { type: "if" }>, binds: (target: Expression) => boolean): boolean {
  return assignsOnly([s.body, s.orelse], binds);
}

/** Whether blocks hold nothing but configuration (as `ifBinds` says) and assign a needed name. */
/** Whether a block loads a saved run (a checkpoint, a state dict, torch.load, TensorFlow's `saver.restore(sess, path)`). */
function resumes(body: Statement[]): boolean {
  return allExpressions(body).some((e) => {
    let found = false;
    forEachExpression(e, (x) => {
      if (x.type === "call" && /checkpoint|resume|state_dict|^load$|^restore$/i.test((x.func.type === "attribute" ? x.func.name : x.func.type === "name" ? x.func.id : ""))) found = true;
    });
    return found;
  });
}

/** Whether a block opens a file or parses one (`open(path)`, `json.load(f)`, `yaml.safe_load(f)`): a config read,
 *  whose except branch is the fallback of a missing file, not of a fresh run. */
function readsFile(body: Statement[]): boolean {
  return allExpressions(body).some((e) => {
    let found = false;
    forEachExpression(e, (x) => {
      if (x.type !== "call") return;
      if (x.func.type === "name" && x.func.id === "open") found = true;
      else if (x.func.type === "attribute" && x.func.object.type === "name" && /^(json|yaml|toml|tomllib|pickle|configparser)$/.test(x.func.object.id)) found = true;
    });
    return found;
  });
}

/** The expressions of a block's statements, nested blocks (an `if`, a `try`) included. */
function allExpressions(body: Statement[]): Expression[] {
  const out: Expression[] = [];
  forEachStatement(body, ({ statement }) => out.push(...ownExpressions(statement)));
  return out;
}

function assignsOnly(blocks: Statement[][], binds: (target: Expression) => boolean): boolean {
  let assigns = false;
  const configOnly = (body: Statement[]): boolean => body.every((b) => {
    if (b.type === "assign") {
      if (b.targets.some(binds)) assigns = true;
      return !callsWork(b.value);
    }
    if (b.type === "annotated" || b.type === "augmented") {
      if (binds(b.target)) assigns = true;
      return true;
    }
    if (b.type === "if") return configOnly(b.body) && configOnly(b.orelse);
    // `try: config = yaml.safe_load(f) except yaml.YAMLError as exc: print(exc)`: the try's body runs, as an if's.
    if (b.type === "try") return [b.body, ...b.handlers.map((h) => h.body), b.orelse, b.finalbody].every(configOnly);
    // `try: with open(path) as f: config = yaml.safe_load(f) except FileNotFoundError: sys.exit(1)`: the `with`
    // block runs whole inside the `try`, as it does alone.
    if (b.type === "with") return b.items.every((item) => !callsWork(item.value)) && configOnly(b.body);
    if (b.type === "expression") return !callsWork(b.value);
    return b.type === "pass" || b.type === "raise";
  });
  return blocks.every(configOnly) && assigns;
}

/** Whether a loop body holds nothing but method calls that configure a needed object (`parser.add_argument(...)`,
 *  `config.update(...)`) or stores into its items or attributes (`for arg in vars(args): config[arg] = getattr(args,
 *  arg)`), none of them training work, so running it whole changes nothing but configuration. */
function configuresOnly(body: Statement[], binds: (target: Expression) => boolean): boolean {
  const storesInto = (t: Expression): boolean => (t.type === "subscript" || t.type === "attribute") && binds(t);
  // `if not hasattr(args, k) or getattr(args, k) == parser.get_default(k): setattr(args, k, v)`: a guarded copy
  const statement = (b: Statement): boolean => (b.type === "expression" && b.value.type === "call" && configures(b.value, binds) && !callsWork(b.value))
    || (b.type === "assign" && b.targets.every(storesInto) && !callsWork(b.value))
    || (b.type === "if" && !callsWork(b.test) && b.body.every(statement) && b.orelse.every(statement))
    || b.type === "pass" || b.type === "continue" || b.type === "raise";
  // The loop's own temporaries come along, so long as no work is called for them: a name it works out for the option
  // it adds (`parser_key = key.replace('_', '-')` before `parser.add_argument(f'--{parser_key}', ...)`), an item it
  // names before storing it (`img = load_img(path)` before `x.append(img)`, loop-temporaries.ts).
  const temporary = (b: Statement): boolean => bindsLoopTemporary(b, binds) && !callsWork(b.value);
  return body.some((b) => statement(b) && b.type !== "pass" && b.type !== "continue" && b.type !== "raise") && body.every((b) => statement(b) || temporary(b));
}

/**
 * Whether a call statement configures a needed object: a method call on it that is not training work
 * (`parser.add_argument(...)`, `config.update(...)`), on its `vars()` (`vars(args).update(cfg)`, a view of its
 * attributes), `setattr(args, k, v)`, or a call of a name bound to such a method (`arg('--n-epochs', ...)` after
 * `arg = parser.add_argument`).
 */
function configures(call: Extract<Expression, { type: "call" }>, binds: (target: Expression) => boolean, methods?: Map<string, Extract<Expression, { type: "attribute" }>>): boolean {
  const first = call.args[0]?.kind === "positional" ? call.args[0].value : undefined;
  const method = call.func.type === "name" ? methods?.get(call.func.id) : undefined;
  if (method) return !WORK_METHODS.has(method.name) && binds(method.object);
  if (call.func.type === "name") return call.func.id === "setattr" && first !== undefined && binds(first);
  if (call.func.type !== "attribute" || WORK_METHODS.has(call.func.name)) return false;
  const object = call.func.object;
  if (object.type === "call" && object.func.type === "name" && object.func.id === "vars") {
    const viewed = object.args[0]?.kind === "positional" ? object.args[0].value : undefined;
    return viewed !== undefined && binds(viewed);
  }
  return binds(object);
}

/**
 * Whether a call statement hands a needed object to a function of the code that configures it in place: Python passes
 * the object itself, so `update_config(cfg, args)` (whose body runs `cfg.merge_from_file(args.cfg)`) changes the
 * `cfg` a later `cfg.TRAIN.END_EPOCH` reads. Only a function that `configuring` vouches for: no loop, no training work.
 */
function configuresArgument(call: Extract<Expression, { type: "call" }>, binds: (target: Expression) => boolean, configuring: ConfiguringFunction | undefined): boolean {
  if (!configuring || call.func.type !== "name") return false;
  const passes = call.args.some((a) => (a.kind === "positional" || a.kind === "keyword") && a.value.type === "name" && binds(a.value));
  return passes && configuring(call.func.id);
}

/** Whether a function's body only configures: no loop, no `while`, no training or evaluation work in any statement. */
export function onlyConfigures(fn: FunctionDefinition): boolean {
  let plain = true;
  forEachStatement(fn.body, ({ statement }) => {
    if (statement.type === "for" || statement.type === "while" || statement.type === "function" || statement.type === "class") plain = false;
    else if (ownExpressions(statement).some(callsWork)) plain = false;
  });
  return plain;
}

/** Whether an expression calls a method that is training or evaluation work. */
function callsWork(e: Expression): boolean {
  let work = false;
  forEachExpression(e, (node) => {
    if (node.type === "call" && node.func.type === "attribute" && WORK_METHODS.has(node.func.name)) work = true;
  });
  return work;
}

/** Every expression an `if` holds, its branches' included. */
function ifExpressions(s: Extract<Statement, { type: "if" }>): Expression[] {
  const all: Expression[] = [];
  const add = (b: Statement) => {
    all.push(...ownExpressions(b));
    if (b.type === "if") [...b.body, ...b.orelse].forEach(add);
  };
  add(s);
  return all;
}

/** Python's truth of a value a site's evaluation gave, when it is known (an unknown or an object: undefined). */
export function knownTruth(v: Value | undefined): boolean | undefined {
  if (!v) return undefined;
  if (v.kind === "bool") return v.value;
  if (v.kind === "int" || v.kind === "float") return v.value !== 0;
  if (v.kind === "none") return false;
  if (v.kind === "str") return v.value.length > 0;
  return undefined;
}

/** What one statement of a site evaluation may spend: config code is short, so a runaway call ends here, not in a
 *  hang. Steps, not time, bound it, so a slower or busier machine reads the same figures; the clock is only a
 *  safety net far above what the steps take. */
const SITE_STEPS = 200_000;
const SITE_MILLISECONDS = 5_000;

/** Steps left to a whole search (a file's training plan): each evaluation takes what it spends from it. */
export interface StepAllowance {
  steps: number;
  /** Module globals another function assigns (`global args` in main), worked out once per search. */
  globals?: Map<string, Value>;
  /** The analyzed script's top-level statements: its `if __name__ == "__main__":` block binds globals too. */
  script?: { file: string; body: Statement[] };
}

/** Values of a function's parameters that its callers pass (src/core/training/call-site-bindings.ts). */
export type ParameterBindings = (fn: FunctionDefinition, parameter: string) => Value | undefined;

/** Evaluates expressions at a site; a value that cannot be worked out comes back as an unknown. `bindings` gives
 *  parameters their callers' values (a parameter without one takes its default, else stays unknown). `followGlobals`
 *  false keeps a global's own evaluation from looking for more (one level, never a cycle). */
export function evaluateAtSite(
  interp: Interpreter,
  moduleScope: Scope,
  file: string,
  context: SiteContext,
  expressions: Expression[],
  now: () => number,
  bindings?: ParameterBindings,
  allowance?: StepAllowance,
  followGlobals = true,
): Value[] {
  if (allowance && allowance.steps <= 0) return expressions.map(() => unknown("the search's step budget is spent"));
  const guarded = (fn: () => Value): Value => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof PythonError || err instanceof Unresolved || err instanceof BudgetExceeded) return unknown(err.message);
      // Anything else is the interpreter's own limit on this code: the figure stays unknown, the analysis goes on.
      return unknown(err instanceof Error ? err.message : String(err));
    }
  };
  const configuring = (name: string): boolean => {
    const v = scopeValue(moduleScope, name);
    return v?.kind === "function" && v.definition.type === "function" && onlyConfigures(v.definition);
  };
  const slice = dependencySlice(expressions, context.before, configuring);
  // Only the parameters the expressions need are asked of the callers, and first: each caller's evaluation is a run
  // of its own (its recorder and budget), done before this one starts.
  // The names of a chosen block's body count too: `if args.distributed: args.batch_size = int(args.batch_size /
  // ngpus_per_node)` needs the parameter, or the division fails and the batch before it stands.
  const needed = namesIn([...expressions, ...allExpressions(slice)], new Set());
  const bound = new Map<string, Value>();
  // A nested function's free names are its enclosing functions' (a closure, PEP 227): their parameters come first, so
  // the function's own shadow them.
  const parameters = [...(context.enclosing ?? []), ...(context.fn ? [context.fn] : [])].flatMap((fn) => fn.params.map((p) => ({ fn, p })));
  for (const { fn, p } of parameters) {
    const value = bindings && needed.has(p.name) ? bindings(fn, p.name) : undefined;
    if (value) bound.set(p.name, value);
    else bound.delete(p.name);
  }
  // A global the module leaves unbound but a function sets (`def main(): global args; args = parser.parse_args()`)
  // holds, in the functions main goes on to call, what that assignment gave. So does one the module binds to None as a
  // placeholder (`FLAGS = None` at the top, `FLAGS, unparsed = parser.parse_known_args()` in the guard before the
  // run): by the time the function runs, the name holds the later binding.
  const fromFunctions = new Map<string, Value>();
  if (context.fn && followGlobals) {
    const local = new Set([...parameters.map(({ p }) => p.name), ...assignedNames(slice)]);
    for (const name of needed) {
      const held = scopeValue(moduleScope, name);
      if (local.has(name)) continue;
      if (held !== undefined && held.kind !== "none") {
        // A module binding (`class args: num_episode = 100`) that the `__main__` guard rebinds before it runs anything
        // of the file's (`args = add_arguments()`): the function, called later, reads the guard's value.
        const rebound = allowance?.script?.file === file ? reboundInMainGuard(interp, moduleScope, file, name, allowance.script.body, now, bindings, allowance) : undefined;
        if (rebound) fromFunctions.set(name, rebound);
        continue;
      }
      const value = globalFromFunction(interp, moduleScope, file, name, now, bindings, allowance);
      if (value) fromFunctions.set(name, value);
    }
  }
  // A caller's value is shared by every site evaluation (call-site bindings and globals are worked out once): a slice
  // that changes it in place (`args.batch_size = int(args.batch_size / ngpus_per_node)`) works on its own copy, so
  // the change happens once, as in the run, and not again at each site evaluated after it.
  // A top-level site of the analyzed script reads a name the top level binds again later as bound before it.
  if (!context.fn && allowance?.script?.file === file && expressions.length > 0) {
    const sliced = new Set(assignedNames(slice));
    const names = [...needed].filter((n) => !sliced.has(n));
    for (const [name, value] of valuesBoundBefore(allowance.script.body, interp.boundValues, names, expressions[0].pos.startIndex)) fromFunctions.set(name, value);
  }
  const changed = changedInPlace(slice);
  const own = (name: string, v: Value): Value => (changed.has(name) ? ownCopy(v) : v);
  for (const [name, value] of fromFunctions) fromFunctions.set(name, own(name, value));
  const globalScope: Scope = fromFunctions.size > 0 ? { names: fromFunctions, parent: moduleScope } : moduleScope;
  const run = { recorder: new Recorder(), budget: new Budget(SITE_STEPS, SITE_MILLISECONDS, now) };
  // The frame holds the site's scope, so what reads the caller's names (eval of a name, locals()) finds them.
  const scope: Scope = { names: new Map(), parent: globalScope };
  return interp.withRun(run, () => interp.withFrame({ file, inModel: false, scope }, () => {
    for (const { p } of parameters) {
      const passed = bound.get(p.name);
      if (passed) scope.names.set(p.name, own(p.name, passed));
      else if (p.kind === "star") scope.names.set(p.name, tuple([]));
      else if (p.kind === "doublestar") scope.names.set(p.name, dict());
      else scope.names.set(p.name, p.default ? guarded(() => interp.evaluate(p.default!, moduleScope)) : unknown(`parameter '${p.name}' is passed by the caller`));
    }
    // What each statement spent comes off the search's allowance before the next one's refill.
    const spend = () => {
      if (allowance) allowance.steps -= interp.budget.used;
    };
    // Why a name the slice was to bind stayed unbound: the statement that binds it failed (`args, config =
    // parse_option()` stops at a required `--cfg`), which says more than the NameError its readers meet after it.
    const unbound = new Map<string, string>();
    // A statement that opens a file the user must name (a required argument, an empty default path: `update_config(
    // args.cfg)` reading the config it names), or fails on such a value, is where the plain run stops: argparse exits
    // before, and what the statement would have set (a config merged in place, which no name binding shows) is that
    // file's to decide.
    let stopped: UnknownValue | undefined;
    for (const s of slice) {
      // Each statement gets the full step allowance: one runaway call must not starve the ones after it.
      spend();
      interp.budget.refillSteps();
      let done = false;
      interp.undecidedFile = undefined;
      const outcome = guarded(() => {
        try {
          interp.execute(s, scope);
          // `params = common.GAME_PARAMS["pong"]` then `params.batch_size *= args.envs`: the name is bound to an object
          // other evaluations share (another module's global), so the slice changes its own copy, once per evaluation.
          if (s.type === "assign") for (const t of s.targets) if (t.type === "name" && changed.has(t.id) && scope.names.has(t.id)) scope.names.set(t.id, ownCopy(scope.names.get(t.id)!));
        } catch (err) {
          if (err instanceof UnknownInput && err.source.required) stopped ??= err.source;
          throw err;
        }
        done = true;
        return unknown("");
      });
      stopped ??= interp.undecidedFile;
      if (!done && outcome.kind === "unknown" && outcome.reason) {
        for (const name of boundNames(s)) if (!unbound.has(name)) unbound.set(name, outcome.reason);
      }
    }
    if (stopped) {
      spend();
      return expressions.map(() => stopped!);
    }
    const values = expressions.map((e) => {
      spend();
      interp.budget.refillSteps();
      const value = guarded(() => interp.evaluate(e, scope));
      const name = value.kind === "unknown" ? /^name '([^']+)' is not defined$/.exec(value.reason)?.[1] : undefined;
      const cause = name !== undefined && scopeValue(scope, name) === undefined ? unbound.get(name) : undefined;
      return cause !== undefined ? unknown(cause) : value;
    });
    spend();
    return values;
  }));
}

/** The names whose objects the statements (their nested blocks too) change in place: the root of an attribute or
 *  item they assign (`args.batch_size = ...`, `cfg["lr"] = ...`), and a name bound to one of them (`args = argss`). */
function changedInPlace(statements: Statement[]): Set<string> {
  const changed = new Set<string>();
  const aliases: [string, string][] = [];
  const note = (t: Expression): void => {
    if (t.type === "tuple" || t.type === "list") t.items.forEach(note);
    else if (t.type === "attribute" || t.type === "subscript") {
      const root = rootName(t);
      if (root !== undefined) changed.add(root);
    }
  };
  forEachStatement(statements, ({ statement: s }) => {
    if (s.type === "assign") {
      s.targets.forEach(note);
      if (s.value.type === "name") for (const t of s.targets) if (t.type === "name") aliases.push([t.id, s.value.id]);
    } else if (s.type === "augmented" || s.type === "annotated") note(s.target);
  });
  for (let grew = true; grew; ) {
    grew = false;
    for (const [alias, source] of aliases) {
      if (!changed.has(alias) || changed.has(source)) continue;
      changed.add(source);
      grew = true;
    }
  }
  return changed;
}

/** A copy of a plain object or container for one evaluation; a model (an nn.Module) stays the one object it is, and
 *  so does an object whose attributes are a view of something else (`self.__dict__ = self`). */
function ownCopy(v: Value): Value {
  if (v.kind === "instance" && !v.module && v.attributes.constructor === Map) return deepCopy(v);
  if (v.kind === "dict" || v.kind === "list") return deepCopy(v);
  return v;
}


/** Names the statements bind by assignment. */
/** The names a class or function definition reads that it does not bind itself (its parameters, its assignments,
 *  its methods): those it takes from where it is defined. */
function freeNames(definition: Extract<Statement, { type: "class" | "function" }>): Set<string> {
  const read = namesIn(allExpressions([definition]), new Set());
  forEachStatement([definition], ({ statement }) => {
    if (statement.type === "function" || statement.type === "class") read.delete(statement.name);
    if (statement.type === "function") for (const p of statement.params) read.delete(p.name);
    for (const name of assignedNames([statement])) read.delete(name);
  });
  return read;
}

function assignedNames(statements: Statement[]): string[] {
  return statements.flatMap((s) => (s.type === "assign" ? s.targets.flatMap((t) => (t.type === "name" ? [t.id] : [])) : []));
}

/** What `name` holds after the first function of the module that declares it `global` assigns it in its own body
 *  (not in a loop or branch), evaluated there as any site is; else what the script's `__main__` block binds it to;
 *  undefined when neither does. */
function globalFromFunction(interp: Interpreter, moduleScope: Scope, file: string, name: string, now: () => number, bindings: ParameterBindings | undefined, allowance: StepAllowance | undefined): Value | undefined {
  const memo = allowance?.globals?.get(`${file}:${name}`);
  // A global already looked for and not found is not looked for again at every site (the memo holds an unknown).
  if (memo) return memo.kind === "unknown" ? undefined : memo;
  for (const v of moduleScope.names.values()) {
    if (v.kind !== "function" || v.definition.type !== "function" || v.module.file !== file) continue;
    const body = v.definition.body;
    if (!body.some((s) => s.type === "global" && s.names.includes(name))) continue;
    const at = body.findIndex((s) => s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name));
    if (at < 0) continue;
    const assign = body[at] as Extract<Statement, { type: "assign" }>;
    const [value] = evaluateAtSite(interp, moduleScope, file, { fn: v.definition, before: body.slice(0, at) }, [assign.value], now, bindings, allowance, false);
    if (value.kind === "unknown") return undefined;
    if (allowance) (allowance.globals ??= new Map()).set(`${file}:${name}`, value);
    return value;
  }
  const value = allowance?.script?.file === file ? globalFromMainGuard(interp, moduleScope, file, name, allowance.script.body, now, bindings, allowance) : undefined;
  if (allowance) (allowance.globals ??= new Map()).set(`${file}:${name}`, value ?? unknown(`no binding of ${name} found`));
  return value;
}

/** The value of a module global that the `__main__` guard binds again, as its first statements that run the file's
 *  own code (a call of its functions in the assignment itself at most) leave it; undefined where the guard does not
 *  rebind it, runs the file's functions before, or the value is unknown. Read once a name (allowance.globals). */
function reboundInMainGuard(interp: Interpreter, moduleScope: Scope, file: string, name: string, body: Statement[], now: () => number, bindings: ParameterBindings | undefined, allowance: StepAllowance): Value | undefined {
  const key = `${file}:guard:${name}`;
  const memo = allowance.globals?.get(key);
  if (memo) return memo.kind === "unknown" ? undefined : memo;
  const guard = body.find((s): s is Extract<Statement, { type: "if" }> => s.type === "if" && isMainGuard(s.test));
  const at = guard ? guard.body.findIndex((t) => t.type === "assign" && t.targets.some((x) => targetNames(x).includes(name))) : -1;
  const own = new Set([...moduleScope.names].flatMap(([n, v]) => (v.kind === "function" && v.module.file === file ? [n] : [])));
  const runsBefore = guard !== undefined && at >= 0 && guard.body.slice(0, at).some((t) => callsIn(t, true).some((c) => c.func.type === "name" && own.has(c.func.id)));
  const value = guard && at >= 0 && !runsBefore ? globalFromMainGuard(interp, moduleScope, file, name, body, now, bindings, allowance) : undefined;
  (allowance.globals ??= new Map()).set(key, value ?? unknown(`${name} is not bound again in the __main__ guard`));
  return value;
}

/**
 * A global the script binds in its `if __name__ == "__main__":` block (`args = parser.parse_args()` then `main()`):
 * Python runs that block at module level when the file runs as a script, so a function it goes on to call reads
 * the name as the block left it, changes made after the assignment (`args.epochs = 5`) included, up to the first
 * call of one of the file's own functions (the run itself).
 */
function globalFromMainGuard(interp: Interpreter, moduleScope: Scope, file: string, name: string, body: Statement[], now: () => number, bindings: ParameterBindings | undefined, allowance: StepAllowance): Value | undefined {
  const own = new Set([...moduleScope.names].flatMap(([n, v]) => (v.kind === "function" && v.module.file === file ? [n] : [])));
  for (const s of body) {
    if (s.type !== "if" || !isMainGuard(s.test)) continue;
    const at = s.body.findIndex((t) => t.type === "assign" && t.targets.some((x) => targetNames(x).includes(name)));
    if (at < 0) continue;
    const runs = s.body.findIndex((t, i) => i > at && callsIn(t, true).some((c) => c.func.type === "name" && own.has(c.func.id)));
    const reference: Expression = { type: "name", id: name, pos: s.body[at].pos };
    const [value] = evaluateAtSite(interp, moduleScope, file, { before: s.body.slice(0, runs < 0 ? s.body.length : runs) }, [reference], now, bindings, allowance, false);
    return value.kind === "unknown" ? undefined : value;
  }
  return undefined;
}

