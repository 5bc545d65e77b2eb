// Epoch loops that do not say so. An epoch is one pass over the training data; tutorial code often writes it as
// `for i in range(100):` around a loop that walks the training arrays batch by batch,
// `for start, end in zip(range(0, len(trX), 128), range(128, len(trX) + 1, 128)): sess.run(train_op, ...)`. The outer
// loop's variable says nothing, but the inner loop's bounds are the data's size (`len(x)`, `x.shape[0]`, a data set's
// `num_examples`), so each outer pass is an epoch.
import type { Expression, Statement } from "../python/ast";
import { childBodies, forEachExpression, forEachStatement, ownExpressions, rootName } from "../python/syntax-walk";
import type { LoopStatement } from "./loop-shape";
import { indexSlicedRows, isIndexShuffle, rebuiltNames, slicesNoneOf } from "./index-sliced-pass";
import { zippedArrays } from "./zipped-rows";

type ForStatement = Extract<Statement, { type: "for" }>;

/** Whether `loop`, a counted `range(...)` loop, holds directly (not inside another loop) a step loop whose count is
 *  sized by the data it walks: its iterations then make one pass over that data, and each of `loop`'s is an epoch. */
export function passesOverData(loop: ForStatement, isStepLoop: (l: LoopStatement) => boolean, sameDataOnly = false, isLoader?: (name: string) => boolean, bindingBefore?: (name: string) => Expression | undefined): boolean {
  if (!isRangeCall(loop.iter)) return false;
  const assigned = new Map<string, Expression>();
  const inner: ForStatement[] = [];
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name") assigned.set(s.targets[0].id, s.value);
      if (s.type === "for") inner.push(s);
      else if (s.type === "if" || s.type === "with" || s.type === "try") for (const b of childBodies(s)) visit(b);
    }
  };
  visit(loop.body);
  return inner.some((l) => {
    // `training_batch = zip(...)` bound in the outer loop's body, then `for start, end in training_batch:`.
    const iter = l.iter.type === "name" ? assigned.get(l.iter.id) ?? l.iter : l.iter;
    // `for it in range(training_iters): for xb, yb in train_loader:`: a step loop over a whole loader bound outside
    // the loop (not rebuilt in it) walks the data once per turn, so each turn is an epoch whatever it is named.
    const walked = unwrapped(l.iter);
    if (isLoader && walked.type === "name" && !assigned.has(walked.id) && isLoader(walked.id)) return isStepLoop(l);
    // So does one over a loader the object holds (`for x, y in self.ldr_train:`), that the loop does not rebuild.
    if (isLoader && walked.type === "attribute" && walked.object.type === "name" && !assigned.has(walked.object.id) && isLoader(`${walked.object.id}.${walked.name}`)) return isStepLoop(l);
    // `for j in range(int(train_size / batch_size)): X[j * batch_size:(j + 1) * batch_size]` walks train_size rows
    // a turn whatever that count is named (index-sliced-pass.ts), when this loop does not rebind what it slices.
    // The count may be held under a name bound before this loop (`n_batches = N // batch_sz`); one the loop binds
    // itself is read from that binding.
    const counted = (name: string) => assigned.get(name) ?? bindingBefore?.(name);
    // `for (x, y) in zip(xs, ys):` walks every row of arrays bound outside this loop, one a step (zipped-rows.ts).
    const zipped = zippedArrays(l.iter);
    if (zipped && zipped.arrays.every((a) => a.type === "name" && !assigned.has(a.id))) return isStepLoop(l);
    if (indexSlicedRows(l, counted)) return isStepLoop(l) && slicesNoneOf(l, new Set([...assigned].filter(([, value]) => !isIndexShuffle(value)).map(([name]) => name)));
    if (iter.type !== "call" || !sizedByData(iter) || !isStepLoop(l)) return false;
    // A loop named for steps (`for it in range(1, num_iterations + 1):`) passes over the same data each time only
    // when the data it sizes is bound outside it: PPO refills its rollout buffer on each update, and that is no epoch.
    return !sameDataOnly || sizedNames(iter).every((name) => !assigned.has(name));
  });
}

/** The iterable under `enumerate(...)`, `tqdm(...)` or `iter(...)` wrappers. */
function unwrapped(e: Expression): Expression {
  let at = e;
  while (at.type === "call" && at.func.type === "name" && /^(enumerate|tqdm|iter)$/.test(at.func.id) && at.args[0]?.kind === "positional") at = at.args[0].value;
  return at;
}

/** The names whose size an iterable's bounds read (`len(pairs)` gives pairs). */
function sizedNames(iter: Expression): string[] {
  const names: string[] = [];
  forEachExpression(iter, (e) => {
    if (e.type === "call" && e.func.type === "name" && e.func.id === "len" && e.args[0]?.kind === "positional" && e.args[0].value.type === "name") names.push(e.args[0].value.id);
    else if (e.type === "subscript" && e.object.type === "attribute" && e.object.name === "shape" && e.object.object.type === "name") names.push(e.object.object.id);
    else if (e.type === "call" && e.func.type === "attribute" && e.func.name === "size" && e.func.object.type === "name") names.push(e.func.object.id);
  });
  return names;
}

/** The bounds of a `for i in range(start, stop, step)` loop (also under `enumerate(...)` or `tqdm(...)`) whose body
 *  slices its batches by the stride: one pass walks the items from start to stop, whatever the stop is named
 *  (`len(x)`, `x.shape[0]`, or `n_train` of arrays the script built with n_train rows). A stop that reads no data size
 *  stands only when what the loop slices is not rebuilt by a loop around it (`enclosing`): PPO's minibatches of
 *  `range(0, ROLLOUT_STEPS, mb)` slice a rollout each update collects afresh, which is no sample count. */
export function stridedRangeBounds(loop: LoopStatement, enclosing: readonly Statement[] = []): { start: Expression | undefined; stop: Expression } | undefined {
  if (loop.type !== "for") return undefined;
  let iter = loop.iter;
  // `enumerate(range(0, n, bs))`, `tqdm(range(0, n, bs))`: the wrapped range is what is walked.
  while (iter.type === "call" && !isRangeCall(iter) && iter.func.type !== "attribute" && iter.args[0]?.kind === "positional" && iter.args[0].value.type === "call" && /^(enumerate|tqdm|iter)$/.test(iter.func.type === "name" ? iter.func.id : "")) iter = iter.args[0].value;
  if (iter.type !== "call" || !isRangeCall(iter) || iter.args.length !== 3) return undefined;
  const [start, stop] = iter.args;
  if (start.kind !== "positional" || stop.kind !== "positional") return undefined;
  if (!sizedByData(stop.value)) {
    const rebuilt = rebuiltNames(enclosing);
    if (slicedNames(loop.body).some((n) => rebuilt.has(n))) return undefined;
  }
  return { start: start.value.type === "int" && start.value.value === 0 ? undefined : start.value, stop: stop.value };
}

/** An iterable whose bounds read a data size: `len(x)`, `x.shape[0]`, `x.size(0)`, `data.num_examples`. */
function sizedByData(iter: Expression): boolean {
  let found = false;
  forEachExpression(iter, (e) => {
    if (found) return;
    if (e.type === "call" && e.func.type === "name" && e.func.id === "len") found = true;
    else if (e.type === "attribute" && e.name === "num_examples") found = true;
    else if (e.type === "subscript" && e.object.type === "attribute" && e.object.name === "shape" && e.index.type === "int" && e.index.value === 0) found = true;
    // torch's `x.size(0)`, the first dimension as `x.shape[0]` gives it.
    else if (e.type === "call" && e.func.type === "attribute" && e.func.name === "size" && e.args.length === 1 && e.args[0].kind === "positional" && e.args[0].value.type === "int" && e.args[0].value.value === 0) found = true;
  });
  return found;
}

/** A `range(...)` or `trange(...)` call. */
export function isRangeCall(e: Expression): boolean {
  return e.type === "call" && e.func.type === "name" && (e.func.id === "range" || e.func.id === "trange");
}

/** The names a block slices (`x` of `x[i:i + bs]`), the roots of dotted ones. */
function slicedNames(body: Statement[]): string[] {
  const names: string[] = [];
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type !== "subscript" || e.index.type !== "slice") return;
      const name = rootName(e.object);
      if (name) names.push(name);
    });
  });
  return names;
}

/** A `range(...)` whose bounds are all integer literals (`range(50)`, `range(1, 51)`): a count the loop states itself,
 *  which no name can mean as something other than its passes (as `range(epochs_between_saves)` could). */
export function literalRange(e: Expression): boolean {
  return isRangeCall(e) && e.type === "call" && e.args.length > 0 && e.args.every((a) => a.kind === "positional" && a.value.type === "int");
}
