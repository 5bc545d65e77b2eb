// The part of a Hugging Face dataset a training run keeps after the Dataset methods chained on it
// (huggingface.co/docs/datasets/package_reference/main_classes#datasets.Dataset): `select(indices)` keeps len(indices)
// rows, `shard(num_shards, index)` keeps the index-th of num_shards near-equal shards (the first n % num_shards one row
// longer), `train_test_split(test_size=...)["train"]` keeps scikit-learn's training part (the same sizes:
// split-sizes.ts), `take(n)` the first n and `skip(n)` the rest; `shuffle`, `map`, `rename_column`, ... keep every row
// (`to_tf_dataset` too: the same rows as tf.data, hub-tf-dataset.ts)
// (a batched `map` whose tokenizer returns overflowing tokens does not: overflowing-map.ts).
// `filter(fn)` keeps the rows fn accepts, which only running it tells: the part's size is then unknown.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import type { Statement } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument, targetNames } from "../python/syntax-walk";
import { trainTestSplitSizes } from "./split-sizes";
import { mapSplitsRows } from "./overflowing-map";
import { lenCall } from "../python/len-call";
import { inMemoryRowsSource } from "./in-memory-datasets";

/** A part of known size, with how it was read; or a part whose size only running the code tells. */
export type HubPart = { value: number; detail: string } | { unknown: string };

/** Dataset methods that return a dataset of the same rows (reordered, reformatted or with other columns). */
const KEEPS_ROWS = /^(shuffle|map|flatten_indices|rename_column|rename_columns|remove_columns|select_columns|cast|cast_column|with_format|set_format|with_transform|set_transform|flatten|sort|class_encode_column|add_column|to_iterable_dataset|to_tf_dataset)$/;
/** Dataset methods that change the rows kept. */
const RESIZES = /^(select|shard|train_test_split|take|skip|filter)$/;

/** Whether an expression is a Dataset method call or subscript chained on something (for finding chains). */
export function isHubMethodCall(e: Expression): boolean {
  return e.type === "call" && e.func.type === "attribute" && (KEEPS_ROWS.test(e.func.name) || RESIZES.test(e.func.name));
}

/** Whether a chain changes the rows of what it starts from (`select`, `shard`, `filter`, `train_test_split`, ...). */
export function resizesRows(e: Expression): boolean {
  for (let at: Expression | undefined = e; at; at = receiver(at)) if (at.type === "call" && at.func.type === "attribute" && RESIZES.test(at.func.name)) return true;
  return false;
}

/** The innermost expression of a chain of Dataset methods and subscripts (`load_dataset(...)` in
 *  `load_dataset(...)["train"].shuffle().select(...)`). */
export function chainRoot(e: Expression): Expression {
  let at = e;
  for (let next = receiver(at); next; next = receiver(at)) at = next;
  return at;
}

/** The expression a chain link is applied to: a method call's object, a subscript's object. */
function receiver(e: Expression): Expression | undefined {
  if (e.type === "call" && e.func.type === "attribute" && (KEEPS_ROWS.test(e.func.name) || RESIZES.test(e.func.name))) return e.func.object;
  if (e.type === "subscript") return e.object;
  return undefined;
}

/**
 * The rows a chain of Dataset methods keeps of the dataset `root` gives at its start (`root` answers for the chain's
 * innermost expression: a `load_dataset(...)` call, or a name bound to a dataset), or undefined when the chain holds
 * something else. `evaluate` reads an argument where the chain is.
 */
export function hubChainRows(
  e: Expression,
  root: (e: Expression) => { value: number; detail: string } | undefined,
  evaluate: (e: Expression) => Value | undefined,
  snippet: (e: Expression) => string,
  splitBound?: (name: string) => BoundSplit | undefined,
): HubPart | undefined {
  const rows = (x: Expression) => hubChainRows(x, root, evaluate, snippet, splitBound);
  if (e.type === "subscript") {
    const key = e.index.type === "str" ? e.index.value : undefined;
    if (key !== "train") return root(e);
    // `ds.train_test_split(test_size=0.1)["train"]`: the training part of the split; also where the split's
    // DatasetDict was bound to a name first (`parts = ds.train_test_split(test_size=2000)`, then `parts["train"]`).
    const named = e.object.type === "name" ? splitBound?.(e.object.id) : undefined;
    const split = named?.split ?? e.object;
    if (split.type === "call" && split.func.type === "attribute" && split.func.name === "train_test_split") {
      // A batched map between the split and this part that splits or joins rows makes rows of its own.
      if (named?.through.some((c) => c.type === "call" && c.func.type === "attribute" && c.func.name === "map" && mapSplitsRows(c, evaluate))) return { unknown: snippet(e) };
      const size = (name: string): number | undefined | typeof NaN => {
        const a = keywordArgument(split, name) ?? positionalArgument(split, name === "test_size" ? 0 : 1);
        const v = a ? evaluate(a) : undefined;
        return !a || v?.kind === "none" ? undefined : v?.kind === "int" || v?.kind === "float" ? v.value : NaN;
      };
      // The whole being split, where a name bound to this split (`books = books["train"].train_test_split(...)`) stands
      // for what it was bound to before: never this split again.
      const whole = hubChainRows(split.func.object, root, evaluate, snippet, (n) => {
        const bound = splitBound?.(n);
        return bound?.split === split ? undefined : bound;
      });
      if (!whole || "unknown" in whole) return fixedTrainSize(split, size("train_size"), snippet) ?? whole;
      const sizes = trainTestSplitSizes(whole.value, size("test_size"), size("train_size"));
      return sizes ? { value: sizes[0], detail: `${snippet(e)}: ${sizes[0]} of ${whole.value} rows for training (Dataset.train_test_split, scikit-learn's sizes; ${whole.detail})` } : { unknown: snippet(split) };
    }
    // A DatasetDict's "train" split: what the dictionary's root says of it.
    return root(e) ?? root(split);
  }
  if (e.type !== "call" || e.func.type !== "attribute" || !(KEEPS_ROWS.test(e.func.name) || RESIZES.test(e.func.name))) return root(e);
  const method = e.func.name;
  const whole = rows(e.func.object);
  // `select(range(n))` keeps n rows whatever the dataset holds (past its end, select raises IndexError): known where
  // the whole is not (a hub dataset the tables do not size).
  if ((!whole || "unknown" in whole) && method === "select") return selectedRows(e, evaluate, snippet) ?? whole;
  if (!whole || "unknown" in whole) return whole;
  // A batched map whose tokenizer splits long inputs into several features makes rows of its own (overflowing-map.ts).
  if (method === "map" && e.type === "call" && mapSplitsRows(e, evaluate)) return { unknown: snippet(e) };
  if (KEEPS_ROWS.test(method)) return whole;
  if (method === "filter") return { unknown: snippet(e) };
  const count = (a: Expression | undefined): number | undefined => {
    const v = a ? evaluate(a) : undefined;
    return v?.kind === "int" && v.value >= 0 ? v.value : undefined;
  };
  if (method === "select") {
    const indices = keywordArgument(e, "indices") ?? positionalArgument(e, 0);
    const n = indices ? count(lenCall(indices)) : undefined;
    return n !== undefined && n > 0 ? { value: n, detail: `${snippet(e)}: ${n} of its ${whole.value} rows (${whole.detail})` } : { unknown: snippet(e) };
  }
  if (method === "shard") {
    const shards = count(keywordArgument(e, "num_shards") ?? positionalArgument(e, 0));
    const index = count(keywordArgument(e, "index") ?? positionalArgument(e, 1));
    if (shards === undefined || shards <= 0 || index === undefined || index >= shards) return { unknown: snippet(e) };
    const n = Math.floor(whole.value / shards) + (index < whole.value % shards ? 1 : 0);
    return { value: n, detail: `${snippet(e)}: shard ${index} of ${shards} of its ${whole.value} rows (${whole.detail})` };
  }
  if (method === "take" || method === "skip") {
    const k = count(keywordArgument(e, "n") ?? positionalArgument(e, 0));
    if (k === undefined) return { unknown: snippet(e) };
    const n = method === "take" ? Math.min(k, whole.value) : Math.max(0, whole.value - k);
    return n > 0 ? { value: n, detail: `${snippet(e)}: ${n} of its ${whole.value} rows (${whole.detail})` } : { unknown: snippet(e) };
  }
  // `train_test_split(...)` not subscripted is a DatasetDict, no one part.
  return undefined;
}

/** The n rows of `ds.select(range(n))` (or of a list of n indices), given one argument; undefined otherwise. */
function selectedRows(e: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): HubPart | undefined {
  const indices = e.args.length === 1 ? keywordArgument(e, "indices") ?? positionalArgument(e, 0) : undefined;
  if (!indices || !(indices.type === "list" || (indices.type === "call" && indices.func.type === "name" && indices.func.id === "range"))) return undefined;
  const v = evaluate(lenCall(indices));
  return v?.kind === "int" && v.value > 0 ? { value: v.value, detail: `${snippet(e)}: ${v.value} rows, whatever the dataset holds (Dataset.select keeps len(indices) rows)` } : undefined;
}

/** An int `train_size` of a split of a loaded dataset whose size the tables do not give: that many rows, whatever the
 *  whole holds (an int is the training part's count; scikit-learn's sizes, which Dataset.train_test_split takes, raise
 *  where it exceeds the rows). */
function fixedTrainSize(split: Extract<Expression, { type: "call" }>, trainSize: number | undefined, snippet: (e: Expression) => string): HubPart | undefined {
  if (trainSize === undefined || !Number.isInteger(trainSize) || trainSize < 1) return undefined;
  const root = split.func.type === "attribute" ? chainRoot(split.func.object) : undefined;
  if (root?.type !== "call" || (root.func.type === "name" ? root.func.id : root.func.type === "attribute" ? root.func.name : "") !== "load_dataset") return undefined;
  return { value: trainSize, detail: `${snippet(split)}: train_size=${trainSize} rows for training, whatever ${snippet(root)} holds (Dataset.train_test_split, scikit-learn's sizes)` };
}

/** Every assignment of a body, in source order: the names it binds and the value (for `boundSplit`). */
export function nameAssignments(body: Statement[]): { value: Expression; names: string[] }[] {
  const bindings: { value: Expression; names: string[] }[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign") bindings.push({ value: s.value, names: s.targets.flatMap(targetNames) });
  }, [], () => true);
  return bindings;
}

/** A `train_test_split(...)` DatasetDict a name stands for, and the row-keeping calls (`map`, `shuffle`) chained on it
 *  through the names it was rebound to since. */
export interface BoundSplit {
  split: Expression;
  through: Expression[];
}

/** The `train_test_split(...)` call (its DatasetDict, not subscripted) a name was last bound to before `before`, if
 *  that was its last binding there; also through later bindings of row-keeping methods on such a name
 *  (`books = books.train_test_split(test_size=0.2)`, then `tokenized = books.map(encode, batched=True)`: a
 *  DatasetDict's `map` keeps each split's rows). */
export function boundSplit(assignments: { value: Expression; names: string[] }[], name: string, before: number, depth = 0): BoundSplit | undefined {
  const last = lastBinding(assignments, name, before);
  const value = last?.value;
  if (!last || !value) return undefined;
  if (value.type === "call" && value.func.type === "attribute" && value.func.name === "train_test_split") return { split: value, through: [] };
  const through: Expression[] = [];
  let at: Expression = value;
  while (at.type === "call" && at.func.type === "attribute" && KEEPS_ROWS.test(at.func.name)) {
    through.push(at);
    at = at.func.object;
  }
  if (through.length === 0 || at.type !== "name" || last.names.length !== 1 || depth >= 4) return undefined;
  const earlier = boundSplit(assignments, at.id, value.pos.startIndex, depth + 1);
  return earlier ? { split: earlier.split, through: [...earlier.through, ...through] } : undefined;
}

/** The last assignment to `name` that starts before `before`, in source order. */
function lastBinding(assignments: { value: Expression; names: string[] }[], name: string, before: number): { value: Expression; names: string[] } | undefined {
  let found: { value: Expression; names: string[] } | undefined;
  for (const a of assignments) {
    if (!a.names.includes(name) || a.value.pos.startIndex >= before || (found && a.value.pos.startIndex < found.value.pos.startIndex)) continue;
    found = a;
  }
  return found;
}

/** The value a name was last bound to before `before`, where that binding reads a dataset whole or in part
 *  (`train = ds["train"]`, `ds = other`, `ds = ds.shuffle(seed=1)`): what the name stands for at the root of a later
 *  chain (`train = train.map(encode, batched=True)`); a name unpacked from a tuple (`a, b = ds["train"], ds["test"]`)
 *  stands for the item at its place. Undefined for any other last binding or unpacking. */
export function boundDatasetAlias(assignments: { value: Expression; names: string[] }[], name: string, before: number): Expression | undefined {
  const last = lastBinding(assignments, name, before);
  if (!last) return undefined;
  const { value, names } = last;
  // `train_ds, val_ds = parts["train"], parts["test"]`: each name is bound to the item at its place.
  const paired = names.length > 1 && value.type === "tuple" && value.items.length === names.length ? value.items[names.indexOf(name)] : names.length === 1 ? value : undefined;
  return paired && (paired.type === "subscript" || paired.type === "name" || isHubMethodCall(paired) || inMemoryRowsSource(paired)) ? paired : undefined;
}

/** The chains of Dataset methods that assignments bind (`train = ds.train_test_split(test_size=0.1)["train"]`), by the
 *  outermost method call of each, which the plan meets as a call: the whole chain and the names it binds. */
export function assignedHubChains(body: Statement[]): Map<Expression, { value: Expression; names: string[] }> {
  const chains = new Map<Expression, { value: Expression; names: string[] }>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign") return;
    let at: Expression | undefined = s.value;
    while (at && !isHubMethodCall(at)) at = at.type === "subscript" ? at.object : undefined;
    if (at) chains.set(at, { value: s.value, names: s.targets.flatMap((t) => [...targetNames(t), ...trainSplitOwner(t)]) });
  }, [], () => true);
  return chains;
}

/** `ds["train"] = ds["train"].select(range(1000))` replaces a DatasetDict's training split in place: from there the
 *  dictionary's name stands for the new split's rows, as a name bound to a DatasetDict stands for its "train" split's. */
function trainSplitOwner(target: Expression): string[] {
  return target.type === "subscript" && target.object.type === "name" && target.index.type === "str" && target.index.value === "train" ? [target.object.id] : [];
}

/** The part a name was last bound to before `before` (`train = parts["train"]`) where `rows` reads it as a part whose
 *  size only running the code tells (the training part of a split of a filtered set, or of a split that raises for
 *  leaving no training rows); undefined otherwise. A chain of methods bound to the name is the plan's own call site. */
export function unsizedAliasedPart(assignments: { value: Expression; names: string[] }[], name: string, before: number, rows: (alias: Expression) => HubPart | undefined): Expression | undefined {
  const alias = boundDatasetAlias(assignments, name, before);
  if (alias?.type !== "subscript") return undefined;
  const part = rows(alias);
  return part && "unknown" in part ? alias : undefined;
}

/** `load_dataset("glue", "sst2")["validation"]`: the split a DatasetDict call is subscripted with where it is made (a
 *  literal key right after the call's closing parenthesis), read from the file's text. A DatasetDict's subscript is
 *  that split's Dataset (huggingface.co/docs/datasets/package_reference/main_classes#datasets.DatasetDict), so a key
 *  other than "train" holds none of the training split's rows. */
export function subscriptedSplit(text: string, call: Expression): string | undefined {
  return /^\s*\[\s*["']([\w.-]+)["']\s*\]/.exec(text.slice(call.pos.endIndex, call.pos.endIndex + 80))?.[1];
}
