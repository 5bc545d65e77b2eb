// An epoch loop written as a `while`: `epoch = start; while epoch < N: train(...); epoch += 1` (or `<= N`, or a
// counter of the object, `while self.epoch < self.max_epochs:`). Python runs its body once for each value of the
// counter from its start while the test holds, so it runs N - start times (N - start + 1 for `<=`) when the body adds
// one to the counter on every pass, at its own level (an increment inside an `if` or a nested loop may not run once
// per pass, and then the count is not the code's).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { dottedName, forEachStatement } from "../python/syntax-walk";

type WhileLoop = Extract<Statement, { type: "while" }>;

/** The counter and bound of a `while counter < bound:` loop whose body adds one to the counter on every pass. */
export interface CountedWhile {
  counter: Expression;
  bound: Expression;
  /** `<=`: the bound itself is one more pass. */
  inclusive: boolean;
}

/** A `while` loop that counts its passes with a counter it increments by one at its own level, or undefined. */
export function countedWhile(loop: WhileLoop): CountedWhile | undefined {
  // `while epoch < N and not done:`: another condition joined by `and` can only end the loop sooner, so the counter's
  // bound is the most passes it makes, as an early stop's `break` leaves the stated count the bound.
  const test = counterTest(loop.test);
  if (!test || test.type !== "compare" || test.ops.length !== 1 || (test.ops[0] !== "<" && test.ops[0] !== "<=")) return undefined;
  const name = dottedName(test.left);
  if (name === undefined) return undefined;
  const increments = loop.body.filter((s) => addsOne(s, name));
  // Exactly one increment per pass; a `continue` before it could skip it.
  if (increments.length !== 1 || loop.body.some((s) => s.type === "continue")) return undefined;
  return { counter: test.left, bound: test.comparators[0], inclusive: test.ops[0] === "<=" };
}

/** The one comparison of a counter among the conditions an `and` joins (or the test itself when it is no `and`). */
function counterTest(test: Expression): Expression | undefined {
  if (test.type !== "boolean") return test;
  if (test.op !== "and") return undefined;
  const conjuncts: Expression[] = [];
  const gather = (e: Expression): void => {
    if (e.type === "boolean" && e.op === "and") {
      gather(e.left);
      gather(e.right);
    } else conjuncts.push(e);
  };
  gather(test);
  const compares = conjuncts.filter((c) => c.type === "compare" && c.ops.length === 1 && (c.ops[0] === "<" || c.ops[0] === "<=") && dottedName(c.left) !== undefined);
  return compares.length === 1 ? compares[0] : undefined;
}

/** Whether a statement is `name += 1` or `name = name + 1`. */
export function addsOne(s: Statement, name: string): boolean {
  const one = (e: Expression) => e.type === "int" && e.value === 1;
  if (s.type === "augmented") return s.op === "+" && dottedName(s.target) === name && one(s.value);
  if (s.type !== "assign" || s.targets.length !== 1 || dottedName(s.targets[0]) !== name) return false;
  const v = s.value;
  return v.type === "binary" && v.op === "+" && ((dottedName(v.left) === name && one(v.right)) || (dottedName(v.right) === name && one(v.left)));
}

/**
 * Where the counter starts: the value of its last assignment before the loop on the way down (`epoch = args.start`),
 * to be worked out at the loop; else, for an attribute of the method's object (`self.epoch`), the whole number the
 * object's `__init__` sets (`self.epoch = 0`), as the run trains a fresh object; else undefined (read the counter
 * itself at the loop).
 */
export function counterStart(counter: Expression, before: Statement[], init: FunctionDefinition | undefined): Expression | undefined {
  const name = dottedName(counter);
  const assigned = [...before].reverse().find((s) => s.type === "assign" && s.targets.length === 1 && dottedName(s.targets[0]) === name);
  if (assigned?.type === "assign") return assigned.value;
  const self = init?.params[0]?.name;
  if (!init || !self || counter.type !== "attribute" || counter.object.type !== "name") return undefined;
  const set = init.body.find((s) => s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "attribute" && s.targets[0].name === counter.name && s.targets[0].object.type === "name" && s.targets[0].object.id === self);
  return set?.type === "assign" && set.value.type === "int" ? set.value : undefined;
}

/**
 * The statements a loop's counter may be bound by before the loop: in a function, those on its way down; at module
 * level, where the namespace holds each name as it is after the whole file ran (the loop's own passes included), the
 * module's assignments that end before the loop, outside functions and classes, in source order.
 */
export function bindingsBefore(site: { loop: Statement; context: { fn?: FunctionDefinition; before: Statement[] } }, body: Statement[]): Statement[] {
  if (site.context.fn) return site.context.before;
  const out: Statement[] = [];
  forEachStatement(body, ({ statement, ancestors }) => {
    if (statement.type === "assign" && statement.pos.endIndex <= site.loop.pos.startIndex && !ancestors.some((a) => a.type === "class")) out.push(statement);
  }, [], () => false);
  return out;
}

