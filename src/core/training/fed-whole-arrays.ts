// TensorFlow 1.x training runs fed whole arrays: `for i in range(500): sess.run(train_step, feed_dict={xs: X_train,
// ys: y_train})`. Session.run substitutes each fed value for its placeholder for that one run (tf.compat.v1.Session.run,
// feed_dict), so a run fed arrays the loop never rebinds computes the loss over all of their rows every step: those
// rows are the batch and the samples, as a PyTorch loop calling its model on all of `x` is (full-batch-epochs.ts).
// A fed slice, or a name the loop binds (`batch_xs, batch_ys = mnist.train.next_batch(100)`), is a batch the step
// draws, left to the step-loop rules.
import type { Expression, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, keywordArgument, type CallExpression } from "../python/syntax-walk";
import { namesBoundIn } from "../interp/loop-bindings";

/**
 * The arrays every training run of `loop` (those `runsStep` takes for a step) feeds whole: the values of its
 * `feed_dict={...}` that are names, or attributes of names, the loop does not bind (a number fed to a placeholder, as
 * `keep_prob: 0.5`, is no data and is passed over). Undefined where some run feeds nothing, feeds no dict literal, or
 * feeds a slice, a call or a name the loop binds.
 */
export function fedWholeArrays(loop: Statement, runsStep: (c: CallExpression) => boolean): { call: CallExpression; array: Expression }[] | undefined {
  if (loop.type !== "for" && loop.type !== "while") return undefined;
  const runs: CallExpression[] = [];
  forEachStatement(loop.body, ({ statement }) => {
    if (statement.type !== "expression" && statement.type !== "assign") return;
    forEachExpression(statement.value, (e) => {
      if (e.type === "call" && runsStep(e)) runs.push(e);
    });
  }, [], () => false);
  if (runs.length === 0) return undefined;
  const bound = boundNames(loop);
  const out: { call: CallExpression; array: Expression }[] = [];
  for (const run of runs) {
    const feed = keywordArgument(run, "feed_dict");
    if (feed?.type !== "dict") return undefined;
    for (const item of feed.items) {
      if (!("value" in item)) return undefined;
      const value = item.value;
      if (value.type === "int" || value.type === "float" || value.type === "constant" || value.type === "str" || value.type === "unary") continue;
      const root = value.type === "attribute" && value.object.type === "name" ? value.object : value.type === "name" ? value : undefined;
      if (!root || bound.has(root.id)) return undefined;
      out.push({ call: run, array: value });
    }
  }
  return out.length > 0 ? out : undefined;
}

/** The plain names a loop binds: its target and every assignment, augmented assignment or `with ... as` inside it. */
function boundNames(loop: Extract<Statement, { type: "for" | "while" }>): Set<string> {
  return new Set(namesBoundIn([loop]).flatMap((e) => (e.type === "name" ? [e.id] : [])));
}
