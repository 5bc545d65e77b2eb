// A config dict written as a literal and then changed key by key (`cfg = {"batch_size": 8, ...}` then
// `cfg["batch_size"] = 4` a few lines on, in the same block): Python's dict holds the last value stored under the
// key, so the run reads the assignment's value, not the literal's.
import type { Expression, Statement } from "../python/ast";

/** The last `name["key"] = value` of each string key among the statements of `block` after `index`, at the block's
 *  own level, with the index of the statement that stores it. */
export function overwrittenDictKeys(block: readonly Statement[], index: number, name: string): Map<string, { value: Expression; at: number }> {
  const out = new Map<string, { value: Expression; at: number }>();
  for (let i = index + 1; i < block.length; i++) {
    const s = block[i];
    if (s.type !== "assign" || s.targets.length !== 1) continue;
    const target = s.targets[0];
    // The name bound again (`cfg = {...}` once more) starts a new dict: what follows changes that one.
    if (target.type === "name" && target.id === name) break;
    if (target.type !== "subscript" || target.object.type !== "name" || target.object.id !== name) continue;
    if (target.index.type === "str" && target.index.value) out.set(target.index.value, { value: s.value, at: i });
  }
  return out;
}
