// A function that trains, called more than once in turn: a frozen stage then a fine-tuning stage (`train(model,
// loader, epochs=3)`, then `train(model, loader, epochs=7)`), or one test function run for two variants. Python runs
// the function's training once a call, so the run is every call's: read alone, each call's arguments give its epochs
// and steps, and those add up. Before, the calls disagreeing on an argument left it unknown, and calls agreeing on
// it counted one call's training.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { childBodies, forEachExpression, ownExpressions } from "../python/syntax-walk";
import { argumentsByParameter, type OnlyCall } from "./call-site-bindings";
import { figureOverCalls, statementCall } from "./foreign-calls-in-turn";
import { callsOfOneNetwork, laterCallsTrainOthers } from "./fresh-network-calls";
import { ownNetworkOfCall } from "./own-network-calls";
import { numbersPassed, optimizersOfOneNetwork } from "./stage-arguments";
import type { PlanFigure, TrainingPlan } from "./training-plan";

type Call = Extract<Expression, { type: "call" }>;

/** Most calls in turn read one by one: each is the plan read again. */
const MAX_CALLS = 8;
/** Most functions tried as the one called in turn. */
const MAX_FUNCTIONS = 4;
/** Calls whose text shows a training step or a fit (the function's own, not one it calls). */
const TRAINS = /\.(fit|fit_generator|train_on_batch|backward|apply_gradients|minimize)\s*\(|\.step\s*\(/;

/** A module-level function and its calls, each a statement of one block, in order. */
interface CalledInTurn {
  fn: FunctionDefinition;
  calls: Call[];
  /** The first call left out: it passes a network bound afresh after the calls kept (fresh-network-calls.ts). */
  another?: Call;
  /** The network the function builds for itself on each call (own-network-calls.ts): only the first call is kept. */
  ownNetwork?: string;
}

/** The call a statement makes of a function by name: `f(...)` or `x = f(...)`. */
function callOf(s: Statement, name: string): Call | undefined {
  const call = statementCall(s);
  return call?.func.type === "name" && call.func.id === name ? call : undefined;
}

/** Module-level functions whose text trains and that the file calls two or more times, every call a statement of
 *  one block (not in a loop or a branch apart from the others), and nowhere else. */
function functionsCalledInTurn(body: Statement[], text: string): CalledInTurn[] {
  const found: CalledInTurn[] = [];
  const trains = (f: FunctionDefinition) => TRAINS.test(text.slice(f.pos.startIndex, f.pos.endIndex));
  const stepping = new Set(body.filter((s): s is FunctionDefinition => s.type === "function" && trains(s)).map((f) => f.name));
  for (const fn of body) {
    // A function that trains itself, or whose epoch loop calls one of the module's that does (`run_training` around
    // `train_one_epoch`).
    if (fn.type !== "function" || !(stepping.has(fn.name) || callsByName(fn, stepping))) continue;
    let all = 0;
    const blocks = new Map<Statement[], Call[]>();
    const ordered: { call: Call; block: Statement[] }[] = [];
    const visit = (block: Statement[]) => {
      for (const s of block) {
        for (const e of ownExpressions(s)) forEachExpression(e, (node) => {
          if (node.type === "call" && node.func.type === "name" && node.func.id === fn.name) all++;
        });
        const call = callOf(s, fn.name);
        if (call) {
          blocks.set(block, [...(blocks.get(block) ?? []), call]);
          ordered.push({ call, block });
        }
        for (const child of childBodies(s)) visit(child);
      }
    };
    visit(body);
    // Calls apart (one at module level, later ones in a loop over settings): where each later call trains a network
    // bound afresh after the first, the first network's run is the first call's alone.
    const spread = blocks.size > 1 && ordered.length === all && ordered[0]?.block === body;
    if (spread && laterCallsTrainOthers(fn, ordered[0].call, ordered.slice(1), body)) {
      found.push({ fn, calls: [ordered[0].call], another: ordered[1].call });
      if (found.length >= MAX_FUNCTIONS) break;
      continue;
    }
    const [calls] = [...blocks.values()];
    if (blocks.size === 1 && calls.length >= 2 && calls.length <= MAX_CALLS && calls.length === all && !passDifferentObjects(fn, calls, body)) {
      // Only the calls that train one network add up: a later call on a name bound afresh trains another.
      // Nor do calls of a function that builds the network it trains: each call trains a network of its own.
      const ownNetwork = ownNetworkOfCall(fn);
      const kept = calls.slice(0, ownNetwork ? 1 : callsOfOneNetwork(fn, calls, body));
      found.push({ fn, calls: kept, ...(ownNetwork ? { ownNetwork, another: calls[1] } : kept.length < calls.length ? { another: calls[kept.length] } : {}) });
    }
    if (found.length >= MAX_FUNCTIONS) break;
  }
  return found;
}

/** Whether a function calls by name one of `names` (other than itself). */
function callsByName(fn: FunctionDefinition, names: Set<string>): boolean {
  let found = false;
  for (const s of fn.body) {
    for (const e of ownExpressions(s)) forEachExpression(e, (node) => {
      if (node.type === "call" && node.func.type === "name" && node.func.id !== fn.name && names.has(node.func.id)) found = true;
    });
    if (found) return true;
    for (const child of childBodies(s)) if (callsByName({ ...fn, body: child }, names)) return true;
  }
  return false;
}

/** Whether the calls pass differently named objects for one parameter (`train(model_a, ...)`, `train(model_b, ...)`;
 *  `train(args)`, `train(other)`): each may train another model or read other options, which the models-in-turn
 *  rules read one by one; the file's one plan does not add them up. */
function passDifferentObjects(fn: FunctionDefinition, calls: Call[], body: Statement[]): boolean {
  const passed = calls.map((call) => argumentsByParameter(fn, call));
  return fn.params.some((p) => {
    const given = passed.map((args) => args.get(p.name));
    const names = given.map((e) => (e?.type === "name" ? e.id : undefined));
    const differ = names.some((n) => n !== undefined) && names.some((n) => n !== names.find((m) => m !== undefined));
    // A new optimizer for each stage of one network, or each stage's count named apart (stage-arguments.ts), trains
    // that network on.
    const named = names.every((n) => n !== undefined) ? (names as string[]) : undefined;
    return differ && !((named && optimizersOfOneNetwork(named, body)) || numbersPassed(given, body));
  });
}

/** Whether a figure was read from the function's own lines. */
function within(figure: PlanFigure | undefined, fn: FunctionDefinition): boolean {
  return figure?.line !== undefined && fn.pos.line <= figure.line && figure.line <= fn.pos.endLine;
}

/**
 * The plan of a script whose training function runs once per call, its calls in turn: each call's plan read with the
 * function's parameters bound to that call's arguments alone (`read`), their epochs and steps added, the first
 * call's batch, samples and precision kept (a note says where a later call's differ). The plan as it was when no
 * function is called so, or when a call's training figures do not come from the function's own lines.
 */
export function planOfCallsInTurn(plan: TrainingPlan, body: Statement[], text: string, read: (only: OnlyCall) => TrainingPlan): TrainingPlan {
  for (const { fn, calls, another, ownNetwork } of functionsCalledInTurn(body, text)) {
    const plans = calls.map((call) => read({ fn, call }));
    const epochs = plans.map((p) => (within(p.epochs, fn) ? p.epochs : undefined));
    const steps = plans.map((p) => (within(p.steps, fn) || (p.steps && within(p.epochs, fn)) ? p.steps : undefined));
    // One call left (the next trains another network): its own figures, not a sum of one.
    const over = (figures: (PlanFigure | undefined)[]) => (calls.length === 1 ? figures[0] : figureOverCalls(figures, calls, figures[0]?.line ?? calls[0].pos.line, fn.name));
    const totalEpochs = over(epochs);
    const totalSteps = over(steps);
    if (!totalEpochs && !totalSteps) continue;
    const first = plans[0];
    const notes = [...(first.notes ?? [])];
    const differs = (figure: (p: TrainingPlan) => number | string | undefined, what: string) => {
      const later = plans.slice(1).map(figure).filter((v) => v !== undefined && v !== figure(first));
      if (later.length > 0) notes.push(`${what}: the first of the ${calls.length} calls of ${fn.name} in turn has ${figure(first) ?? "none read"}, a later one ${later.join(", ")}; the plan takes the first's`);
    };
    if (another && ownNetwork) notes.push(`${fn.name} builds the network it trains (${ownNetwork}) on each call: its later calls (from line ${another.pos.line}) train other networks, not counted`);
    else if (another) notes.push(`the call of ${fn.name} (line ${another.pos.line}) passes a network bound afresh after the call before it (line ${calls[calls.length - 1]!.pos.line}): another network's training, not counted`);
    differs((p) => p.batch?.value, "batch");
    differs((p) => p.precision?.value, "precision");
    const result: TrainingPlan = { ...first, ...(notes.length > 0 ? { notes } : {}) };
    if (totalEpochs) result.epochs = totalEpochs;
    else delete result.epochs;
    if (totalSteps) result.steps = totalSteps;
    // Epochs added without steps: a call whose steps are known only as a figure of its own would mislead.
    else if (plans.some((p) => p.steps)) delete result.steps;
    return result;
  }
  return plan;
}
