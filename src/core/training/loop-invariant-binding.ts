// A full-batch loop often converts its data afresh on every pass (`x = torch.from_numpy(train_data).float()`, then
// `y_hat = net(x)`): the name is bound in the loop, but to the same value each time, as its expression reads nothing
// the loop binds. Such a name holds that expression wherever the loop is, so the data it feeds can be read there.
import type { Expression, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, targetNames } from "../python/syntax-walk";

/**
 * The expression a loop body binds `name` to on every pass, where its one binding in the body is a plain
 * `name = expr` among the body's own statements (not under an `if`, a nested loop or a `with`) and `expr` reads no
 * name the loop binds (`loopBound`); undefined otherwise.
 */
export function loopInvariantBinding(body: Statement[], name: string, loopBound: ReadonlySet<string>): Expression | undefined {
  let bindings = 0;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.some((t) => targetNames(t).includes(name))) bindings++;
    else if ((s.type === "augmented" || s.type === "annotated") && targetNames(s.target).includes(name)) bindings++;
    else if (s.type === "for" && targetNames(s.target).includes(name)) bindings++;
    else if (s.type === "with" && s.items.some((i) => i.target && targetNames(i.target).includes(name))) bindings++;
  });
  if (bindings !== 1) return undefined;
  const own = body.find((s): s is Extract<Statement, { type: "assign" }> => s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === name);
  if (!own) return undefined;
  let readsLoop = false;
  forEachExpression(own.value, (node) => {
    if (node.type === "name" && loopBound.has(node.id)) readsLoop = true;
  });
  return readsLoop ? undefined : own.value;
}
