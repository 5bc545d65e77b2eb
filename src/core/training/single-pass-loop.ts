// An update method that loops over its own optimizer steps a number of times its parameters or literals set: DQN
// agents' `def train(self, batch_size=128, epochs=1): ... for epoch in range(epochs): loss.backward(); opt.step()`,
// PPO's `def train(self, epochs=8): ... for _ in range(epochs): ... step()` over the rollout it gathered. Python runs
// `range(n)` n times, so one call takes the product of the counts of the loops around its one step: 1 for a call that
// leaves the DQN default, 8 for the PPO update. A loop whose variable the body reads (`for k in range(8):
// loss(states[:, k])`) walks parts of the data; one that only repeats (`for _ in range(epochs)`) takes all of it each pass.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, keywordArgument, ownExpressions, positionalArgument } from "../python/syntax-walk";
import { trainingWork } from "./loop-shape";

/** Loops nested around the step, at most. */
const MAX_DEPTH = 3;

/** The optimizer steps one call of an update method takes, and whether each step sees all the data the call has. */
export interface StepsPerCall {
  steps: number;
  /** Every loop around the step only repeats (its variable unread): each step takes the call's whole data. */
  whole: boolean;
}

/** The steps one call of `method` (a bound method: `self` first) takes when its only steps sit in counted `range`
 *  loops (counts that are literals, or parameters the call `call` gives or leaves at their literal defaults); undefined
 *  for any other method. */
export function stepsPerCall(method: FunctionDefinition, call: Extract<Expression, { type: "call" }>): StepsPerCall | undefined {
  // A `*args` or `**kwargs` of the call may carry a count: then the defaults are not known to hold.
  if (call.args.some((a) => a.kind === "star" || a.kind === "doublestar")) return undefined;
  const params = method.params.slice(1);
  const countOf = (e: Expression): number | undefined => {
    if (e.type === "int") return e.value;
    if (e.type !== "name") return undefined;
    const index = params.findIndex((p) => p.name === e.id && p.kind === "normal");
    if (index < 0 || rebinds(method.body, e.id)) return undefined;
    const given = keywordArgument(call, e.id) ?? positionalArgument(call, index) ?? params[index].default;
    return given?.type === "int" ? given.value : undefined;
  };
  let steps = 1;
  let whole = true;
  let body = method.body;
  for (let depth = 0; ; depth++) {
    const work = trainingWork(body);
    if (!work.stepLoop) return work.stepsOnce && work.backward && depth > 0 ? { steps, whole } : undefined;
    if (work.stepsOnce || depth >= MAX_DEPTH) return undefined;
    // The one loop of this block that steps; nothing else in the block may step.
    const stepping = body.filter((s): s is Extract<Statement, { type: "for" | "while" }> => (s.type === "for" || s.type === "while") && (trainingWork(s.body).stepsOnce || trainingWork(s.body).stepLoop));
    const rest = trainingWork(body.filter((s) => s !== stepping[0]));
    if (stepping.length !== 1 || rest.stepLoop || rest.stepsOnce) return undefined;
    const loop = stepping[0];
    if (loop.type !== "for" || loop.orelse.length > 0 || loop.body.some((s) => s.type === "break" || s.type === "continue")) return undefined;
    const iter = loop.iter;
    if (iter.type !== "call" || iter.func.type !== "name" || iter.func.id !== "range" || iter.args.length !== 1 || iter.args[0].kind !== "positional") return undefined;
    const count = countOf(iter.args[0].value);
    if (count === undefined || count < 1) return undefined;
    steps *= count;
    if (loop.target.type !== "name" || readsName(loop.body, loop.target.id)) whole = false;
    body = loop.body;
  }
}

/** Whether one call of `method` takes one optimizer step through its counted loops (`range(epochs)` left at 1). */
export function steppingOnceThroughSinglePass(method: FunctionDefinition, call: Extract<Expression, { type: "call" }>): boolean {
  return stepsPerCall(method, call)?.steps === 1;
}

/** Whether the body rebinds a name (then a loop's count is not the parameter's). */
function rebinds(body: Statement[], name: string): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    if ((s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name)) || (s.type === "augmented" && s.target.type === "name" && s.target.id === name)) found = true;
  }, [], () => false);
  return found;
}

/** Whether a block reads a name anywhere in its expressions. */
function readsName(body: Statement[], name: string): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    for (const e of ownExpressions(s)) forEachExpression(e, (x) => {
      if (x.type === "name" && x.id === name) found = true;
    });
  }, [], () => false);
  return found;
}
