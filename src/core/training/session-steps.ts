// TensorFlow 1.x graph training. `train_op = tf.train.AdamOptimizer(lr).minimize(loss)` builds one operation that
// computes the gradients and updates the variables (tf.compat.v1.train.Optimizer.minimize: "combines calls to
// compute_gradients() and apply_gradients()"), and `sess.run(train_op, feed_dict=...)` runs it once
// (tf.compat.v1.Session.run: "runs one 'step' of TensorFlow computation"). So a loop whose body runs such an operation
// takes one optimizer step per iteration, as a PyTorch loop that calls backward() and step() does. TF-Slim's
// `slim.learning.create_train_op(total_loss, optimizer)` (tf.contrib.slim, tf_slim 1.1) builds such an operation too:
// it computes the gradients and applies them with the optimizer. Session.run takes nested fetches (a list, tuple or
// dict of operations, tf.compat.v1.Session.run) and runs every operation they hold; a fetch list the code fills with
// `fetches.append(train_op)` (or `extend`, `+=`) holds it as well. `tf.contrib.layers.optimize_loss(loss, global_step,
// learning_rate, optimizer, ...)` returns such an operation too ("Returns: Training op.",
// tensorflow/contrib/layers/python/layers/optimizers.py, TensorFlow 1.15).
import type { ClassValue } from "../interp/values";
import { sourceMethods } from "../interp/classes";
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachStatement, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Rounds of following names bound from other training operations (`train_op = self.train_op_frozen`). */
const MAX_ROUNDS = 4;

/** Calls whose result is a training operation: an optimizer's `minimize`/`apply_gradients`, TF-Slim's `create_train_op`. */
const UPDATE_CALLS = ["minimize", "apply_gradients", "create_train_op", "optimize_loss"];
const UPDATE_TEXT = /\.(minimize|apply_gradients|create_train_op|optimize_loss)\s*\(/;

const makesUpdate = (e: Expression): boolean => UPDATE_CALLS.some((m) => isCallOf(e, m));

/** The names (dotted: `optimizer`, `self.opt`) a file binds to a TensorFlow 1.x training operation: the result of an
 *  optimizer's `minimize(...)` or `apply_gradients(...)` (or TF-Slim's `create_train_op`), an op made under
 *  `tf.control_dependencies([...])` of one (it runs that update first), `tf.group(...)` of one, a fetch structure
 *  holding one (`fetches = {"train": train_op, ...}`), or another name bound to one. */
export function trainingOperations(body: Statement[], text?: string): Set<string> {
  const ops = new Set<string>();
  if (text !== undefined && !UPDATE_TEXT.test(text)) return ops;
  const assigns: { targets: string[]; value: Expression; guards: Expression[] }[] = [];
  forEachStatement(body, ({ statement: s, ancestors }) => {
    // `fetches.append(op)`, `fetches.extend([op])`, `fetches += [op]`: the list now holds what was added.
    const added = s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && (s.value.func.name === "append" || s.value.func.name === "extend") ? { target: dottedName(s.value.func.object), value: positionalArgument(s.value, 0) }
      : s.type === "augmented" && s.op === "+" ? { target: dottedName(s.target), value: s.value } : undefined;
    if (added?.target !== undefined && added.value) assigns.push({ targets: [added.target], value: added.value, guards: [] });
    if (s.type !== "assign") return;
    const targets = s.targets.flatMap((t) => (dottedName(t) !== undefined ? [dottedName(t)!] : []));
    if (targets.length === 0) return;
    // The operations a `with tf.control_dependencies([...]):` around the assignment makes it wait for.
    const guards = ancestors.flatMap((a) => (a.type === "with" ? a.items.flatMap((i) => (i.value.type === "call" && isCallOf(i.value, "control_dependencies") ? i.value.args.map((x) => x.value) : [])) : []));
    assigns.push({ targets, value: s.value, guards });
  });
  const holdsOp = (e: Expression): boolean => {
    const name = dottedName(e);
    if (name !== undefined) return ops.has(name);
    if (e.type === "list" || e.type === "tuple") return e.items.some(holdsOp);
    if (e.type === "dict") return e.items.some((i) => "value" in i && holdsOp(i.value));
    return false;
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = ops.size;
    for (const a of assigns) {
      const v = a.value;
      const made = makesUpdate(v) || (v.type === "call" && isCallOf(v, "group") && v.args.some((x) => holdsOp(x.value))) || holdsOp(v) || a.guards.some(holdsOp);
      if (made) for (const t of a.targets) ops.add(t);
    }
    if (ops.size === before) break;
  }
  return ops;
}

/**
 * Whether a call runs a training operation in a session: one of `ops` (`sess.run(train_op, ...)`, `sess.run([optimizer,
 * cost], ...)`, or the operation's own `train_op.run(...)`), or `obj.attr` where attr is bound on `self` to one, by a class of this file (in `ops` as `self.attr`)
 * or by the object's own class of any file (`objectOps(obj)`, classTrainingOperations of the class that built it).
 */
export function runsTrainingOperation(call: CallExpression, ops: ReadonlySet<string>, objectOps?: (object: string) => ReadonlySet<string> | undefined): boolean {
  if ((ops.size === 0 && !objectOps) || call.func.type !== "attribute" || call.func.name !== "run") return false;
  // `train_step.run(feed_dict={...})`: an operation's own run() runs it in the default session (tf.compat.v1.Operation.run,
  // "Runs this operation in a Session"), one step as `sess.run(train_step, ...)` is.
  const receiver = dottedName(call.func.object);
  if (receiver !== undefined && ops.has(receiver)) return true;
  const fetches = positionalArgument(call, 0) ?? keywordArgument(call, "fetches");
  if (!fetches) return false;
  const items = fetches.type === "list" || fetches.type === "tuple" ? fetches.items : fetches.type === "dict" ? fetches.items.flatMap((i) => ("value" in i ? [i.value] : [])) : [fetches];
  // `sess.run([model.opt, model.loss])` where a class binds `self.opt = optimizer.minimize(self.loss)`: an attribute set
  // on `self` in a method is the instance's (docs.python.org/3/tutorial/classes.html#instance-objects).
  const onInstance = (i: Expression): boolean => {
    if (i.type !== "attribute" || i.object.type !== "name") return false;
    return ops.has(`self.${i.name}`) || (objectOps?.(i.object.id)?.has(i.name) ?? false);
  };
  return items.some((i) => { const name = dottedName(i); return (name !== undefined && ops.has(name)) || onInstance(i); });
}

function isCallOf(e: Expression, method: string): boolean {
  return e.type === "call" && ((e.func.type === "attribute" && e.func.name === method) || (e.func.type === "name" && e.func.id === method));
}

/**
 * The attributes a class's methods (its bases' included) bind on `self` to a TensorFlow 1.x training operation:
 * `self.opt_op = self.optimizer.minimize(self.cost)` in an optimizer wrapper or model class of another file, which a
 * script runs as `sess.run([opt.opt_op, opt.cost], ...)` (the layout of graph-network code such as GCN's).
 */
export function classTrainingOperations(cls: ClassValue): Set<string> {
  const out = new Set<string>();
  for (const { body, self } of sourceMethods(cls)) {
    forEachStatement(body, ({ statement: s }) => {
      if (s.type !== "assign" || !makesUpdate(s.value)) return;
      for (const t of s.targets) if (t.type === "attribute" && t.object.type === "name" && t.object.id === self) out.add(t.name);
    });
  }
  return out;
}
