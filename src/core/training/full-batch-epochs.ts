// Full-batch training: an epoch loop that runs backward and steps the optimizer once per pass, with no loop over
// batches inside (`for epoch in range(5000): out = model(x); loss.backward(); optimizer.step()`, or the same in a
// function the loop calls, `for epoch in range(E): train()`). Each epoch is then one optimizer step over the whole
// data, as graph networks on one graph and small tutorial models train.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { calleeName, forEachExpression, forEachStatement, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { loopShape, ownCalls, stepsOnceInBody, type LoopStatement } from "./loop-shape";
import { boundAfreshTwice } from "./models-in-turn";
import { returnedClosures } from "./returned-closures";

interface Span {
  startIndex: number;
  endIndex: number;
}

const within = (inner: Span, outer: Span) => inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;

/** Whether each pass of the epoch loop takes one optimizer step: its own body steps after backward (not in a loop of
 *  its own), or it calls by name a module-level function of `body` that does, outside any loop (or a closure one
 *  returned, returned-closures.ts). `nestedStepLoop` says
 *  whether a step loop is nested in the epoch loop (then its steps are per batch, not per epoch); `stepping` names calls that
 *  take a step themselves (a TensorFlow 1.x session run of a training operation). */
export function stepsOncePerEpoch(body: Statement[], loop: LoopStatement, nestedStepLoop: boolean, stepping?: (c: CallExpression) => boolean): boolean {
  if (nestedStepLoop) return false;
  if (loopShape(loop, stepping).stepLoop) return true;
  // Calls in the loop's own statements: a function called inside a loop over batches steps once per batch.
  const called = new Set(ownCalls(loop.body).flatMap((c) => (c.func.type === "name" ? [calleeName(c)] : [])));
  const closures = returnedClosures(body);
  const functions = [
    ...body.filter((s): s is FunctionDefinition => s.type === "function" && called.has(s.name) && !within(loop.pos, s.pos)),
    // `main_loop(phase=TRAIN)` of `main_loop = get_main_loop(model, optimizer)`: the nested function it returned.
    ...[...called].flatMap((n) => {
      const closure = n !== undefined ? closures.get(n) : undefined;
      return closure && !within(loop.pos, closure.pos) ? [closure] : [];
    }),
  ];
  // One called function that steps once, and none whose loop steps per batch (those are the step-loop rules').
  return functions.some((f) => stepsOnceInBody(f.body)) && !functions.some((f) => holdsStepLoop(f.body));
}

/** Whether a function body holds a loop that steps the optimizer (then its steps are per batch). */
function holdsStepLoop(body: Statement[]): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    if (!found && (s.type === "for" || s.type === "while") && loopShape(s).stepLoop) found = true;
  });
  return found;
}

/** Names a block binds anywhere in it (assignments, loop targets, `with ... as`), nested blocks included. */
function boundIn(body: Statement[]): Set<string> {
  const names = new Set<string>();
  const add = (target: Expression) => forEachExpression(target, (node) => node.type === "name" && names.add(node.id));
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign") s.targets.forEach(add);
    else if (s.type === "augmented" || s.type === "annotated") add(s.target);
    else if (s.type === "for") add(s.target);
    else if (s.type === "with") for (const item of s.items) if (item.target) add(item.target);
  });
  return names;
}

/**
 * The whole data a full-batch loop feeds its model each pass: a call in the loop's own statements of a model
 * (an nn.Module instance) on a tensor the loop does not bind itself (`prediction = net(x)` on `x` of shape (100, 1)),
 * as Python runs it every pass (the first model call: later ones may evaluate held-out data). Its first dimension is the step's batch and the epoch's samples; undefined when the
 * loop feeds no such tensor (a slice it takes, a batch it draws). `rows` is undefined where the data is read from
 * somewhere of a size the code does not show (a CSV file, a download): the batch is still all of it, of unknown size.
 */
export function fullBatchData(loop: LoopStatement, evaluate: (e: Expression) => Value | undefined, body: Statement[], atModuleLevel: boolean): { rows?: number; call: Expression; input: Expression } | undefined {
  const bound = boundIn(loop.body);
  if (loop.type === "for") forEachExpression(loop.target, (node) => node.type === "name" && bound.add(node.id));
  for (const call of ownCalls(loop.body)) {
    const input = positionalArgument(call, 0);
    // `model(x)`, or `self.forward(x)` in a method of the model: calling forward directly runs the same computation
    // (without the module's hooks), so it is the training forward too.
    const callee = call.func.type === "attribute" && call.func.name === "forward" && call.func.object.type === "name" ? call.func.object : call.func;
    if (callee.type !== "name" || input?.type !== "name" || bound.has(input.id) || bound.has(callee.id)) continue;
    const model = evaluate(callee);
    if (model?.kind !== "instance" || !model.module) continue;
    // The first call of a model is the training forward; later ones may evaluate held-out data under no_grad.
    // A module-level name bound afresh again later holds the later data in the namespace: its rows are not known here.
    if (atModuleLevel && boundAfreshTwice(body, input.id)) return undefined;
    const data = evaluate(input);
    // No rows (a list filled by a loop over data of unknown length reads as empty) is as unknown as no value: a model
    // is not trained on nothing.
    if (data?.kind !== "tensor" && data?.kind !== "unknown") return undefined;
    const rows = data.kind === "tensor" ? data.shape[0] : undefined;
    return rows !== undefined && Number.isSafeInteger(rows) && rows > 0 ? { rows, call, input } : { call, input };
  }
  return undefined;
}
