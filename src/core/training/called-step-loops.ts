// A step loop in a function that an epoch loop calls (`for epoch in range(E): train(...)` with `def train(...): for i
// in range(S): ... optimizer.step()`) runs its S steps in each epoch, as a step loop written inside the epoch loop does.
import type { FunctionDefinition, Statement } from "../python/ast";
import { calleeName, callsInBody } from "../python/syntax-walk";

interface Span {
  startIndex: number;
  endIndex: number;
}

const within = (inner: Span, outer: Span) => inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;

/** Whether the step loop at `stepLoop` is in a module-level function that the epoch loop calls by name (the epoch
 *  loop itself outside that function), or in a method of the body that it calls on its own object
 *  (`self.train_epoch()`), so its steps are per epoch. */
export function stepLoopCalledPerEpoch(body: Statement[], stepLoop: Span, epochLoop: { pos: Span; body: Statement[] }): boolean {
  const fn = body.find((s): s is FunctionDefinition => s.type === "function" && within(stepLoop, s.pos));
  if (!fn || within(epochLoop.pos, fn.pos)) return false;
  const caller = body.find((s): s is FunctionDefinition => s.type === "function" && within(epochLoop.pos, s.pos));
  const self = caller?.params[0]?.name;
  return callsInBody(epochLoop.body).some((c) =>
    (c.func.type === "name" && calleeName(c) === fn.name) ||
    (self !== undefined && c.func.type === "attribute" && c.func.name === fn.name && c.func.object.type === "name" && c.func.object.id === self && fn.params[0]?.name !== undefined));
}

/** Whether an epoch-named loop calls, by name, a module-level function of `body` that holds one of `stepLoops` (`for i
 *  in range(config.epochs): run(net, loader, optimizer, train=True)`): the loop is the epoch loop whatever its variable. */
export function callsStepLoopFunction(body: Statement[], loop: { pos: Span; body: Statement[] }, stepLoops: Span[]): boolean {
  const called = new Set(callsInBody(loop.body).flatMap((c) => (c.func.type === "name" ? [calleeName(c)] : [])));
  return body.some((s) => s.type === "function" && called.has(s.name) && !within(loop.pos, s.pos) && stepLoops.some((l) => within(l, s.pos)));
}
