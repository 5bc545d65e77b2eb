// Epoch loops over a Python list of training items. Course notebooks keep their data as a plain list (sentences read
// from a file and turned into index lists, `train_data = list(create_tensor(train_data))`) and train one item a step:
// `for ITER in range(5): random.shuffle(train_data); for sent in train_data: ...; optimizer.step()`. The inner loop
// walks every item once per turn of the outer one, as a loop over a whole DataLoader does, so each turn is an epoch.
import type { Value } from "../interp/values";

/** Kinds of value a list of training items holds: strings (sentences), tensors and arrays, and tuples, lists or dicts
 *  of them (a sentence's indices, an `(x, y)` pair); not bare numbers (a list of learning rates to try), nor modules,
 *  optimizers or functions a loop may walk instead. */
const ITEM_KINDS = new Set<Value["kind"]>(["str", "tensor", "tuple", "list", "dict"]);

/** Whether `v` is a list of training items: a list whose items are all data, or one of unknown length (read from a
 *  file the workspace lacks, filled by a loop the analysis could not count). */
export function holdsTrainingItems(v: Value | undefined): boolean {
  if (v?.kind === "unknown") return v.list === true;
  return v?.kind === "list" && !v.deque && v.items.every((item) => ITEM_KINDS.has(item.kind));
}
