// An update method that loops over its own optimizer steps a number of times its parameter sets: DQN agents'
// `def train(self, batch_size=128, epochs=1): ... for epoch in range(epochs): loss.backward(); optimizer.step()`.
// `range(1)` runs its body once, so a call that leaves the count at 1 (the default, or an argument of 1) backpropagates
// and steps once, as a body with no loop would; a call that passes another count takes that many steps.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { trainingWork } from "./loop-shape";

/** Whether one call of `method` (a bound method: `self` first) takes one optimizer step: the body's only stepping
 *  loop is `for ... in range(count)` over a parameter that the call (`call`) leaves at, or sets to, 1. */
export function steppingOnceThroughSinglePass(method: FunctionDefinition, call: Extract<Expression, { type: "call" }>): boolean {
  const loops: Extract<Statement, { type: "for" | "while" }>[] = [];
  forEachStatement(method.body, ({ statement: s }) => {
    if ((s.type === "for" || s.type === "while") && trainingWork(s.body).stepsOnce) loops.push(s);
  }, [], () => false);
  if (loops.length !== 1) return false;
  const loop = loops[0];
  // Nothing outside the loop steps, and the loop holds the backward pass (one step per pass).
  const outside = method.body.filter((s) => s !== loop);
  const work = trainingWork(outside);
  if (work.stepsOnce || work.stepLoop || !trainingWork(loop.body).backward || trainingWork(loop.body).stepLoop) return false;
  if (loop.type !== "for" || loop.iter.type !== "call" || loop.iter.func.type !== "name" || loop.iter.func.id !== "range" || loop.iter.args.length !== 1) return false;
  const count = loop.iter.args[0].value;
  if (count.type !== "name") return false;
  // Parameters after `self`, as a method call passes them.
  const params = method.params.slice(1);
  const index = params.findIndex((p) => p.name === count.id && p.kind === "normal");
  if (index < 0 || reassigned(method.body, count.id)) return false;
  // A `*args` or `**kwargs` of the call may carry the count: then it is not known to be the default.
  if (call.args.some((a) => a.kind === "star" || a.kind === "doublestar")) return false;
  const given = keywordArgument(call, count.id) ?? positionalArgument(call, index) ?? params[index].default;
  return given?.type === "int" && given.value === 1;
}

/** Whether the body rebinds a name (then the loop's count is not the parameter's). */
function reassigned(body: Statement[], name: string): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    if ((s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name)) || (s.type === "augmented" && s.target.type === "name" && s.target.id === name)) found = true;
  }, [], () => false);
  return found;
}
