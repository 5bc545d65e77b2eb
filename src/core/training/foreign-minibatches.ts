// Minibatches made by a helper the analysis cannot read. Course notebooks import their batching from a utility module
// shipped beside them (`from tf_utils import random_mini_batches`), which a repository may leave out, then walk what it
// returns: `minibatches = random_mini_batches(X, Y, minibatch_size, seed)`, `for minibatch in minibatches:`. The
// helper's body is unknown, but the one count it is handed under a batch size's conventional name is what each item
// holds: the loop's batch.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachStatement, targetNames, type CallExpression } from "../python/syntax-walk";

/** Names that hold a batch's size by convention (`batch_size`, `minibatch_size`, `mini_batch_size`, `mb_size`, `bs`). */
const BATCH_SIZE_NAME = /^((mini_?)?batch_?size|mb_?size|bs)$/i;

/**
 * The count a step loop's batches hold where it walks the result of a call the analysis cannot read (`isUnread` says
 * so of the callee's value: a helper of a module the workspace lacks), written in the loop's header or bound to the
 * walked name before the loop in `block`: the one argument named as a batch size. Undefined otherwise.
 */
export function unreadHelperBatch(loop: Extract<Statement, { type: "for" }>, block: Statement[], isUnread: (callee: Expression) => boolean): { size: Expression; call: CallExpression } | undefined {
  let iter = loop.iter;
  // `for i, batch in enumerate(minibatches):` walks the same items.
  if (iter.type === "call" && iter.func.type === "name" && iter.func.id === "enumerate" && iter.args[0]?.kind === "positional") iter = iter.args[0].value;
  let call: Expression | undefined = iter;
  if (iter.type === "name") {
    const name = iter.id;
    call = undefined;
    forEachStatement(block, ({ statement: s, ancestors }) => {
      // Not a binding in a function defined inside the block: that one is another scope's.
      if (ancestors.some((a) => a.type === "function" || a.type === "class")) return;
      if (s.type === "assign" && s.pos.endIndex <= loop.pos.startIndex && s.targets.some((t) => targetNames(t).includes(name))) call = s.value;
    });
  }
  const made = call as Expression | undefined;
  if (made?.type !== "call" || !isUnread(made.func)) return undefined;
  const sizes = made.args.filter((a) => a.kind === "positional" || a.kind === "keyword").map((a) => a.value).filter((v) => BATCH_SIZE_NAME.test(dottedName(v)?.split(".").pop() ?? ""));
  return sizes.length === 1 ? { size: sizes[0], call: made } : undefined;
}

/** Whether a callee's value is one the analysis cannot read: unknown (its module is not in the workspace). */
export function isUnreadCallee(value: Value | undefined): boolean {
  return value === undefined || value.kind === "unknown";
}
