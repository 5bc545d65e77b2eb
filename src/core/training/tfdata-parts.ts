// The elements a tf.data chain keeps of a dataset of known size (tensorflow.org/api_docs/python/tf/data/Dataset):
// `take(n)` the first n, `skip(n)` all but the first n, `shard(num_shards, index)` every num_shards-th from index
// (the elements whose position i has i % num_shards == index: ⌈(n − index) / num_shards⌉ of n); `map`, `shuffle`, `cache`, `prefetch` and the batching calls
// keep every one. `mnist_train = mnist_train.skip(10000).batch(64)` over MNIST's 60,000 training images trains on
// 50,000. The chain's start is a name bound to a sized dataset, its "train" split (`datasets['train']` of
// `tfds.builder('mnist').as_dataset()`), or `tf.data.Dataset.from_tensor_slices(x)` of such data.
import type { Expression, Statement } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument, targetNames } from "../python/syntax-walk";

/** A size and how it was read. */
export interface Rows {
  value: number;
  detail: string;
}

const KEEPS = new Set(["map", "shuffle", "cache", "prefetch", "batch", "padded_batch", "with_options"]);
/** tf.data's batching calls, each with the position of its drop_remainder argument (tensorflow.org/api_docs/python/tf/data/Dataset:
 *  `batch(batch_size, drop_remainder=False, ...)`, `padded_batch(batch_size, padded_shapes=None, padding_values=None,
 *  drop_remainder=False, ...)`, TF 2.x). */
export const DROP_REMAINDER_POSITION: ReadonlyMap<string, number> = new Map([["batch", 1], ["padded_batch", 3]]);
const BATCHES = new Set(DROP_REMAINDER_POSITION.keys());
/** The links that keep part of the elements. */
const CUTS = new Set(["take", "skip", "shard"]);

/** Assignments of a chain holding `take`, `skip` or `shard` (`ds = ds.skip(10000).batch(64)`), each with the names it binds. */
export function cutChains(body: Statement[]): { value: Expression; names: string[]; at: number }[] {
  const out: { value: Expression; names: string[]; at: number }[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign") return;
    let cut = false;
    for (let e: Expression = s.value; e.type === "call" && e.func.type === "attribute"; e = e.func.object) if (CUTS.has(e.func.name)) cut = true;
    if (cut) out.push({ value: s.value, names: s.targets.flatMap(targetNames), at: s.pos.startIndex });
  }, [], () => false);
  return out;
}

/** The names a tuple assignment binds one by one (`train, test = ds['train'], ds['test']`), to what each is bound. */
export function pairedBindings(body: Statement[]): Map<string, Expression> {
  const out = new Map<string, Expression>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1) return;
    const [t, v] = [s.targets[0]!, s.value];
    if ((t.type === "tuple" || t.type === "list") && v.type === "tuple" && t.items.length === v.items.length) t.items.forEach((item, i) => item.type === "name" && out.set(item.id, v.items[i]!));
  }, [], () => false);
  return out;
}

/**
 * The rows a chain cut by `take`/`skip` keeps (of batches when it comes after `batch(b)`: n batches of b rows), from
 * the rows `root` gives for its start (or an endless stream where `endless` says why it never runs out; undefined when
 * unknown); undefined for chains with other methods or a cut after
 * a repeat (endless data: take-count.ts reads that).
 */
export function cutChainRows(value: Expression, root: (e: Expression) => Rows | undefined, count: (e: Expression) => number | undefined, snippet: (e: Expression) => string, endless?: (start: Expression) => string | undefined): Rows | undefined {
  const links: Extract<Expression, { type: "call" }>[] = [];
  let start = value;
  while (start.type === "call" && start.func.type === "attribute" && (KEEPS.has(start.func.name) || CUTS.has(start.func.name) || start.func.name === "repeat")) {
    links.unshift(start);
    start = start.func.object;
  }
  // from_tensor_slices(x) or from_tensor_slices((x, y)): one element per row of x.
  if (start.type === "call" && start.func.type === "attribute" && start.func.name === "from_tensor_slices") {
    const given = positionalArgument(start, 0) ?? keywordArgument(start, "tensors");
    start = given?.type === "tuple" && given.items.length > 0 ? given.items[0]! : given ?? start;
  }
  // A start that never runs out (endless-generator-source.ts) keeps as many elements as a take() asks.
  const never = root(start) ? undefined : endless?.(start);
  const whole = root(start) ?? (never ? { value: Infinity, detail: never } : undefined);
  if (!whole) return undefined;
  let rows = whole.value;
  /** After batch(b), each element is a batch of b rows (the last one shorter unless drop_remainder=True). */
  let batch: { size: number; dropRemainder: boolean } | undefined;
  let repeated = false;
  const cuts: string[] = [];
  for (const link of links) {
    const method = link.func.type === "attribute" ? link.func.name : "";
    if (BATCHES.has(method)) {
      if (batch) return undefined;
      const size = count(positionalArgument(link, 0) ?? keywordArgument(link, "batch_size") ?? link);
      const remainder = keywordArgument(link, "drop_remainder") ?? positionalArgument(link, 1);
      if (size === undefined || size <= 0) return undefined;
      batch = { size, dropRemainder: remainder?.type === "constant" && remainder.value === "True" };
      if (batch.dropRemainder) rows = Math.floor(rows / size) * size;
    }
    if (method === "repeat") repeated = true;
    if (!CUTS.has(method)) continue;
    if (repeated) return undefined;
    if (method === "shard") {
      // Sharded batches are whole batches of each shard: left unread.
      const shards = count(positionalArgument(link, 0) ?? keywordArgument(link, "num_shards") ?? link);
      const index = count(positionalArgument(link, 1) ?? keywordArgument(link, "index") ?? link);
      if (batch || shards === undefined || shards <= 0 || index === undefined || index < 0 || index >= shards) return undefined;
      rows = Math.max(0, Math.ceil((rows - index) / shards));
      cuts.push(`shard(${shards}, ${index})`);
      continue;
    }
    const n = count(positionalArgument(link, 0) ?? keywordArgument(link, "count") ?? link);
    if (n === undefined || n < 0) return undefined;
    // take(n) of batches keeps n batches: n × b rows, or all of them when there are no more.
    const k = batch ? n * batch.size : n;
    rows = method === "take" ? Math.min(k, rows) : Math.max(0, rows - k);
    cuts.push(`${method}(${n})${batch ? ` batches of ${batch.size}` : ""}`);
  }
  const of = Number.isFinite(whole.value) ? `${whole.value} elements` : "an endless stream";
  return cuts.length > 0 && rows > 0 && Number.isFinite(rows) ? { value: rows, detail: `${snippet(value)}: ${cuts.join(", ")} of ${of} (${whole.detail})` } : undefined;
}

/** The start of a chain that keeps every element (`ds.map(f).shuffle(1000)` → `ds`), or undefined for other values. */
export function keptChainStart(value: Expression): Expression | undefined {
  let start = value;
  while (start.type === "call" && start.func.type === "attribute" && KEEPS.has(start.func.name)) start = start.func.object;
  return start === value ? undefined : start;
}

/** The last plain assignment of each name before a position, over a body's statements (functions not entered). */
export function plainBindings(body: Statement[]): (name: string, before: number) => { value: Expression; at: number } | undefined {
  const all: { name: string; value: Expression; at: number }[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0]!.type === "name") all.push({ name: s.targets[0]!.id, value: s.value, at: s.pos.startIndex });
  }, [], () => false);
  return (name, before) => all.filter((a) => a.name === name && a.at < before).pop();
}
