// TensorFlow's gradient descent written out by hand: `grads = tape.gradient(loss, [w1, b1])` and then
// `w1.assign_sub(lr * grads[0])`, or `for p, g in zip(params, grads): p.assign_sub(lr * g)`: what an SGD optimizer's
// apply_gradients does to each variable (tensorflow.org/guide/autodiff; tf.Variable.assign_sub), one update of all of
// them per tape, so one optimizer step.
import type { Expression, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, namesIn, ownExpressions, targetNames } from "../python/syntax-walk";

/**
 * Whether `body` updates variables from the gradients a tape gave: names bound from `<tape>.gradient(...)` in `own`
 * (the statements that run once per pass of the body: a loop's own, not those of a loop inside it; all of a function's
 * when left out), read by an `assign_sub`/`assign_add` anywhere in the body, directly or through a loop over them.
 */
export function updatesFromTape(body: Statement[], own?: readonly Statement[]): boolean {
  const gradients = new Set<string>();
  if (own) own.forEach((s) => bindTapeGradients(s, gradients));
  else forEachStatement(body, ({ statement }) => bindTapeGradients(statement, gradients), [], () => false);
  return updatesFromGradientNames(body, gradients);
}

/** Adds the names a statement binds to a tape's gradients (`grads = tape.gradient(loss, params)`). */
function bindTapeGradients(s: Statement, into: Set<string>): void {
  if (s.type === "assign" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "gradient") for (const t of s.targets) for (const n of targetNames(t)) into.add(n);
}

/** The names a block binds to a tape's gradients, its nested blocks included (functions not entered). */
export function tapeGradientNames(block: Statement[]): Set<string> {
  const out = new Set<string>();
  forEachStatement(block, ({ statement }) => bindTapeGradients(statement, out), [], () => false);
  return out;
}

/**
 * Whether a function given a tape's gradients moves variables by them: d2l's `def sgd(params, lr, batch_size, grads):
 * for i, param in enumerate(params): param.assign_sub(lr * grads[i] / batch_size)`, called as `sgd([w, b], lr,
 * batch_size, grads)` after `grads = t.gradient(l, [w, b])`. `passed` are its parameters the call binds to them.
 */
export function appliesPassedGradients(body: Statement[], passed: ReadonlySet<string>): boolean {
  return passed.size > 0 && updatesFromGradientNames(body, new Set(passed));
}

/** Whether a body moves variables (`assign_sub`, `assign_add`) by what the names in `gradients` hold. */
function updatesFromGradientNames(body: Statement[], gradients: Set<string>): boolean {
  if (gradients.size === 0) return false;
  const reads = (e: Expression) => [...namesIn([e], new Set())].some((n) => gradients.has(n));
  const carried = (iter: Expression, target: Expression): string[] => {
    if (iter.type === "call" && iter.func.type === "name" && iter.func.id === "zip" && (target.type === "tuple" || target.type === "list") && target.items.length === iter.args.length) {
      return iter.args.flatMap((a, i) => (reads(a.value) ? targetNames(target.items[i]!) : []));
    }
    return reads(iter) ? targetNames(target) : [];
  };
  carriedGradients(body, gradients, reads);
  let updates = false;
  forEachStatement(body, ({ statement: s }) => {
    if (updates) return;
    // `for p, g in zip(params, grads):` carries the gradients into g (the name zip pairs with them), `for g in grads:` into g.
    if (s.type === "for") for (const n of carried(s.iter, s.target)) gradients.add(n);
    for (const root of ownExpressions(s)) forEachExpression(root, (x) => {
      if (x.type === "call" && x.func.type === "attribute" && (x.func.name === "assign_sub" || x.func.name === "assign_add") && [...namesIn(x.args.map((a) => a.value), new Set())].some((n) => gradients.has(n))) updates = true;
    });
  }, [], () => false);
  return updates;
}

/**
 * Adds to `gradients` the names a body binds from them: a hand-written Adam, RMSProp or momentum keeps running moments
 * of the gradients (`m_w = beta1 * m_w + (1 - beta1) * grads[0]`, `m_hat = m_w / (1 - beta1 ** t)`) and moves each
 * variable by those (`w.assign_sub(lr * m_hat / tf.sqrt(v_hat))`), as the library's optimizers do
 * (tensorflow.org/api_docs/python/tf/keras/optimizers/Adam). Bindings are read until none is added, as a loop's passes
 * carry a moment from one statement to the next.
 */
function carriedGradients(body: Statement[], gradients: Set<string>, reads: (e: Expression) => boolean): void {
  const bindings: { targets: string[]; value: Expression }[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign") bindings.push({ targets: s.targets.flatMap(targetNames), value: s.value });
    else if (s.type === "augmented" && s.target.type === "name") bindings.push({ targets: [s.target.id], value: s.value });
  }, [], () => false);
  for (let added = true; added; ) {
    added = false;
    for (const b of bindings) {
      if (b.targets.every((t) => gradients.has(t)) || !reads(b.value)) continue;
      for (const t of b.targets) if (!gradients.has(t)) (gradients.add(t), (added = true));
    }
  }
}
