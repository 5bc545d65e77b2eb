// Networks trained in one loop at cadences of their own. A WGAN steps its critic every pass and its generator only when
// `i % n_critic == 0` (Arjovsky et al. 2017, "Wasserstein GAN", Algorithm 1), or runs the critic
// `for _ in range(CRITIC_ITERS)` each pass (Gulrajani et al. 2017, "Improved Training of Wasserstein GANs"); TD3 steps
// its actor once every `policy_freq` critic steps (Fujimoto et al. 2018, "Addressing Function Approximation Error in
// Actor-Critic Methods", Algorithm 1). Each network's optimizer steps are the loop's passes at its own optimizer's
// cadence, not the count of the step the plan read (issue 21).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { positiveInteger } from "../interp/value-figures";
import { childBodies, dottedName, forEachStatement, keywordArgument, namesIn, positionalArgument } from "../python/syntax-walk";
import { snippet } from "../python/code-snippet";
import { perModuleText } from "../python/module-memo";
import { conjuncts, moduloZero } from "./loop-shape";
import { assignedValues, isOptimizerConstruction, OPTIMIZER_CLASS, optimizerParameters, parameterRoots } from "./optimizer-parameters";
import { kerasBatchTrained, kerasCompiledOwners } from "./keras-update-owners";

type ForStatement = Extract<Statement, { type: "for" }>;

/** A call of an optimizer class in a function's text (see OPTIMIZER_CLASS). */
const OPTIMIZER_NAMED = new RegExp(`\\b(${OPTIMIZER_CLASS.source.replace(/^\^\(|\)\$$/g, "")})\\s*\\(`);

/** One optimizer's steps relative to the passes of the loop that steps it. */
export interface UpdateCadence {
  /** The names whose parameters the optimizer takes, each the last part of its chain (`generator`, `actor` of `self.actor`). */
  owners: string[];
  /** Steps a pass reaches it: the counts of the loops between (`for _ in range(5)`). */
  times: number;
  /** One pass in `period` reaches it, the first the pass numbered `first` from 0 (`i % 5 == 0`: 0; `(i + 1) % 5 == 0`: 4). */
  every?: { period: number; first: number };
  line: number;
  detail: string;
  /** The way down to this step could not be read: its networks keep the loop's count, and the detail says why. */
  unread?: true;
  /** Read on the plan's epoch loop, not its step loop: its passes are the run's epochs. */
  ofEpochs?: true;
  /** The loop's only optimizer, stepped K times a pass in a counted loop of its own: its steps are the run's. */
  only?: true;
  /** Read on a loop around the plan's counted step loop, which runs `per` times a pass of it: the network takes
   *  `times / per` steps a pass of the plan's loop (sibling-step-loops.ts). */
  per?: number;
}

/** The run note a cadence the analysis could not count leaves (`steps: opt_d.step() runs under if ..., which the
 *  analysis cannot count: ...`). */
export function unreadCadenceNote(cadence: UpdateCadence): string {
  return `steps: ${cadence.detail} (line ${cadence.line})`;
}

/** Whether a run note is one an unread cadence left (unreadCadenceNote). */
export function isUnreadCadenceNote(note: string): boolean {
  return note.startsWith("steps: ") && note.includes(", which the analysis cannot count: ");
}

/** How many of `passes` passes (numbered from 0) a cadence lets through, times its steps a pass. */
export function stepsOfPasses(cadence: UpdateCadence, passes: number): number {
  const reached = cadence.every ? (passes > cadence.every.first ? Math.floor((passes - 1 - cadence.every.first) / cadence.every.period) + 1 : 0) : passes;
  return cadence.per ? Math.round((reached * cadence.times) / cadence.per) : reached * cadence.times;
}

/**
 * The cadence of each optimizer stepped in `loop`'s body, where two or more distinct optimizers are stepped there
 * (`opt.step()` or `scaler.step(opt)`), each once, and what lies between the part of the body their steps share and
 * each step is readable: `if`s on the loop's own index by a period (`i % N == 0`) and counted inner loops
 * (`for _ in range(K)`). Undefined when fewer than two optimizers are read; an optimizer whose way cannot be read is
 * left out (its networks keep the plan's count).
 */
export function updateCadences(loop: ForStatement, body: Statement[], text: string, evaluate: (e: Expression) => Value | undefined, options: { sharedLoopsCounted?: false; single?: true } = {}): UpdateCadence[] | undefined {
  if (!/\.(step|train_on_batch)\s*\(/.test(text)) return undefined;
  const owners = optimizerOwners(body, text);
  if (owners.size < (options.single ? 1 : 2)) return undefined;
  const steps = new Map<string, { call: Expression; way: Way[] }[]>();
  const add = (optimizer: string | undefined, call: Expression, way: Way[]) => {
    if (optimizer !== undefined && owners.has(optimizer)) steps.set(optimizer, [...(steps.get(optimizer) ?? []), { call, way }]);
  };
  const functions = new Map(body.flatMap((s) => (s.type === "function" ? [[s.name, s] as const] : [])));
  forEachStatement(loop.body, ({ statement, body: block, ancestors }) => {
    if (statement.type === "expression") add(steppedOptimizer(statement.value), statement.value, wayDown(ancestors, block));
    // train_on_batch returns the batch's loss: its call is often bound (`d_loss = critic.train_on_batch(x, y)`).
    if (statement.type === "assign" && kerasBatchTrained(statement.value)) add(steppedOptimizer(statement.value), statement.value, wayDown(ancestors, block));
    // A function of the file the pass calls (`d_loss = train_discriminator(real, opt_d)`): its own steps are the pass's,
    // its optimizer parameters standing for what the call gives them.
    const call = statement.type === "expression" ? statement.value : statement.type === "assign" ? statement.value : undefined;
    const fn = call?.type === "call" && call.func.type === "name" ? functions.get(call.func.id) : undefined;
    if (!fn || call?.type !== "call") return;
    const given = argumentsByParameter(fn, call);
    forEachStatement(fn.body, ({ statement: inner, body: innerBlock, ancestors: innerAncestors }) => {
      if (inner.type !== "expression") return;
      const stepped = steppedOptimizer(inner.value);
      const root = stepped?.split(".")[0];
      const optimizer = root !== undefined && given.has(root) ? [given.get(root), ...stepped!.split(".").slice(1)].join(".") : fn.params.some((p) => p.name === root) ? undefined : stepped;
      add(optimizer, inner.value, [...wayDown(ancestors, block), { statement, branch: -1 }, ...wayDown(innerAncestors, innerBlock).map((w) => ({ ...w, inFunction: { fn, given, call } }))]);
    }, [], () => false);
  }, [], () => false);
  // Several steps of one optimizer in the same block (a Keras critic's train_on_batch on real, then on fake images)
  // each run on every pass that reaches the block; steps down different ways are not read.
  const once = [...steps].filter(([, sites]) => sites.every((x) => sameWay(x.way, sites[0].way))).map(([optimizer, sites]) => ({ optimizer, ...sites[0], sites: sites.length }));
  if (options.single) return singleCadence(once, steps.size, loop, evaluate, text, owners);
  if (once.length < 2) return undefined;
  // The part of the way every step takes is the plan's: it counted the passes that reach it.
  let shared = 0;
  while (once.every((s) => s.way.length > shared && s.way[shared].statement === once[0].way[shared].statement && s.way[shared].branch === once[0].way[shared].branch)) shared++;
  // A loop every step shares multiplies them all by passes the caller's count may not hold.
  if (options.sharedLoopsCounted === false && once[0].way.slice(0, shared).some((w) => w.statement.type === "for" || w.statement.type === "while")) return undefined;
  const index = loopIndex(loop, evaluate);
  const out: UpdateCadence[] = [];
  for (const s of once) {
    const way = s.way.slice(shared);
    const read = readWay(way, index, evaluate, text);
    if (!read) {
      // Said, not dropped: the user sees which step's count is a bound and why.
      out.push({ owners: owners.get(s.optimizer)!, times: 1, unread: true, line: s.call.pos.line, detail: `${snippet(text, s.call)} runs under ${way.flatMap(describe(text)).join(", then ")}, which the analysis cannot count: its networks are given the loop's count, an upper bound` });
      continue;
    }
    const calls = s.sites > 1 ? `${snippet(text, s.call)} and the ${s.sites - 1 === 1 ? "call" : `${s.sites - 1} calls`} beside it` : snippet(text, s.call);
    out.push({ owners: owners.get(s.optimizer)!, times: read.times * s.sites, ...(read.every ? { every: read.every } : {}), line: s.call.pos.line, detail: read.said.length > 0 ? `${calls} ${s.sites > 1 ? "run" : "runs"} ${read.said.join(", ")}` : `${calls} ${s.sites > 1 ? "run" : "runs"} once a pass` });
  }
  return out.length >= 2 && out.some((c) => !c.unread) ? out : undefined;
}

/** One optimizer, the loop's only one, stepped in a counted loop of its own in each pass (`for x in loader: for _ in
 *  range(5): ... opt.step()`): Python runs the inner loop's K steps on every pass, so the run takes K steps a batch. */
function singleCadence(once: { optimizer: string; call: Expression; way: Way[]; sites: number }[], stepped: number, loop: ForStatement, evaluate: (e: Expression) => Value | undefined, text: string, owners: Map<string, string[]>): UpdateCadence[] | undefined {
  if (stepped !== 1 || once.length !== 1) return undefined;
  const [s] = once;
  // Only counted loops (and with/try) on the way: a gate on the index is accumulation's or a cadence's, read elsewhere.
  if (s.sites !== 1 || !s.way.some((w) => w.statement.type === "for") || s.way.some((w) => w.branch === -1 || (w.statement.type !== "for" && w.statement.type !== "with" && w.statement.type !== "try"))) return undefined;
  const read = readWay(s.way, loopIndex(loop, evaluate), evaluate, text);
  if (!read || read.every || read.times <= 1) return undefined;
  return [{ owners: owners.get(s.optimizer)!, times: read.times, only: true, line: s.call.pos.line, detail: `${snippet(text, s.call)} runs ${read.said.join(", ")}` }];
}

/** Two ways down through the same blocks. */
function sameWay(a: Way[], b: Way[]): boolean {
  return a.length === b.length && a.every((w, i) => w.statement === b[i].statement && w.branch === b[i].branch);
}

/** The code a way down passes through, as the user reads it (`if loss.item() < 0`, `while not done`); none for the
 *  blocks it passes straight through. */
function describe(text: string): (w: Way) => string[] {
  return ({ statement: s, branch }) => {
    if (branch === -1 || s.type === "with" || s.type === "try") return [];
    if (s.type === "if") return [`${branch === 0 ? "" : "the else of "}if ${snippet(text, s.test)}`];
    if (s.type === "for") return [`for ... in ${snippet(text, s.iter)}`];
    if (s.type === "while") return [`while ${snippet(text, s.test)}`];
    return [s.type];
  };
}

/** A block a step sits in on its way down from the loop: the statement holding it and which of its bodies. */
interface Way {
  statement: Statement;
  /** Which body of the statement the way goes through; -1 for a call the way goes into. */
  branch: number;
  /** A block of a function the pass calls, with what the call binds its parameters to: its names are that
   *  function's, not the loop's. */
  inFunction?: { fn: FunctionDefinition; given: Map<string, string>; call: Extract<Expression, { type: "call" }> };
}

/** The statements between the loop's body and a step, each with the body (of `childBodies`) the way goes through. */
function wayDown(ancestors: Statement[], block: Statement[]): Way[] {
  return ancestors.map((statement, i) => {
    const next = i + 1 < ancestors.length ? ancestors[i + 1] : undefined;
    const bodies = childBodies(statement);
    const branch = bodies.findIndex((b) => (next ? b.includes(next) : b === block));
    return { statement, branch };
  });
}

/** The optimizer a statement steps: `opt.step()`, `self.opt.step()`, AMP's `scaler.step(opt)`, or a compiled Keras
 *  model's `train_on_batch` (the model stands for its optimizer). */
export function steppedOptimizer(e: Expression): string | undefined {
  const keras = kerasBatchTrained(e);
  if (keras) return keras;
  if (e.type !== "call" || e.func.type !== "attribute" || e.func.name !== "step") return undefined;
  const first = e.args[0];
  if (first?.kind === "positional") return dottedName(first.value);
  return e.args.length === 0 ? dottedName(e.func.object) : undefined;
}

/** Each name or attribute bound to an optimizer (`optimizer_G = Adam(generator.parameters())`), with the last part of
 *  each chain whose parameters it takes; a name bound to optimizers of different networks is left out. Read once per
 *  module text: a plan asks on each step loop, data loop and epoch loop it reads. */
export const optimizerOwners = perModuleText(readOptimizerOwners);

function readOptimizerOwners(body: Statement[], text: string): Map<string, string[]> {
  // Bodies are lowered on first read: only those whose text names an optimizer class are walked.
  const enter = (def: FunctionDefinition) => OPTIMIZER_NAMED.test(text.slice(def.pos.startIndex, def.pos.endIndex));
  const assignments = assignedValues(body, enter);
  const out = new Map<string, string[] | null>();
  const lastPart = (object: Expression) => dottedName(object)?.split(".").pop();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1 || s.value.type !== "call" || !isOptimizerConstruction(s.value)) return;
    const target = dottedName(s.targets[0]);
    const params = optimizerParameters(s.value);
    const roots = params ? parameterRoots(params, assignments, lastPart) : undefined;
    if (!target) return;
    const names = roots && roots.size > 0 ? [...roots].sort() : undefined;
    const before = out.get(target);
    out.set(target, !names || before === null || (before && before.join() !== names.join()) ? null : names);
  }, [], enter);
  const keras = /\.train_on_batch\s*\(/.test(text) ? kerasCompiledOwners(body, (def) => /\.compile\s*\(/.test(text.slice(def.pos.startIndex, def.pos.endIndex))) : new Map<string, string[]>();
  return new Map([...[...out].flatMap(([k, v]) => (v ? [[k, v] as [string, string[]]] : [])), ...keras]);
}

/** The loop's own index and the value of its first pass: `i` of `for i in range(a, b)` (from a) and of
 *  `for i, x in enumerate(xs, start)` (from start). */
function loopIndex(loop: ForStatement, evaluate: (e: Expression) => Value | undefined): { name: string; start: number } | undefined {
  const iter = loop.iter;
  if (iter.type !== "call" || iter.func.type !== "name") return undefined;
  if (iter.func.id === "range" && loop.target.type === "name") {
    const args = iter.args.filter((a) => a.kind === "positional");
    if (args.length !== iter.args.length || args.length === 0 || args.length > 2) return undefined;
    const start = args.length === 2 ? evaluate(args[0].value) : undefined;
    const from = args.length === 2 ? (start?.kind === "int" ? start.value : undefined) : 0;
    return from === undefined ? undefined : { name: loop.target.id, start: from };
  }
  if (iter.func.id === "enumerate" && loop.target.type === "tuple" && loop.target.items[0]?.type === "name") {
    const given = iter.args.find((a, i) => (a.kind === "keyword" && a.name === "start") || (a.kind === "positional" && i === 1));
    const start = given ? evaluate(given.value) : undefined;
    const from = given ? (start?.kind === "int" ? start.value : undefined) : 0;
    return from === undefined ? undefined : { name: loop.target.items[0].id, start: from };
  }
  return undefined;
}

/** The cadence a way down sets: `if`s each a period on the loop's index, counted `for` loops; `with` and `try`
 *  bodies pass through. Undefined where any part cannot be read. */
function readWay(way: Way[], index: { name: string; start: number } | undefined, evaluate: (e: Expression) => Value | undefined, text: string): { times: number; every?: UpdateCadence["every"]; said: string[] } | undefined {
  let times = 1;
  let every: UpdateCadence["every"];
  const said: string[] = [];
  for (const { statement: s, branch, inFunction } of way) {
    if (branch === -1 || ((s.type === "with" || s.type === "try") && branch === 0)) continue;
    if (s.type === "for" && branch === 0) {
      // In a called function, a count read from its parameters is the call's to give: not read here.
      if (inFunction && [...namesIn([s.iter], new Set())].some((n) => inFunction.fn.params.some((p) => p.name === n))) return undefined;
      const count = rangeCount(s.iter, evaluate);
      if (count === undefined) return undefined;
      times *= count;
      said.push(`${count.toLocaleString("en-US")} times a pass (for ... in ${snippet(text, s.iter)})`);
      continue;
    }
    // In a called function, the loop's index is the parameter the call hands it to (`update(step)` reading `step % 2`).
    const indexName = inFunction ? [...inFunction.given].find(([, arg]) => arg === index?.name)?.[0] : index?.name;
    if (s.type !== "if" || branch !== 0 || !index || every || indexName === undefined) return undefined;
    const parts = conjuncts(s.test);
    if (parts.length !== 1) return undefined;
    const period = moduloZero(parts[0], "==");
    const modulo = parts[0].type === "compare" ? [parts[0].left, parts[0].comparators[0]].find((e) => e.type === "binary" && e.op === "%") : undefined;
    const offset = modulo?.type === "binary" ? indexOffset(modulo.left, indexName) : undefined;
    // A period that is a parameter of the called function is what the call gives it, else the default
    // (`policy_update=2`); one read otherwise from its parameters is not read here.
    const bound = period && inFunction ? parameterValue(inFunction.fn, inFunction.call, period) : period;
    const n = bound ? positiveInteger(evaluate(bound)) : undefined;
    if (n === undefined || offset === undefined) return undefined;
    // The first pass p (from 0) whose index start + p + offset is a multiple of n.
    every = { period: n, first: (((-(index.start + offset)) % n) + n) % n };
    said.push(`one pass in ${n.toLocaleString("en-US")} (if ${snippet(text, s.test)})`);
  }
  return { times, ...(every ? { every } : {}), said };
}

/** The call's arguments by the names of the function's parameters they bind, as dotted names (`opt_d`). */
function argumentsByParameter(fn: FunctionDefinition, call: Extract<Expression, { type: "call" }>): Map<string, string> {
  const out = new Map<string, string>();
  const positional = call.args.filter((a) => a.kind === "positional");
  if (positional.length !== call.args.filter((a) => a.kind !== "keyword").length) return out;
  positional.forEach((a, i) => {
    const name = dottedName(a.value);
    if (name && fn.params[i]) out.set(fn.params[i].name, name);
  });
  for (const a of call.args) {
    const name = a.kind === "keyword" ? dottedName(a.value) : undefined;
    if (a.kind === "keyword" && name) out.set(a.name, name);
  }
  return out;
}

/** What a call binds the parameter `e` names to (its argument, else the parameter's default); `e` itself where it
 *  reads no parameter; undefined where it reads parameters otherwise. */
function parameterValue(fn: FunctionDefinition, call: Extract<Expression, { type: "call" }>, e: Expression): Expression | undefined {
  const params = fn.params.filter((p) => p.kind === "normal");
  if (![...namesIn([e], new Set())].some((n) => fn.params.some((p) => p.name === n))) return e;
  if (e.type !== "name") return undefined;
  const index = params.findIndex((p) => p.name === e.id);
  if (index < 0 || call.args.some((a) => a.kind === "star" || a.kind === "doublestar")) return undefined;
  return keywordArgument(call, e.id) ?? positionalArgument(call, index) ?? params[index].default;
}

/** Passes of `range(...)` (any step), where its arguments are known. */
function rangeCount(iter: Expression, evaluate: (e: Expression) => Value | undefined): number | undefined {
  const value = evaluate(iter);
  if (value?.kind !== "range") return undefined;
  const count = Math.max(0, Math.ceil((value.stop - value.start) / value.step));
  return Number.isFinite(count) ? count : undefined;
}

/** k in `index + k` (0 for the index itself). */
function indexOffset(e: Expression, index: string): number | undefined {
  if (e.type === "name" && e.id === index) return 0;
  if (e.type === "binary" && e.op === "+" && e.left.type === "name" && e.left.id === index && e.right.type === "int") return e.right.value;
  return undefined;
}
