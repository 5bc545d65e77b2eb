// The batch of a step loop that takes its batches without a loader, read from the loop's syntax (issue 21):
// - a chunking loop `for start in range(0, n, mb): ... x[start:end]` takes `mb` items a step (Python's range(start,
//   stop, step) yields every step-th index, docs.python.org/3/library/stdtypes.html#range, and the slice from it is
//   one chunk), as cleanrl's PPO slices its minibatches from a flat batch;
// - a replay buffer's `buffer.sample(batch_size)` returns that many transitions a step (stable-baselines3's
//   `ReplayBuffer.sample(batch_size)`, stable-baselines3.readthedocs.io/en/master/modules/dqn.html; cleanrl copies it),
//   and so does `random.sample(memory, batch_size)` on a buffer kept as a deque or list (Python's random module).
// - a loop over batch indexes that slices `x[i * B:i * B + B]` (or `x[i * B:(i + 1) * B]`) takes B items a step: the
//   slice starts at the i-th multiple of B, so consecutive steps take consecutive chunks of B;
// - a loop that slices `x[k:k + B]` from a cursor it advances by the same B each step (`k += B`) takes B items a step
//   (NeRF's `batch = rays_rgb[i_batch:i_batch + N_rand]` then `i_batch += N_rand`);
// - `data.next_batch(n)` returns the next n examples: TensorFlow 1.x's DataSet.next_batch(batch_size)
//   (tensorflow/contrib/learn/python/learn/datasets/mnist.py, the MNIST tutorials' `mnist.train.next_batch(100)`), a
//   contract the hand-written loaders that copy its name keep, so the count is the batch whatever the receiver.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsAnywhere, childBodies, forEachExpression, forEachStatement, ownExpressions, positionalArgument, keywordArgument, dottedName, rootName } from "../python/syntax-walk";
import type { LoopStatement } from "./loop-shape";
import { rangeIndexSlice } from "./range-index-slice";

/** The expression giving a step loop's batch, and how it was read; undefined when the loop does not say. */
export interface StepLoopBatch {
  size: Expression;
  /** What an index slice cuts its chunks from (`x` of `x[i * B:(i + 1) * B]`). */
  data?: Expression;
  how: "range step" | "index slice" | "cursor slice" | "buffer sample" | "next batch";
}

/** A buffer of transitions a method samples batches from: bound to `ReplayBuffer(...)`, `PrioritizedReplayBuffer(...)`,
 *  `ReplayMemory(...)`. */
const BUFFER_CLASS = /(Buffer|Memory)$/;
/** A sampled count named as a batch size (`args.batch_size`, `self.batch_size`, `BATCH_SIZE`, `MINI_BATCH_SIZE`), or
 *  as the batch itself (`random.sample(D, BATCH)`, `minibatch`). */
const BATCH_NAME = /(^|_)(mini_?)?batch(_?size)?$/i;
/** A buffer's method that returns the count of transitions it is given: `sample(n)`, and the other names hand-written
 *  replay buffers give it (`sample_batch(n)`, `get_batch(n)`, `sample_minibatch(n)`); the receiver must be a buffer or
 *  the count named as a batch, as for `sample`. */
const SAMPLE_METHOD = /^(sample(_(mini_?)?batch)?|get_(mini_?)?batch)$/;
/** A data set's method that returns the next `batch_size` examples (TensorFlow 1.x's `DataSet.next_batch`). */
const NEXT_BATCH_METHOD = "next_batch";

/** A count drawn in a block, and how. */
interface DrawnCount {
  size: Expression;
  /** The data set a `next_batch` draw is made on (`mnist.train` of `mnist.train.next_batch(B)`). */
  data?: Expression;
  how: "buffer sample" | "next batch";
}

/** The batch a step loop takes without a loader: its range's step when the body slices from the loop's index, or
 *  the count it samples from a replay buffer. `body` is the code the loop sits in, for the buffers' bindings. */
export function stepLoopBatch(loop: LoopStatement, body: Statement[]): StepLoopBatch | undefined {
  if (loop.type === "for" && loop.target.type === "name") {
    const stride = rangeStep(loop.iter);
    if (stride && (slicesFrom(loop.body, aliasesOf(loop.body, loop.target.id)) || slicedInCalled(loop.body, loop.target.id, body))) return { size: stride, how: "range step" };
    const sliced = indexSlice(loop.body, loop.target.id);
    if (sliced) return { size: sliced.size, data: sliced.data, how: "index slice" };
    // `x_train[slce]` of `slce = get_slice(i, batch_size)`, a range of B indexes from i * B (range-index-slice.ts).
    const ranged = rangeIndexSlice(loop.body, loop.target.id, body);
    if (ranged) return { size: ranged.size, data: ranged.data, how: "index slice" };
    const chunk = boundIndexSliceSize(loop.body, loop.target.id);
    if (chunk) return { size: chunk.size, data: chunk.data, how: "index slice" };
  }
  // `for batch_idx, start in enumerate(range(0, n, bs))`: enumerate pairs a count with each index of the range
  // (docs.python.org/3/library/functions.html#enumerate), so the second name walks the range's strides, sliced in the
  // loop or in a helper of the module it is handed to (`get_batch(data, i, bs)`), as for a bare range.
  const enumerated = loop.type === "for" && loop.iter.type === "call" && dottedName(loop.iter.func) === "enumerate" && loop.target.type === "tuple" && loop.target.items.length === 2 ? positionalArgument(loop.iter, 0) : undefined;
  const item = loop.type === "for" && loop.target.type === "tuple" ? loop.target.items[1] : undefined;
  if (loop.type === "for" && enumerated && item?.type === "name") {
    const stride = rangeStep(enumerated);
    if (stride && (slicesFrom(loop.body, aliasesOf(loop.body, item.id)) || slicedInCalled(loop.body, item.id, body))) return { size: stride, how: "range step" };
  }
  const cursor = cursorSliceSize(loop.body);
  if (cursor) return { size: cursor, how: "cursor slice" };
  const buffers = bufferNames(body);
  const sampled = bufferSample(loop.body, buffers);
  if (sampled) return sampled;
  // The sampling sits in a method the loop calls (`self.train_model()`, `self.learn()`: `batch =
  // self.memory.sample(self.batch_size)`, then the update): Python runs that body on each call, and its `self` is
  // the loop's, so the count reads the same where the loop is. Followed two calls deep.
  const inCalled = calledSample(loop.body, body, buffers, 2, new Set());
  return inCalled;
}

/** The count a block samples from a replay buffer (`buffer.sample(batch_size)`, `random.sample(memory, batch_size)`),
 *  or draws from a data set (`mnist.train.next_batch(mb_size)`). */
function bufferSample(block: Statement[], buffers: Set<string>): DrawnCount | undefined {
  let found: DrawnCount | undefined;
  forEachStatement(block, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (found || e.type !== "call" || e.func.type !== "attribute") return;
      if (e.func.name === NEXT_BATCH_METHOD) {
        const size = positionalArgument(e, 0) ?? keywordArgument(e, "batch_size");
        if (size) found = { size, data: e.func.object, how: "next batch" };
        return;
      }
      if (!SAMPLE_METHOD.test(e.func.name)) return;
      // Python's `random.sample(population, k)` returns k items drawn from the population
      // (docs.python.org/3/library/random.html#random.sample): `random.sample(self.memory, self.batch_size)`.
      const drawn = dottedName(e.func) === "random.sample";
      const size = drawn ? positionalArgument(e, 1) ?? keywordArgument(e, "k") : positionalArgument(e, 0) ?? keywordArgument(e, "batch_size");
      if (!size) return;
      const receiver = drawn ? dottedName(positionalArgument(e, 0) ?? e.func.object) : dottedName(e.func.object);
      const sizeName = dottedName(size)?.split(".").pop();
      if ((receiver !== undefined && buffers.has(receiver)) || (sizeName !== undefined && BATCH_NAME.test(sizeName))) found = { size, how: "buffer sample" };
    });
  });
  return found;
}

/**
 * The count sampled in a function or method that a block calls on `self` or by name (`self.train_model()`,
 * `update()`), defined in `body` (a module's functions and its classes' methods, or the helpers a plan reads with a
 * bound method), `depth` calls deep. Only calls that pass no argument in the sampled count's place are followed: the
 * count must read the same in the caller, as `self.batch_size` does.
 */
function calledSample(block: Statement[], body: Statement[], buffers: Set<string>, depth: number, seen: Set<FunctionDefinition>): DrawnCount | undefined {
  if (depth <= 0) return undefined;
  const definitions = functionsByName(body);
  for (const call of callsAnywhere(block)) {
    // A method called on an object the loop holds by name (`agent.train()` in a top-level episode loop): its `self`
    // is that object, so a count it reads from `self` reads from the object where the loop is.
    const receiver = call.func.type === "attribute" && call.func.object.type === "name" && call.func.object.id !== "self" ? call.func.object : undefined;
    const name = call.func.type === "name" ? call.func.id : call.func.type === "attribute" && call.func.object.type === "name" ? call.func.name : undefined;
    const definition = name === undefined ? undefined : definitions.get(name);
    if (!definition || seen.has(definition) || (receiver && definition.params[0]?.name !== "self")) continue;
    seen.add(definition);
    const drawn = bufferSample(definition.body, buffers) ?? calledSample(definition.body, body, buffers, depth - 1, seen);
    const size = drawn?.size;
    // A number written in the draw (`mnist.train.next_batch(100)`) reads the same wherever the call is.
    if (size?.type === "int" && size.value > 0) return { size, how: drawn!.how };
    const params = new Set(definition.params.map((p) => p.name));
    const root = size && rootName(size);
    if (!size || root === undefined || assignsName(definition.body, root)) continue;
    if (receiver) {
      const onReceiver = root === "self" ? rebased(size, receiver) : undefined;
      if (onReceiver) return { size: onReceiver, how: drawn.how };
      continue;
    }
    // The data set is named where the helper draws, not where the loop is.
    if (root === "self" || !params.has(root)) return { size: drawn.size, how: drawn.how };
    // The count is the function's parameter itself (`def sample_and_optimize(self, batch_size)`): the call passes it,
    // so it is the argument the call gives (`agent.sample_and_optimize(BATCH_SIZE)`), read where the call is.
    const given = size.type === "name" ? passedArgument(call, definition, size.id) : undefined;
    if (given) return { size: given, how: drawn.how };
  }
  return undefined;
}

/** `self.a.b` read on another object: `agent.a.b` (the receiver in place of `self`; its text stays the method's).
 *  Undefined for anything but a chain of attributes. */
function rebased(size: Expression, receiver: Expression): Expression | undefined {
  if (size.type === "name") return receiver;
  if (size.type !== "attribute") return undefined;
  const object = rebased(size.object, receiver);
  return object && { ...size, object };
}

/** The expression a call passes for a parameter of the called definition, by keyword or position (a method's first
 *  parameter, its object, taken by the call's receiver); undefined when the call leaves it to its default. */
export function passedArgument(call: Extract<Expression, { type: "call" }>, definition: FunctionDefinition, parameter: string): Expression | undefined {
  const keyword = keywordArgument(call, parameter);
  if (keyword) return keyword;
  const bound = call.func.type === "attribute" && definition.params[0]?.name === "self" ? 1 : 0;
  const index = definition.params.findIndex((p) => p.name === parameter) - bound;
  if (index < 0 || definition.params.slice(0, index + bound + 1).some((p) => p.kind !== "normal")) return undefined;
  return positionalArgument(call, index);
}

/** Functions and methods defined in a block or its classes, by name (the first of a name). */
function functionsByName(body: Statement[]): Map<string, FunctionDefinition> {
  const out = new Map<string, FunctionDefinition>();
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (s.type === "function" && !out.has(s.name)) out.set(s.name, s);
      else if (s.type === "class") visit(s.body);
    }
  };
  visit(body);
  return out;
}

/** Whether a block binds a plain name (`batch_size = ...`) itself. */
function assignsName(block: Statement[], name: string): boolean {
  let found = false;
  forEachStatement(block, ({ statement: s }) => {
    if ((s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name)) || (s.type === "augmented" && s.target.type === "name" && s.target.id === name)) found = true;
  });
  return found;
}

/** The third argument of `range(start, stop, step)`. */
function rangeStep(iter: Expression): Expression | undefined {
  if (iter.type !== "call" || dottedName(iter.func) !== "range" || iter.args.length !== 3) return undefined;
  const step = iter.args[2];
  return step.kind === "positional" ? step.value : undefined;
}

/** Whether a block passes the loop's index to a function or method of `body` that slices from the parameter it binds
 *  (`self.get_batch(pairs, j)` with `batch = pairs[idx:idx + self.batch_size]` inside): Python runs that body with the
 *  index, so each iteration slices its chunk there. */
function slicedInCalled(block: Statement[], index: string, body: Statement[]): boolean {
  const definitions = functionsByName(body);
  return callsAnywhere(block).some((call) => {
    const name = call.func.type === "name" ? call.func.id : call.func.type === "attribute" ? call.func.name : undefined;
    const definition = name === undefined ? undefined : definitions.get(name);
    if (!definition) return false;
    return definition.params.some((p) => {
      const given = passedArgument(call, definition, p.name);
      return given?.type === "name" && given.id === index && slicesFrom(definition.body, new Set([p.name]));
    });
  });
}

/** The loop's index and the names a block binds to it as they are (`start_ind = batch`), which slice as it does. */
function aliasesOf(body: Statement[], name: string): Set<string> {
  const names = new Set([name]);
  for (const s of body) {
    if (s.type === "assign" && s.value.type === "name" && names.has(s.value.id)) for (const t of s.targets) if (t.type === "name") names.add(t.id);
  }
  return names;
}

/** Whether a block slices anything from one of the names (`b_inds[start:end]`, `x[i:i + mb]`), or by a slice object
 *  it builds from one (`idx = slice(i, i + mb)`, then `x[idx]`: Python's `x[a:b]` is `x[slice(a, b)]`,
 *  docs.python.org/3/library/functions.html#slice). */
function slicesFrom(body: Statement[], names: Set<string>): boolean {
  const sliceObjects = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.value.type !== "call" || dottedName(s.value.func) !== "slice") return;
    const start = positionalArgument(s.value, 0);
    if (s.value.args.length >= 2 && start?.type === "name" && names.has(start.id)) for (const t of s.targets) if (t.type === "name") sliceObjects.add(t.id);
  });
  let found = false;
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type === "subscript" && e.index.type === "slice" && e.index.start?.type === "name" && names.has(e.index.start.id)) found = true;
      if (e.type === "subscript" && e.index.type === "name" && sliceObjects.has(e.index.id)) found = true;
    });
  });
  return found;
}

/** B of a slice `x[i * B:...]` or `x[B * i:...]` from the loop's index `i` in a block, its stop past its start. */
export function indexSlice(body: Statement[], index: string): { size: Expression; data: Expression } | undefined {
  let found: { size: Expression; data: Expression } | undefined;
  const isIndex = (e: Expression) => e.type === "name" && e.id === index;
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (found || e.type !== "subscript" || e.index.type !== "slice" || !e.index.stop) return;
      const start = e.index.start;
      if (start?.type !== "binary" || start.op !== "*") return;
      const size = isIndex(start.left) ? start.right : isIndex(start.right) ? start.left : undefined;
      if (size && (size.type === "name" || size.type === "attribute" || size.type === "int")) found = { size, data: e.object };
    });
  });
  return found;
}

/** B of a slice `x[k:k + B]` whose start the loop binds from its index times that B (`i = (step * B) % N`, then
 *  `feed_dict={x: xs[i:i + B]}`, as TensorFlow 1.x tutorials feed a step's rows): consecutive steps take consecutive
 *  chunks of B, wrapping around the data. The stop may be named first too (`start_i = i * bs; end_i = start_i + bs;
 *  xb = x_train[start_i:end_i]`, PyTorch's "What is torch.nn really?" tutorial). */
function boundIndexSliceSize(body: Statement[], index: string): { size: Expression; data?: Expression } | undefined {
  const starts = new Map<string, string>();
  const sums = new Map<string, Expression>();
  for (const s of body) {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name") continue;
    if (s.value.type === "binary" && s.value.op === "+") sums.set(s.targets[0].id, s.value);
    forEachExpression(s.value, (e) => {
      if (e.type !== "binary" || e.op !== "*") return;
      const other = e.left.type === "name" && e.left.id === index ? e.right : e.right.type === "name" && e.right.id === index ? e.left : undefined;
      const size = other && dottedName(other);
      if (size) starts.set((s.targets[0] as { id: string }).id, size);
    });
  }
  if (starts.size === 0) return undefined;
  let found: { size: Expression; data?: Expression } | undefined;
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (found || e.type !== "subscript" || e.index.type !== "slice" || e.index.start?.type !== "name") return;
      const stop = e.index.stop?.type === "name" ? sums.get(e.index.stop.id) : e.index.stop;
      if (stop?.type !== "binary" || stop.op !== "+") return;
      const size = starts.get(e.index.start.id);
      const k = e.index.start.id;
      const added = dottedName(stop.left) === k ? stop.right : dottedName(stop.right) === k ? stop.left : undefined;
      // The rows a named stop's slice cuts its chunks from: the data the steps walk (the inline form keeps its reading).
      if (size && added && dottedName(added) === size) found = { size: added, data: e.index.stop?.type === "name" ? e.object : undefined };
    });
  });
  return found;
}

/** B of a slice `x[k:k + B]` whose cursor `k` the loop's own statements advance by that B (`k += B`), outside nested
 *  loops and definitions. */
function cursorSliceSize(body: Statement[]): Expression | undefined {
  const advanced = new Map<string, string>();
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (s.type === "augmented" && s.op === "+") {
        const [name, by] = [dottedName(s.target), dottedName(s.value) ?? (s.value.type === "int" ? String(s.value.value) : undefined)];
        if (name && by) advanced.set(name, by);
      }
      if (s.type === "if" || s.type === "with" || s.type === "try") for (const b of childBodies(s)) visit(b);
    }
  };
  visit(body);
  if (advanced.size === 0) return undefined;
  let found: Expression | undefined;
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (found || e.type !== "subscript" || e.index.type !== "slice" || !e.index.start || e.index.stop?.type !== "binary" || e.index.stop.op !== "+") return;
      const k = dottedName(e.index.start);
      const stop = e.index.stop;
      const size = dottedName(stop.left) === k ? stop.right : dottedName(stop.right) === k ? stop.left : undefined;
      const sizeText = size ? dottedName(size) ?? (size.type === "int" ? String(size.value) : undefined) : undefined;
      if (k && size && sizeText !== undefined && advanced.get(k) === sizeText) found = size;
    });
  }, [], () => false);
  return found;
}

/** Names (and `self.x` attributes) bound to a replay buffer's constructor anywhere in a block. */
function bufferNames(body: Statement[]): Set<string> {
  const names = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.value.type !== "call") return;
    const callee = dottedName(s.value.func)?.split(".").pop();
    if (!callee || !BUFFER_CLASS.test(callee)) return;
    for (const t of s.targets) {
      const name = dottedName(t);
      if (name) names.add(name);
    }
  });
  return names;
}
