// tf.data's `dataset.repeat(count)` "repeats this dataset so each original value is seen count times"
// (tensorflow.org/api_docs/python/tf/data/Dataset#repeat): a step loop over `db.batch(32).repeat(30)` with no epoch
// loop around it makes 30 passes over the data, so the run's epochs are 30 and its steps 30 × the batches of a pass.
// The chain is read where the loop walks it (`for x in ds.repeat(3)`, through enumerate or tqdm) or through the
// assignments of the name it walks (`db = db.batch(32).repeat(30)`, or `train_db = train_db.repeat(20)` a line later).
import type { Expression, Statement } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";

/** A stated pass count of a repeated dataset: the count expressions of its `.repeat(k)` calls, in order. */
export interface RepeatPasses {
  counts: Expression[];
  /** The `.repeat(...)` calls, for the plan's detail. */
  calls: Expression[];
}

const WRAPPERS = new Set(["enumerate", "tqdm", "iter"]);

/**
 * The stated `.repeat(k)` counts on the tf.data chain a loop walks; undefined when there is none, when a repeat has no
 * count (endless: take-count.ts and break counters read those) or when a `take`/`skip` follows a repeat (the passes
 * are then cut, not whole). `scopes` are the bodies whose plain assignments bind the walked name, innermost last.
 */
export function repeatPasses(iter: Expression, scopes: readonly Statement[][], before: number): RepeatPasses | undefined {
  let e = iter;
  while (e.type === "call" && e.func.type === "name" && WRAPPERS.has(e.func.id) && e.args[0]?.kind === "positional") e = e.args[0].value;
  const found: RepeatPasses = { counts: [], calls: [] };
  return collect(e, scopes, before, found, 0) && found.counts.length > 0 ? found : undefined;
}

/** Adds the repeats of one chain (and of the names it starts from) to `found`; false where the chain is not whole passes. */
function collect(e: Expression, scopes: readonly Statement[][], before: number, found: RepeatPasses, depth: number): boolean {
  const own: { count: Expression; call: Expression }[] = [];
  let cut = false;
  let root = e;
  while (root.type === "call" && root.func.type === "attribute") {
    const method = root.func.name;
    if (method === "take" || method === "skip" || method === "shard") cut = true;
    if (method === "repeat") {
      if (cut) return false;
      const count = positionalArgument(root, 0) ?? keywordArgument(root, "count");
      if (!count || root.args.length !== 1 || (count.type === "constant" && count.value === "None") || count.type === "unary") return false;
      own.unshift({ count, call: root });
    }
    root = root.func.object;
  }
  if (root.type === "name" && depth < 4) {
    const value = lastAssignment(root.id, scopes, before);
    if (value && !collect(value.value, scopes.slice(0, value.scope + 1), value.at, found, depth + 1)) return false;
  }
  for (const r of own) {
    found.counts.push(r.count);
    found.calls.push(r.call);
  }
  return true;
}

/** The value of the last plain assignment `name = ...` before `before` in the innermost scope that has one. */
function lastAssignment(name: string, scopes: readonly Statement[][], before: number): { value: Expression; at: number; scope: number } | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    let last: { value: Expression; at: number } | undefined;
    for (const s of scopes[i]!) {
      // The innermost scope holds the loop: only what runs before it counts. An outer scope (the module, around the
      // function the loop is in) has run its top level by the time the function is called.
      if (i === scopes.length - 1 && s.pos.startIndex >= before) break;
      if (s.type === "assign" && s.targets.length === 1 && s.targets[0]!.type === "name" && s.targets[0]!.id === name) last = { value: s.value, at: s.pos.startIndex };
    }
    if (last) return { ...last, scope: i };
  }
  return undefined;
}
