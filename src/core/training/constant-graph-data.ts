// TensorFlow 1.x graphs built on constants. A tutorial may put its whole data set into the graph as constants
// (`inputs = tf.constant(x_with_bias)`, `target = tf.constant(y)`) and run the training operation with no feed:
// `for _ in range(training_steps): update_weights.run()`. Each run then computes the loss over every row of those
// constants (tf.constant embeds the array: tensorflow.org/api_docs/python/tf/constant), so each step is one pass over
// the data: its rows are the batch and the samples, as a PyTorch loop calling its model on all of `x` is.
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Rounds of following names from the loss back to the arrays it reads. */
const MAX_DEPTH = 12;

/** The calls that put an array into a TensorFlow 1.x graph as a constant. */
const CONSTANT_CALLS = new Set(["tf.constant", "tf.compat.v1.constant", "tensorflow.constant", "tf.convert_to_tensor"]);
/** Calls whose tensor a run must feed (tf.compat.v1.placeholder): such a graph trains on what each step feeds. */
const FED_CALLS = /(^|\.)placeholder(_with_default)?$/;

/**
 * The arrays a step loop's TensorFlow 1.x training runs train on whole: where every run in `loop` that `runsStep`
 * takes for a training step feeds nothing (no `feed_dict`), and the loss the operation minimizes (`op =
 * optimizer.minimize(loss)`, bound in `body`) reads, through the names bound before it, `tf.constant(A)` calls and no
 * placeholder, or names bound only to Python lists or numpy arrays (which TensorFlow converts to constants). Those
 * calls with their `A` (or those names, as both), in source order; undefined where the loop feeds its runs or the graph is not read.
 */
export function constantGraphData(loop: Statement, body: Statement[], runsStep: (c: CallExpression) => boolean): { call: Expression; array: Expression }[] | undefined {
  const runs: CallExpression[] = [];
  forEachStatement([loop], ({ statement }) => {
    if (statement.type !== "expression" && statement.type !== "assign") return;
    forEachExpression(statement.value, (e) => {
      if (e.type === "call" && runsStep(e)) runs.push(e);
    });
  });
  if (runs.length === 0 || runs.some((r) => keywordArgument(r, "feed_dict") || (r.func.type === "attribute" && dottedName(r.func.object) !== undefined && !isOperationRun(r) && positionalArgument(r, 1)))) return undefined;
  // The operation run: `op.run()` names it as the receiver, `sess.run(op)` or `sess.run([op, loss])` as a fetch.
  const fetched = runs.flatMap((r) => {
    if (isOperationRun(r) && r.func.type === "attribute") return [dottedName(r.func.object)];
    const first = positionalArgument(r, 0) ?? keywordArgument(r, "fetches");
    return first?.type === "list" || first?.type === "tuple" ? first.items.map(dottedName) : first ? [dottedName(first)] : [];
  });
  const assigned = assignments(body);
  const minimizing = (name: string | undefined) => (name === undefined ? undefined : (assigned.get(name) ?? []).find((v): v is CallExpression => v.type === "call" && v.func.type === "attribute" && v.func.name === "minimize"));
  const minimize = fetched.map(minimizing).find((m) => m !== undefined);
  const loss = minimize ? positionalArgument(minimize, 0) ?? keywordArgument(minimize, "loss") : undefined;
  if (!loss) return undefined;
  const constants: { call: Expression; array: Expression }[] = [];
  let fed = false;
  const seen = new Set<string>();
  const visit = (e: Expression, depth: number) => {
    if (depth > MAX_DEPTH || fed) return;
    forEachExpression(e, (node) => {
      if (node.type === "call") {
        const callee = dottedName(node.func) ?? "";
        if (FED_CALLS.test(callee)) fed = true;
        const array = CONSTANT_CALLS.has(callee) ? positionalArgument(node, 0) ?? keywordArgument(node, "value") : undefined;
        if (array) constants.push({ call: node, array });
        return;
      }
      if (node.type !== "name" || seen.has(node.id)) return;
      seen.add(node.id);
      // The binding that reaches this read: the last one written before it (a tutorial binds `x` to a placeholder in
      // one section and to a constant in the next); all of them where none comes before (a function's late binding).
      const all = assigned.get(node.id) ?? [];
      const before = all.filter((v) => v.pos.startIndex < node.pos.startIndex);
      const values = before.length > 0 ? [before.reduce((a, b) => (b.pos.startIndex > a.pos.startIndex ? b : a))] : all;
      // `y = W * x_data + b` over a Python list or numpy array: TensorFlow converts such an operand to a constant
      // (tf.convert_to_tensor, as every op does with its non-tensor inputs), so the graph holds its rows as well.
      if (values.length > 0 && values.every(plainData)) {
        constants.push({ call: node, array: node });
        return;
      }
      for (const value of values) visit(value, depth + 1);
    });
  };
  visit(loss, 0);
  if (fed || constants.length === 0) return undefined;
  return constants.sort((a, b) => a.call.pos.startIndex - b.call.pos.startIndex);
}

/** `op.run()`: an operation's own run, which takes no fetches (tf.compat.v1.Operation.run(feed_dict, session)). */
function isOperationRun(r: CallExpression): boolean {
  return r.func.type === "attribute" && r.func.name === "run" && positionalArgument(r, 0) === undefined && !keywordArgument(r, "fetches");
}

/** The values a block binds to each plain name, wherever it binds them (a `with tf.Session()` block's too). */
function assignments(body: Statement[]): Map<string, Expression[]> {
  const out = new Map<string, Expression[]>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign") return;
    for (const t of s.targets) if (t.type === "name") out.set(t.id, [...(out.get(t.id) ?? []), s.value]);
  });
  return out;
}

/** Whether a binding is data held outside the graph: a list or tuple display, a list comprehension, or a numpy call. */
function plainData(e: Expression): boolean {
  if (e.type === "list" || e.type === "tuple") return true;
  if (e.type === "comprehension") return e.kind === "list";
  return e.type === "call" && /^(np|numpy)\./.test(dottedName(e.func) ?? "");
}
