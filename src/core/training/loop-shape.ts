// What a loop does for training, read from its syntax: whether each iteration is an optimizer step (a step loop),
// one micro-batch of gradient accumulation (a loop of backward passes inside a step loop), every how many
// iterations the optimizer steps (`if (i + 1) % A == 0: optimizer.step()`), and where a `break` ends it.
import type { Expression, Statement } from "../python/ast";
import { attributeChain, boundNames, callsIn, childBodies, forEachExpression, forEachStatement, namesIn, positionalArgument, targetNames as namesBound, type CallExpression } from "../python/syntax-walk";
import { updatesFromTape } from "./tape-updates";
import { stridedBreak } from "./strided-counter-break";
import { updatesTensorFromGradient } from "./gradient-updates";
import { skippedEvery, type SkippedEvery } from "./skipped-passes";

export type LoopStatement = Extract<Statement, { type: "for" | "while" }>;

export interface LoopShape {
  /** Each iteration steps the optimizer (directly, not in a nested loop) after backward passes in it. */
  stepLoop: boolean;
  /** Backward passes without an optimizer step: inside a step loop, its iterations are accumulated micro-batches. */
  backwardOnly: boolean;
  /** The optimizer steps only when `... % A == 0` holds: A, the micro-batches per step. */
  stepEvery?: Expression;
  /** That gate holds every backward pass of the loop too (`if t % 4 == 0:` then sample, backward, step: DQN's train
   *  frequency): the passes between steps run no backward, so they are a cadence, not accumulated micro-batches. */
  gatedBackward?: true;
  /**
   * `if x >= N: break` or `if x > N: break` among the loop's own statements: the loop's steps are N + extra. For the
   * loop's own index (`for i in range(...)`, `enumerate`), the check before the step leaves N (`>=`) or N + 1 (`>`)
   * steps, after the step one more; for a counter the body increments first (`step += 1`), one fewer when the check
   * comes before the step. `counter` names such a counter: set outside an enclosing epoch loop, it caps the whole run.
   * `at` is where the breaking `if` starts, so a call in the body can be placed before or after it.
   */
  breakAt?: { bound: Expression; extra: number; counter?: string; afterStep: boolean; perStep?: boolean; at: number; strided?: { by: Expression; strict: boolean } };
  /** The step runs only once the loop's index passes L (`if global_step > learning_starts:`): the first stepping
   *  index is L + 1 (`>`) or L (`>=`). */
  stepFrom?: { bound: Expression; inclusive: boolean };
  /** The `if` (no else) among the loop's own statements that holds every step it takes: a gate whose test may read a
   *  counter other than the loop's index (`if agent.pointer > MEMORY_CAPACITY:`, counter-gate.ts). */
  stepGate?: Extract<Statement, { type: "if" }>;
  /** Backward at every iteration, the step only under `if is_last:` (a name the loop binds that says last): one
   *  optimizer step per pass over the loop, which is then a micro-batch loop of the loop around it. */
  stepsPerPass?: boolean;
  /** The step only where the loop's index is no multiple of K (the `else` of `if i % K == 0:`, an evaluation in its
   *  place): K - 1 passes in K step (skipped-passes.ts). */
  skipEvery?: SkippedEvery;
}

/** TensorFlow's and Keras' own training steps, each a backward pass and an update in one call: an optimizer's
 *  `apply_gradients(zip(grads, vars))` after `tape.gradient(...)` (tensorflow.org/guide/autodiff, custom training
 *  loops), and `model.train_on_batch(x, y)`, "a single gradient update on a single batch" (keras.io Model API). */
const isTensorFlowStep = (c: CallExpression) => c.func.type === "attribute" && (c.func.name === "apply_gradients" || c.func.name === "train_on_batch");
const isBackwardCall = (c: CallExpression) => c.func.type === "attribute" && (c.func.name === "backward" || isTensorFlowStep(c));
/** `optimizer.step()`, `scaler.step(optimizer)`, `accelerator`-wrapped optimizers: any `.step(...)` call, but an
 *  environment's (`obs, reward, done, info = env.step(action)`: gym's step returns a tuple to unpack; an optimizer's
 *  returns None, or the closure's loss). The test holds for calls inside `body`. */
function optimizerSteps(body: Statement[]): (c: CallExpression) => boolean {
  // Read once per loop from its own body, so the core keeps no state between calls; definitions are not entered,
  // as the calls tested below never come from them (callsIn leaves them out).
  const unpacked = new Set<CallExpression>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "step" && s.targets.some((t) => t.type === "tuple" || t.type === "list")) unpacked.add(s.value);
  }, [], () => false);
  return (c) => (c.func.type === "attribute" && c.func.name === "step" && !unpacked.has(c)) || isTensorFlowStep(c);
}

/** The shape of a `for` or `while` loop's body. `stepping` says which calls run a training step themselves (a
 *  method that backpropagates and steps the optimizer: `algorithm.update(batch)`, `self.forward_backward(data)`): the
 *  loop treats them as its own backward pass and step. `backpropagating` says which run only the backward pass. */
export function loopShape(loop: LoopStatement, stepping?: (c: CallExpression) => boolean, backpropagating?: (c: CallExpression) => boolean): LoopShape {
  const syntacticStep = optimizerSteps(loop.body);
  const isStep = stepping ? (c: CallExpression) => syntacticStep(c) || stepping(c) : syntacticStep;
  // A call of a function that runs backward and leaves the step to this loop is the pass's backward (stepping-calls.ts).
  const isBackward = stepping || backpropagating ? (c: CallExpression) => isBackwardCall(c) || Boolean(stepping?.(c)) || Boolean(backpropagating?.(c)) : isBackwardCall;
  const direct = ownCalls(loop.body);
  const inner = innerLoops(loop.body);
  const everywhere = loop.body.flatMap((s) => callsIn(s, true));
  // An inner loop that steps once per pass (`if is_last: optimizer.step()`) is one step of this loop.
  const passSteps = inner.filter((l) => stepsOncePerPass(l, isStep));
  // A tape's gradients assigned into the variables by hand (`p.assign_sub(lr * g)`) are the pass's step (tape-updates.ts).
  const byHand = updatesFromTape(loop.body, ownStatements(loop.body));
  // Parameters moved by their `.grad` after a backward pass of this loop (`for p in parameters: p.data += -lr * p.grad`,
  // gradient-updates.ts) are the pass's step, as `optimizer.step()` would be.
  const byGradient = direct.some((c) => isBackwardCall(c) || Boolean(backpropagating?.(c))) && updatesParametersByHand(loop.body, inner);
  const steps = direct.some(isStep) || passSteps.length > 0 || byHand || byGradient;
  // Backward in the loop itself, or in an inner loop that never steps (PaLM's `for _ in range(accumulate): backward`).
  const backward = direct.some(isBackward) || passSteps.length > 0 || byHand || inner.some((l) => { const calls = l.body.flatMap((s) => callsIn(s, true)); return calls.some(isBackward) && !calls.some(isStep); });
  if (stepsOncePerPass(loop, isStep)) return { stepLoop: false, backwardOnly: true, stepsPerPass: true };
  const shape: LoopShape = { stepLoop: steps && backward, backwardOnly: everywhere.some(isBackward) && !everywhere.some(isStep) };
  // `is_accumulating = (i + 1) % A != 0` then `if not is_accumulating: optimizer.step()` (TinyLlama, lit-gpt).
  const named = new Map<string, Expression>();
  for (const s of ownStatements(loop.body)) if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name") named.set(s.targets[0].id, s.value);
  const periodic = new Set<Statement>();
  const own = ownStatements(loop.body);
  const firstStep = own.findIndex((s) => s.type !== "if" && callsIn(s, false).some(isStep));
  const indexNames = loopIndexNames(loop);
  for (const [at, s] of own.entries()) {
    if (s.type !== "if") continue;
    // Each part of `a and b` must hold for the body to run (`if t > learning_starts and t % train_freq == 0:`), so
    // each is a gate of its own; the else branch of an `and` runs when any part fails, which no one gate says.
    const parts = conjuncts(s.test);
    const every = (ownCalls(s.body).some(isStep) ? parts.map((p) => stepEvery(p, false, named)).find((e) => e !== undefined) : undefined) ?? (ownCalls(s.orelse).some(isStep) && parts.length === 1 ? stepEvery(s.test, true, named) : undefined);
    if (every) {
      shape.stepEvery ??= every;
      periodic.add(s);
    }
    const skip = !every && parts.length === 1 ? skippedEvery(s.test, ownCalls(s.body).some(isStep), ownCalls(s.orelse).some(isStep), indexNames) : undefined;
    if (skip && !own.some((x) => x !== s && !contains(s, x) && !contains(x, s) && callsIn(x, false).some(isStep))) shape.skipEvery ??= skip;
    const from = parts.map((p) => lowerBound(p, indexNames)).find((f) => f !== undefined);
    const holdsEveryStep = s.orelse.length === 0 && s.body.some((b) => callsIn(b, true).some(isStep)) && !own.some((x) => x !== s && !contains(s, x) && !contains(x, s) && callsIn(x, false).some(isStep));
    if (from && !shape.stepFrom && holdsEveryStep) shape.stepFrom = from;
    if (holdsEveryStep && !shape.stepGate && own.includes(s) && !own.some((x) => x !== s && x.type === "if" && contains(x, s))) shape.stepGate = s;
    const bound = upperBound(s.test);
    if (bound && endsLoop(s.body) && !shape.breakAt) {
      const tested = bound.tested;
      const afterStep = firstStep >= 0 && firstStep < at;
      const increments = (x: Statement) => x.type === "augmented" && x.op === "+" && x.target.type === "name" && x.target.id === tested;
      const increment = tested !== undefined ? own.slice(0, at).find(increments) : undefined;
      // A counter the body increments after the check (`iteration += 1` at the end of a `while True`) runs as the
      // loop's own index does.
      const indexLike = tested !== undefined && (indexNames.has(tested) || own.slice(at + 1).some(increments));
      // An epoch number the body reads from elsewhere each time (`present_epoch = int(iterator.epoch)`, torchtext's
      // iterator counting its passes) bounds epochs, not this loop's steps.
      const read = tested !== undefined && !indexLike && !increment ? named.get(tested) : undefined;
      const readElsewhere = read !== undefined && ![...namesIn([read], new Set())].some((n) => n === tested || indexNames.has(n));
      if (readElsewhere && /epoch/i.test(tested!)) continue;
      // A name the loop never sets (`if epoch == max_epoch: exit(0)` on the count of an enclosing loop) holds one
      // value through the pass: the check ends the pass at once or never, so it counts no steps of this loop.
      if (tested !== undefined && !indexLike && !increment && !named.has(tested) && !assignedIn(loop, tested)) continue;
      // A figure the pass computes from its data (`_, _, _, reward_mean = filter_batch(batch)`; `if reward_mean >
      // 475: break`, a cross-entropy agent's stop once solved) ends the loop when training succeeds, not after a count.
      if (tested !== undefined && !indexLike && !increment && measuredInPass(loop.body, tested, indexNames)) continue;
      if (indexLike && !increment) shape.breakAt = { bound: bound.bound, extra: bound.extra + (afterStep ? 1 : 0), afterStep, at: s.pos.startIndex };
      else if (increment) {
        // A counter incremented only where the optimizer steps (`if is_update_step: global_step += 1`) counts steps,
        // not micro-batches (nanoVLM).
        const gates = own.filter((x): x is Extract<Statement, { type: "if" }> => x.type === "if" && x !== s && contains(x, increment) && (stepEvery(x.test, false, named) !== undefined || stepEvery(x.test, true, named) !== undefined));
        const perStep = gates.some((x) => [...x.body, ...x.orelse].some((b) => callsIn(b, true).some(isStep)));
        // One incremented only under a periodic gate that holds no step while the loop steps outside it
        // (`if train_iter % valid_niter == 0: ... num_trial += 1`) counts validations, not steps: its bound stops the
        // run after some number of steps the code does not say.
        if (gates.length > 0 && !perStep && steps) continue;
        // One incremented only under a test of what the pass met (`if reward < 0: negative_reward_counter += 1` of a
        // driving agent's episode) counts those events, not passes, where no such test holds a step: its bound ends
        // the loop after a number of passes the code does not say.
        if (gates.length === 0 && own.some((x) => x.type === "if" && x !== s && contains(x, increment)) && !own.some((x) => x.type === "if" && x !== s && contains(x, increment) && [...x.body, ...x.orelse].some((b) => callsIn(b, true).some(isStep)))) continue;
        // `step += batch_size` counts examples: the bound is reached after fewer passes (strided-counter-break.ts).
        const strided = increment.type === "augmented" ? stridedBreak(s.test, increment.value) : undefined;
        shape.breakAt = { bound: bound.bound, extra: bound.extra - (afterStep ? 0 : 1), counter: tested, afterStep, ...(perStep ? { perStep } : {}), at: s.pos.startIndex, ...(strided ? { strided } : {}) };
      } else shape.breakAt = { bound: bound.bound, extra: bound.extra, afterStep, at: s.pos.startIndex };
    }
  }
  // A step at every iteration besides the periodic one (stylegan2's lazy regularization every 16): the loop counts steps.
  if (shape.stepEvery && ownStatements(loop.body, periodic).some((s) => callsIn(s, false).some(isStep))) delete shape.stepEvery;
  const inPeriodic = (c: CallExpression) => [...periodic].some((g) => g.pos.startIndex <= c.pos.startIndex && c.pos.endIndex <= g.pos.endIndex);
  if (shape.stepEvery && everywhere.filter(isBackward).every(inPeriodic)) shape.gatedBackward = true;
  return shape;
}

/** Whether a loop's target or any statement of its body (definitions left out) binds `name`. */
function assignedIn(loop: LoopStatement, name: string): boolean {
  if (loop.type === "for" && namesBound(loop.target).includes(name)) return true;
  let found = false;
  forEachStatement(loop.body, ({ statement }) => {
    if (!found && (boundNames(statement).includes(name) || (statement.type === "for" && namesBound(statement.target).includes(name)) || (statement.type === "with" && statement.items.some((i) => i.target !== undefined && namesBound(i.target).includes(name))))) found = true;
  }, [], () => false);
  return found;
}

/** The parts of a test that must all hold: `a and b and c` gives a, b, c; any other test is its own one part. */
export function conjuncts(test: Expression): Expression[] {
  return test.type === "boolean" && test.op === "and" ? [...conjuncts(test.left), ...conjuncts(test.right)] : [test];
}

/** `if i > L:` / `if i >= L:` (or `L < i`) on the loop's own index: the first index that passes. */
function lowerBound(test: Expression, indexNames: ReadonlySet<string>): LoopShape["stepFrom"] {
  if (test.type !== "compare" || test.ops.length !== 1) return undefined;
  const [op, left, right] = [test.ops[0], test.left, test.comparators[0]];
  const index = (e: Expression) => e.type === "name" && indexNames.has(e.id);
  if (index(left) && (op === ">" || op === ">=")) return { bound: right, inclusive: op === ">=" };
  if (index(right) && (op === "<" || op === "<=")) return { bound: left, inclusive: op === "<=" };
  return undefined;
}

/** Names a `for` loop's target binds (`loss, aux, is_last`). */
function targetNames(loop: LoopStatement): string[] {
  if (loop.type !== "for") return [];
  const t = loop.target;
  const items = t.type === "tuple" || t.type === "list" ? t.items : [t];
  return items.flatMap((i) => (i.type === "name" ? [i.id] : []));
}

/** A loop that runs backward at every iteration and steps only under `if <name>:`, a name its target binds that says
 *  the iteration is the last (`for loss, is_last in model(batch): loss.backward(); if is_last: optim.step()`). */
function stepsOncePerPass(loop: LoopStatement, isStep: (c: CallExpression) => boolean): boolean {
  const last = targetNames(loop).filter((n) => /(^|_)last$/i.test(n));
  if (last.length === 0) return false;
  const own = ownStatements(loop.body);
  const gates = own.filter((s): s is Extract<Statement, { type: "if" }> => s.type === "if" && s.test.type === "name" && last.includes(s.test.id) && s.orelse.length === 0);
  if (gates.length === 0 || !gates.some((g) => g.body.some((b) => callsIn(b, true).some(isStep)))) return false;
  const outside = ownStatements(loop.body, new Set(gates));
  return outside.some((s) => callsIn(s, false).some(isBackwardCall)) && !outside.some((s) => callsIn(s, false).some(isStep));
}

/** True when a loop runs backward passes anywhere in its body (nested loops included, definitions not): a training
 *  loop, which a script's top level runs many times over without defining anything a model needs. */
export function loopTrains(loop: LoopStatement): boolean {
  return loop.body.some((s) => callsIn(s, true).some(isBackwardCall));
}

/** Statements of a block and of the `if`/`with`/`try` blocks in it: not those of nested loops or definitions, nor the
 *  `skipping` statements and what they hold. */
export function ownStatements(body: Statement[], skipping: ReadonlySet<Statement> = new Set()): Statement[] {
  const out: Statement[] = [];
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (skipping.has(s)) continue;
      out.push(s);
      if (s.type === "if" || s.type === "with" || s.type === "try") for (const b of childBodies(s)) visit(b);
      // `for optimizer in optimizers: optimizer.step()` is one step of the loop around it, each optimizer stepped once
      else if (stepsEach(s)) visit(s.body);
    }
  };
  visit(body);
  return out;
}

/** A loop over several optimizers that only steps (or zeroes) each: `for opt in optimizers: opt.step()`. */
function stepsEach(s: Statement): s is Extract<Statement, { type: "for" }> {
  if (s.type !== "for" || s.target.type !== "name" || s.orelse.length > 0 || s.body.length === 0) return false;
  const target = s.target.id;
  return s.body.every((b) => b.type === "expression" && b.value.type === "call" && b.value.func.type === "attribute"
    && (b.value.func.name === "step" || b.value.func.name === "zero_grad")
    && b.value.func.object.type === "name" && b.value.func.object.id === target);
}

/** The calls a loop body makes itself, outside its inner loops and definitions. */
export function ownCalls(body: Statement[]): CallExpression[] {
  return ownStatements(body).flatMap((s) => callsIn(s, false));
}

/** Whether a block backpropagates and steps the optimizer itself, outside any loop of its own (a function body such as
 *  `def train(): loss.backward(); optimizer.step()`, or a tape's gradients assigned by hand): each time it runs is one
 *  optimizer step. */
export function stepsOnceInBody(body: Statement[]): boolean {
  const isStep = optimizerSteps(body);
  const calls = ownCalls(body);
  if (calls.some(isStep) && calls.some(isBackwardCall)) return true;
  // A tape's gradients, taken outside any loop, moved into the variables by hand (`w.assign_sub(lr * dw)`): one
  // update of them all a call, so one step (tape-updates.ts), as a loop's own statements count it above.
  return updatesFromTape(body, ownStatements(body));
}

/** What a function body does toward a training step: an optimizer step outside any loop of its own, backward passes
 *  anywhere in it (a loop of micro-batches included), and a loop that steps the optimizer (then each call takes many
 *  steps, not one). */
export function trainingWork(body: Statement[]): { stepsOnce: boolean; backward: boolean; stepLoop: boolean } {
  const isStep = optimizerSteps(body);
  let stepLoop = false;
  forEachStatement(body, ({ statement: s }) => {
    if (!stepLoop && (s.type === "for" || s.type === "while") && loopShape(s).stepLoop) stepLoop = true;
  }, [], () => false);
  return { stepsOnce: ownCalls(body).some(isStep), backward: body.some((s) => callsIn(s, true).some(isBackwardCall)), stepLoop };
}

/** The loops nested in a block, outside nested loops and definitions. */
/** Whether a loop's own statements, or an inner loop over the parameters that holds no backward pass nor loop of its
 *  own (`for p in parameters:`), move tensors by their gradients. */
function updatesParametersByHand(body: Statement[], inner: readonly LoopStatement[]): boolean {
  const parameterLoops = inner.filter((l) => l.type === "for" && innerLoops(l.body).length === 0 && !l.body.some((s) => callsIn(s, true).some(isBackwardCall)));
  return [...ownStatements(body), ...parameterLoops.flatMap((l) => ownStatements(l.body))].some(updatesTensorFromGradient);
}

function innerLoops(body: Statement[]): LoopStatement[] {
  return ownStatements(body).filter((s): s is LoopStatement => s.type === "for" || s.type === "while");
}

/** A when the test holds once every A iterations: `x % A == 0`, `not (x % A != 0)`, or a name assigned such a test in
 *  the loop; `negated` for the `else` branch. */
function stepEvery(test: Expression, negated: boolean, named: ReadonlyMap<string, Expression>, depth = 0): Expression | undefined {
  if (depth > 4) return undefined;
  if (test.type === "unary" && test.op === "not") return stepEvery(test.operand, !negated, named, depth + 1);
  if (test.type === "name" && named.has(test.id)) return stepEvery(named.get(test.id)!, negated, named, depth + 1);
  return moduloZero(test, negated ? "!=" : "==");
}

/** A in `x % A == 0` (or `0 == x % A`; `op` "!=" for the negated form). */
export function moduloZero(test: Expression, op: "==" | "!="): Expression | undefined {
  if (test.type !== "compare" || test.ops.length !== 1 || test.ops[0] !== op) return undefined;
  const [a, b] = [test.left, test.comparators[0]];
  const zero = (e: Expression) => e.type === "int" && e.value === 0;
  const modulo = zero(b) ? a : zero(a) ? b : undefined;
  return modulo?.type === "binary" && modulo.op === "%" ? modulo.right : undefined;
}

/** The names a `for` loop binds to its iteration's index, counting from 0: `i` of `for i in range(n)` and of
 *  `for i, batch in enumerate(loader)`. */
function loopIndexNames(loop: LoopStatement): Set<string> {
  const names = new Set<string>();
  if (loop.type !== "for" || loop.iter.type !== "call" || loop.iter.func.type !== "name") return names;
  const callee = loop.iter.func.id;
  const startsAtZero = (callee === "range" && loop.iter.args.length === 1) || (callee === "enumerate" && loop.iter.args.length === 1);
  if (!startsAtZero) return names;
  const first = loop.target.type === "tuple" || loop.target.type === "list" ? loop.target.items[0] : loop.target;
  if (first?.type === "name" && (callee === "range" || loop.target.type !== "name")) names.add(first.id);
  return names;
}

/** N in `x >= N` (N iterations before the break), `x == N` (the same for a count that rises by one) or `x > N`
 *  (N + 1); `x + k` on the left reaches N k iterations sooner (`if (iteration + 1) == num_iter: break`). */
function upperBound(test: Expression): { bound: Expression; extra: number; tested?: string } | undefined {
  if (test.type !== "compare" || test.ops.length !== 1) return undefined;
  const op = test.ops[0];
  const extra = op === ">=" || op === "==" ? 0 : op === ">" ? 1 : undefined;
  if (extra === undefined) return undefined;
  const left = test.left;
  if (left.type === "name") return { bound: test.comparators[0], extra, tested: left.id };
  if (left.type === "binary" && left.op === "+" && left.left.type === "name" && left.right.type === "int") return { bound: test.comparators[0], extra: extra - left.right.value, tested: left.left.id };
  // `==` on anything else is not a count.
  return op === "==" ? undefined : { bound: test.comparators[0], extra };
}

/** A block that leaves the loop when it runs: it ends in `break`, `return`, or a call that ends the program
 *  (`sys.exit()`, `exit()`, `quit()`, `os._exit(0)`); what comes before it (a log line, a save) still runs. */
function endsLoop(body: Statement[]): boolean {
  const last = body[body.length - 1];
  if (!last) return false;
  if (last.type === "break" || last.type === "return") return true;
  if (last.type !== "expression" || last.value.type !== "call") return false;
  const f = last.value.func;
  const name = f.type === "name" ? f.id : f.type === "attribute" && f.object.type === "name" ? `${f.object.id}.${f.name}` : "";
  return ["exit", "quit", "sys.exit", "os._exit"].includes(name);
}

function contains(outer: Statement, inner: Statement): boolean {
  return outer.pos.startIndex <= inner.pos.startIndex && inner.pos.endIndex <= outer.pos.endIndex;
}

/** Wrappers that walk what they are given item by item: `for i, b in enumerate(iter(tqdm(loader)))` walks `loader`. */
const WALKERS = /^(enumerate|iter|tqdm|(tqdm\.)?tqdm)$/;

/** The name a loop walks, through enumerate(), iter() and tqdm() around it. */
export function walkedName(e: Expression): string | undefined {
  if (e.type === "name") return e.id;
  if (e.type !== "call" || !WALKERS.test(attributeChain(e.func))) return undefined;
  const inner = positionalArgument(e, 0);
  return inner ? walkedName(inner) : undefined;
}

/** Whether every assignment of `name` among the loop's own statements takes a call's result that reads no index of
 *  the loop (a metric of the pass: a reward, a loss), so the name is a measurement, not a count of passes. */
function measuredInPass(body: Statement[], name: string, indexNames: ReadonlySet<string>): boolean {
  const values: Expression[] = [];
  for (const s of ownStatements(body)) {
    if (s.type === "assign" && s.targets.some((t) => namesBound(t).includes(name))) values.push(s.value);
    else if ((s.type === "augmented" || s.type === "annotated") && namesBound(s.target).includes(name)) return false;
  }
  if (values.length === 0) return false;
  return values.every((v) => {
    let call = false;
    let indexed = false;
    forEachExpression(v, (e) => {
      if (e.type === "call") call = true;
      if (e.type === "name" && indexNames.has(e.id)) indexed = true;
    });
    return call && !indexed;
  });
}
