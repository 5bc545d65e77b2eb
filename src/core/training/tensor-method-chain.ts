// Data reshaped on its way into a full-batch model call (`net(x_train.unsqueeze(1))`, `model(X.view(-1, 784))`,
// `model(x.float().to(device))`): a chain of method calls on a tensor the loop does not bind. Python evaluates the
// whole chain each pass, so the model's input is the chain's result over the same data every pass.
import type { Expression } from "../python/ast";
import { forEachExpression, type CallExpression } from "../python/syntax-walk";

/** A chain of method calls read down to the data it starts from. */
export interface TensorMethodChain {
  /** The expression the chain starts from (`x_train` of `x_train.unsqueeze(1)`). */
  base: Expression;
  /** The chain written over another base (the base as it is held where the chain's data is evaluated). */
  over: (base: Expression) => Expression;
  /** The names the chain's arguments read (`device` of `x.to(device)`). */
  argumentNames: string[];
}

/** The chain of method calls `e` is (`x.unsqueeze(1)`, `x.float().to(device)`), down to a base that is no method call;
 *  undefined for anything else. */
export function tensorMethodChain(e: Expression): TensorMethodChain | undefined {
  const calls: CallExpression[] = [];
  let node = e;
  while (node.type === "call" && node.func.type === "attribute") {
    calls.push(node);
    node = node.func.object;
  }
  if (calls.length === 0) return undefined;
  const argumentNames: string[] = [];
  for (const c of calls) {
    for (const a of c.args) forEachExpression(a.value, (n) => n.type === "name" && argumentNames.push(n.id));
  }
  const over = (base: Expression): Expression => calls.reduceRight<Expression>((inner, c) => ({ ...c, func: { ...(c.func as Extract<Expression, { type: "attribute" }>), object: inner } }), base);
  return { base: node, over, argumentNames };
}
