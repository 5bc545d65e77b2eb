// PyTorch's gradient descent written out by hand: after `loss.backward()`, each parameter moved against its gradient
// in place (`p.data += -lr * p.grad`, `param.data.sub_(lr * param.grad)`, `w -= lr * w.grad` under
// `torch.no_grad()`): what `torch.optim.SGD.step()` does to each parameter
// (pytorch.org/docs/stable/generated/torch.optim.SGD.html), so one update of the parameters is one optimizer step.
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { updatesFromTape } from "./tape-updates";

/** The tensor an update writes: `p` for `p` and for `p.data` (its storage). */
const movedTensor = (e: Expression): string | undefined => {
  const name = dottedName(e);
  return name?.endsWith(".data") ? name.slice(0, -".data".length) : name;
};

/** Whether `e` reads the gradient of `tensor` (`p.grad`, `p.grad.data`). */
const readsGradientOf = (e: Expression, tensor: string | undefined): boolean => {
  let found = false;
  if (tensor !== undefined) forEachExpression(e, (x) => {
    if (x.type === "attribute" && x.name === "grad" && dottedName(x.object) === tensor) found = true;
  });
  return found;
};

/** Whether one statement itself (not the blocks it holds) moves a tensor by its own gradient: `x -= lr * x.grad`,
 *  `p.data = p.data - lr * p.grad`, `p.data.add_(p.grad, alpha=-lr)`; not one that sums gradients into another name
 *  (`norm += p.grad.norm()`) or sets or clears a `.grad`. */
export function updatesTensorFromGradient(s: Statement): boolean {
  if (s.type === "augmented") return (s.op === "-" || s.op === "+") && readsGradientOf(s.value, movedTensor(s.target));
  if (s.type === "assign") return s.targets.some((t) => t.type === "attribute" && t.name === "data" && readsGradientOf(s.value, movedTensor(t)));
  if (s.type !== "expression") return false;
  let updates = false;
  for (const root of ownExpressions(s)) forEachExpression(root, (x) => {
    if (x.type === "call" && x.func.type === "attribute" && /^(sub_|add_)$/.test(x.func.name) && x.args.some((a) => readsGradientOf(a.value, movedTensor(x.func.type === "attribute" ? x.func.object : x)))) updates = true;
  });
  return updates;
}

/** Whether a body updates tensors in place from their gradients, as a hand-written gradient-descent step does (d2l's
 *  `param.data -= lr * param.grad / batch_size`), or TensorFlow variables from a tape's gradients (tape-updates.ts). */
export function updatesFromGradients(body: Statement[]): boolean {
  if (updatesFromTape(body)) return true;
  let updates = false;
  forEachStatement(body, ({ statement: s }) => {
    if (!updates && updatesTensorFromGradient(s)) updates = true;
  }, [], () => false);
  return updates;
}
