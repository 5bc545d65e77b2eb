// A function's parameters bound from where the file calls it: a script's `train(args, loader, ...)` at the bottom
// gives `def train(args, ...)` its `args`, so `range(args.iter)` inside is the argparse default, as the run has it.
import type { Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { findCodeSites, type CodeSite } from "./code-sites";
import { sitesOutside } from "./models-in-turn";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import { callsFunction } from "../python/ray-remote";
import type { ParameterBindings } from "./evaluate-site";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** A function and the one call of it whose arguments its parameters take. */
export interface OnlyCall {
  fn: FunctionDefinition;
  call: Extract<Expression, { type: "call" }>;
}

const SPAWN = /(^|\.)(spawn|start_processes)$/;

/** How deep callers of callers are followed (`main()` → `main_worker(args)` → `train(args)`). */
const MAX_DEPTH = 3;

/**
 * Bindings for the module-level functions of a file: each parameter takes the value its call sites in the file pass,
 * when there is one call site, or when every call site passes the same code from the same function (a branch that
 * calls it either way). Recursive calls do not count. `evaluate` works out expressions at a site, itself binding the
 * enclosing function's parameters through the bindings it is given.
 */
export function callSiteBindings(
  body: Statement[],
  text: string,
  evaluate: (site: CallSite, expressions: Expression[], bindings: ParameterBindings) => Value[],
  /** Values known without a call site (a `@hydra.main` function's config), which win and pass down to callees. */
  known?: ParameterBindings,
  /** Module-level statements whose calls are not the run's (another model's training, models-in-turn.ts). */
  exclude?: ReadonlySet<Statement>,
  /** One call of a function read alone: the function's parameters take that call's arguments (calls-in-turn.ts). */
  only?: OnlyCall,
): ParameterBindings {
  const passed = new Map<FunctionDefinition, Map<string, { site: CallSite; value: Expression }>>();
  const memo = new Map<FunctionDefinition, Map<string, Value | undefined>>();
  const topLevel = new Set(body.filter((s): s is FunctionDefinition => s.type === "function"));
  // A module-level class's `__init__` takes what the file's calls of the class pass (`trainer = Trainer(args)`), its
  // first parameter being the new object: Python calls `__init__(self, *args)` (docs.python.org/3/reference/datamodel.html#object.__init__).
  const constructors = new Map<FunctionDefinition, string>();
  for (const s of body) {
    if (s.type !== "class") continue;
    const init = s.body.find((m): m is FunctionDefinition => m.type === "function" && m.name === "__init__");
    if (init) constructors.set(init, s.name);
  }
  let depth = 0;
  const bindings: ParameterBindings = (fn, name) => {
    const given = known?.(fn, name);
    if (given !== undefined) return given;
    const cls = constructors.get(fn);
    if ((!topLevel.has(fn) && !cls) || depth >= MAX_DEPTH) return undefined;
    let values = memo.get(fn);
    if (!values) memo.set(fn, (values = new Map()));
    if (values.has(name)) return values.get(name);
    // Set first: a cycle (two functions passing a parameter to each other) reads nothing instead of recursing.
    values.set(name, undefined);
    let args = passed.get(fn);
    if (!args) {
      const callee = cls ? { ...fn, name: cls, params: fn.params.slice(1) } : fn;
      const sites = callSitesOf(callee, body, text, exclude);
      const chosen = only?.fn === fn ? sites.filter((site) => site.call.pos.startIndex === only.call.pos.startIndex) : sites;
      passed.set(fn, (args = passedArguments(callee, chosen, text)));
    }
    const argument = args.get(name);
    if (!argument) return undefined;
    depth++;
    try {
      // An argument the call passes but whose value is unknown stays unknown: the parameter's default is not what
      // the call gives (`train(epochs=cfg.TRAIN_EPOCHS)` is not `def train(epochs=5)`'s 5).
      const value = evaluate(argument.site, [argument.value], bindings)[0];
      if (value) values.set(name, value);
    } finally {
      depth--;
    }
    return values.get(name);
  };
  return bindings;
}

/** Calls of a module-level function by its name, outside the function itself, and the processes that start it. */
function callSitesOf(fn: FunctionDefinition, body: Statement[], text: string, exclude?: ReadonlySet<Statement>): CallSite[] {
  const word = new RegExp(`\\b${fn.name}(\\.remote)?\\s*\\(|\\bspawn\\s*\\(\\s*${fn.name}\\b|\\(\\s*${fn.name}\\s*,`);
  return sitesOutside(findCodeSites(body, text, word), exclude).flatMap((s): CallSite[] => {
    if (s.kind !== "call" || (s.call.pos.startIndex >= fn.pos.startIndex && s.call.pos.endIndex <= fn.pos.endIndex)) return [];
    // `fn.remote(...)` runs a Ray task's body with those arguments (ray-remote.ts).
    if (s.callee === fn.name || callsFunction(s.call, fn)) return [s];
    const started = spawnedCall(fn, s) ?? launchedCall(fn, s);
    return started ? [started] : [];
  });
}

/**
 * `torch.multiprocessing.spawn(fn, args=(a, b), nprocs=n)` (and `start_processes`, which spawn calls) runs
 * `fn(i, a, b)` in process i (pytorch.org/docs/stable/multiprocessing.html#spawning-subprocesses): as the call the
 * plain run's first process makes, `fn(0, a, b)`, at the spawn's site.
 */
function spawnedCall(fn: FunctionDefinition, site: CallSite): CallSite | undefined {
  const started = spawnedProcessCall(site);
  return started?.call.func.type === "name" && started.call.func.id === fn.name ? started : undefined;
}

/** A spawn's site as the call its first process makes, `fn(0, *args)`: fn named or imported (`mp.spawn(train_model,
 *  args=(world_size, ...))` with train_model from another file); undefined for any other call. */
export function spawnedProcessCall(site: CallSite): CallSite | undefined {
  if (!SPAWN.test(site.callee)) return undefined;
  const target = positionalArgument(site.call, 0) ?? keywordArgument(site.call, "fn");
  if (target?.type !== "name" && target?.type !== "attribute") return undefined;
  const given = keywordArgument(site.call, "args") ?? positionalArgument(site.call, 1);
  const items = !given ? [] : given.type === "tuple" || given.type === "list" ? given.items : undefined;
  if (!items) return undefined;
  const index: Expression = { type: "int", value: 0, pos: site.call.pos };
  return { ...site, call: { type: "call", func: target, args: [index, ...items].map((value) => ({ kind: "positional" as const, value })), pos: site.call.pos } };
}

/**
 * A launcher that takes the function first and its arguments as `args=(...)` runs `fn(*args)` in each process it
 * starts, and directly on one GPU: detectron2's `launch(main_func, num_gpus, ..., args=())`
 * (detectron2/engine/launch.py) and accelerate's `notebook_launcher(function, args=())`, and the helpers written after
 * them. The plain run's call is `fn(*args)` at the launcher's site.
 */
function launchedCall(fn: FunctionDefinition, site: CallSite): CallSite | undefined {
  const target = positionalArgument(site.call, 0);
  // `functools.partial(fn, args=...)` passes `args` to fn as a keyword; it starts nothing.
  if (target?.type !== "name" || target.id !== fn.name || SPAWN.test(site.callee) || /(^|\.)partial(method)?$/.test(site.callee)) return undefined;
  const given = keywordArgument(site.call, "args");
  if (given?.type !== "tuple" && given?.type !== "list") return undefined;
  return { ...site, call: { type: "call", func: target, args: given.items.map((value) => ({ kind: "positional" as const, value })), pos: site.call.pos } };
}

/** Each parameter's argument expression, where the call sites agree on it. */
function passedArguments(fn: FunctionDefinition, calls: CallSite[], text: string): Map<string, { site: CallSite; value: Expression }> {
  const result = new Map<string, { site: CallSite; value: Expression }>();
  if (calls.length === 0) return result;
  const perCall = calls.map((site) => ({ site, args: argumentsByParameter(fn, site.call) }));
  for (const p of fn.params) {
    if (p.kind === "star") continue;
    const passed = perCall.map(({ site, args }) => ({ site, value: args.get(p.name) }));
    const first = passed[0];
    if (!first.value) continue;
    const code = (e: Expression) => text.slice(e.pos.startIndex, e.pos.endIndex);
    // Several calls agree when they pass the same code from the same function (then the names mean the same thing).
    const agree = passed.every(({ site, value }) => value && code(value) === code(first.value!) && site.context.fn === first.site.context.fn);
    if (agree) result.set(p.name, { site: first.site, value: first.value });
  }
  return result;
}

/**
 * `run(*data, batch_size=64)`: Python fills the positional parameters from the unpacked sequence in order
 * (docs.python.org/3/reference/expressions.html#calls), so the k-th parameter left takes `data[k]`. Read where nothing
 * positional follows the unpacking, and only for parameters without a default: a shorter sequence leaves those to
 * their defaults, which a subscript past its end would not.
 */
function unpackedPositionals(params: FunctionDefinition["params"], sequence: Expression, after: CallSite["call"]["args"], byName: Map<string, Expression>): void {
  if (after.some((a) => a.kind === "positional" || a.kind === "star")) return;
  params.forEach((p, k) => {
    if (p.default) return;
    byName.set(p.name, { type: "subscript", object: sequence, index: { type: "int", value: k, pos: sequence.pos }, pos: sequence.pos });
  });
}

/** A call's arguments by the parameter they fill: positionals in order (a `*sequence`'s items by index), then
 *  keywords, then the keys of a `**mapping`. A `**kwargs` parameter takes the keywords no other parameter names. */
export function argumentsByParameter(fn: FunctionDefinition, call: CallSite["call"]): Map<string, Expression> {
  const byName = new Map<string, Expression>();
  const positional = fn.params.filter((p) => p.kind === "normal");
  let index = 0;
  for (const a of call.args) {
    if (a.kind === "star") {
      unpackedPositionals(positional.slice(index), a.value, call.args.slice(call.args.indexOf(a) + 1), byName);
      index = Infinity;
    }
    else if (a.kind === "positional" && index < positional.length) byName.set(positional[index++].name, a.value);
    else if (a.kind === "keyword" && fn.params.some((p) => p.name === a.name && p.kind !== "star" && p.kind !== "doublestar")) byName.set(a.name, a.value);
  }
  // `train(**vars(args))`, `train(**config)`: Python passes each key of the mapping as a keyword
  // (docs.python.org/3/reference/expressions.html#calls), so a parameter not given otherwise takes `mapping["name"]`.
  const spread = call.args.filter((a) => a.kind === "doublestar");
  if (spread.length === 1) {
    const mapping = spread[0].value;
    for (const p of fn.params) {
      if ((p.kind !== "normal" && p.kind !== "keywordOnly") || byName.has(p.name)) continue;
      const key: Expression = { type: "str", value: p.name, pos: mapping.pos };
      byName.set(p.name, { type: "subscript", object: mapping, index: key, pos: mapping.pos });
    }
  }
  // `def train(model, dm, **kwargs)` called `train(m, d, precision=16, max_epochs=2)`: Python makes kwargs a new
  // dict of the keyword arguments no other parameter takes (docs.python.org/3/reference/compound_stmts.html#function-
  // definitions), so `pl.Trainer(**kwargs)` inside gets them. A `**mapping` spread into the call is left out: which of
  // its keys the named parameters take is not known here.
  const rest = fn.params.find((p) => p.kind === "doublestar");
  if (rest && spread.length === 0) {
    const excess = call.args.flatMap((a) => (a.kind === "keyword" && !fn.params.some((p) => p.name === a.name && (p.kind === "normal" || p.kind === "keywordOnly")) ? [a] : []));
    byName.set(rest.name, { type: "dict", items: excess.map((a) => ({ key: { type: "str", value: a.name, pos: a.value.pos }, value: a.value })), pos: call.pos });
  }
  return byName;
}
