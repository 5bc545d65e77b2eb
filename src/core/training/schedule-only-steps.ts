import type { Expression, Statement } from "../python/ast";
import { forEachStatement, namesIn } from "../python/syntax-walk";

// A notebook shows a learning-rate schedule with a loop that steps the optimizer and the scheduler and records the
// rate (`for epoch in range(20): optimizer.step(); scheduler.step()`), no loss, no backward. torch.optim's optimizers
// skip every parameter whose `.grad` is None (`if p.grad is not None` in each step, torch/optim/sgd.py and adam.py,
// torch 1.x-2.x), and a scheduler's step only sets the rate: such a loop changes no weight, so it is no epoch loop.

/** A callee path that builds a torch optimizer or scheduler: `optim.SGD`, `torch.optim.lr_scheduler.StepLR`. */
const OPTIMIZER_PATH = /(^|\.)(optim|lr_scheduler)\.\w+$/;
/** Methods of an optimizer or scheduler that, called with no argument and no gradient, change no weight. */
export const GRADIENT_FREE_METHODS = new Set(["step", "zero_grad", "get_last_lr", "get_lr"]);

function dotted(e: Expression): string | undefined {
  if (e.type === "name") return e.id;
  if (e.type === "attribute") {
    const left = dotted(e.object);
    return left === undefined ? undefined : `${left}.${e.name}`;
  }
  return undefined;
}

/** Names every assignment of which builds a torch optimizer or scheduler (`optimizer = optim.SGD(...)`, `scheduler =
 *  optim.lr_scheduler.StepLR(optimizer, ...)`, or a class imported from torch.optim: `from torch.optim import Adam`). */
export function optimizerNames(body: Statement[]): Set<string> {
  const imported = new Set<string>();
  const assigned = new Map<string, Expression[]>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "importFrom" && s.level === 0 && /^torch\.optim(\.|$)/.test(s.module) && s.names !== "*") for (const n of s.names) imported.add(n.alias ?? n.name);
    else if (s.type === "assign") for (const t of s.targets) for (const name of namesIn([t], new Set())) assigned.set(name, [...(assigned.get(name) ?? []), s.value]);
  });
  const builds = (v: Expression): boolean => {
    if (v.type !== "call") return false;
    const callee = dotted(v.func);
    return callee !== undefined && (OPTIMIZER_PATH.test(callee) || imported.has(callee));
  };
  return new Set([...assigned].filter(([, values]) => values.every(builds)).map(([name]) => name));
}
