// Learn-every-N where the gate is not beside the loop's index: `for t in range(start, total):` (a range that does not
// start at zero) stepping under `if t > learn_start and t % train_freq == 0: self.learn()`, and the DQN agents of
// TF1-era code that loop `for self.step in range(start_step, max_step):` and call `self.observe(...)`, whose body
// learns only under `if self.step > self.learn_start: if self.step % self.train_frequency == 0:`. Python runs the
// method on the loop's own object, so its `self.step` is the loop's index and its tests gate the loop's steps: the
// optimizer steps are the passes the tests let through, not every pass (issue 21).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { callsIn, childBodies, dottedName, type CallExpression } from "../python/syntax-walk";
import { gatePasses, testsOnTheWay, type GatedPasses } from "./gated-passes";

/** A backward pass or TensorFlow update written in the loop (`loss.backward()`, `opt.apply_gradients(...)`): a
 *  statement outside the gate with one accumulates. */
const isBackwardCall = (c: CallExpression) => c.func.type === "attribute" && (c.func.name === "backward" || c.func.name === "apply_gradients");

/**
 * The passes of `for i in range(a, b)` (the index a name or an attribute, `for self.t in ...`) that take its one
 * optimizer step, when the statement that steps sits under `if`s whose parts read the index (periods and starts, as
 * gated-passes.ts reads them), in the loop's body or in the method of the loop's own object that the statement calls
 * (`self.observe(...)`, found by `method`). `steps` says which calls take a step. Undefined when no such test gates the
 * step, when more than one statement steps, or when a backward pass outside the gate makes it gradient accumulation.
 */
export function calledGatePasses(
  loop: Extract<Statement, { type: "for" }>,
  iterable: Expression,
  self: string | undefined,
  steps: (c: CallExpression) => boolean,
  method: (name: string) => FunctionDefinition | undefined,
  evaluate: (e: Expression) => Value | undefined,
  text: string,
): GatedPasses | undefined {
  const index = dottedName(loop.target);
  if (index === undefined) return undefined;
  const stepping = steppingStatements(loop.body, steps);
  if (stepping.length !== 1) return undefined;
  const [statement] = stepping;
  const tests = testsOnTheWay(loop.body, statement);
  if (!tests) return undefined;
  // A backward pass of the loop outside the gated statement: the gate times an accumulated step, not a learn-every-N.
  const outside = loop.body.filter((s) => !(s.pos.startIndex <= statement.pos.startIndex && statement.pos.endIndex <= s.pos.endIndex));
  if (outside.some((s) => callsIn(s, true).some(isBackwardCall))) return undefined;
  const inner = self !== undefined && index.startsWith(`${self}.`) ? methodTests(statement, self, steps, method) : undefined;
  if (inner === undefined && tests.length === 0) return undefined;
  return gatePasses(evaluate(iterable), [...tests, ...(inner ?? [])], index, evaluate, text);
}

/** The statements of a body (inside `if`/`with`/`try`, not nested loops or definitions) whose own calls take a step. */
function steppingStatements(body: Statement[], steps: (c: CallExpression) => boolean): Statement[] {
  const out: Statement[] = [];
  for (const s of body) {
    if (s.type === "if" || s.type === "with" || s.type === "try") out.push(...childBodies(s).flatMap((b) => steppingStatements(b, steps)));
    else if (s.type !== "for" && s.type !== "while" && s.type !== "function" && s.type !== "class" && callsIn(s, false).some(steps)) out.push(s);
  }
  return out;
}

/** The tests in the method that `statement` calls on `self` (`self.observe(...)`) on the way to its one stepping
 *  statement, when the method names its own object as the caller does; undefined otherwise. */
function methodTests(statement: Statement, self: string, steps: (c: CallExpression) => boolean, method: (name: string) => FunctionDefinition | undefined): Expression[] | undefined {
  const call = callsIn(statement, false).find((c) => steps(c) && c.func.type === "attribute" && c.func.object.type === "name" && c.func.object.id === self);
  const definition = call?.func.type === "attribute" ? method(call.func.name) : undefined;
  if (!definition || definition.params[0]?.name !== self) return undefined;
  const inner = steppingStatements(definition.body, steps);
  if (inner.length !== 1) return undefined;
  const tests = testsOnTheWay(definition.body, inner[0]);
  return tests && tests.length > 0 ? tests : undefined;
}

/** The functions a body defines, at its top level and in its classes, by name (the first of each name). */
export function definitionsByName(body: Statement[]): (name: string) => FunctionDefinition | undefined {
  const found = new Map<string, FunctionDefinition>();
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (s.type === "function" && !found.has(s.name)) found.set(s.name, s);
      else if (s.type === "class") visit(s.body);
    }
  };
  visit(body);
  return (name) => found.get(name);
}
