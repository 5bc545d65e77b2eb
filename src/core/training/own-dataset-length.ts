// A DataLoader fed an object of the project's own map-style dataset class built in its call (`DataLoader(Triplets(
// mnist, 100000), ...)`) walks that object's indices, range(len(dataset)) (torch's default samplers, pytorch.org/docs/
// stable/data.html): its __len__ is the epoch's samples, whatever dataset it wraps or draws from.
import type { Expression } from "../python/ast";
import type { ClassValue, Value } from "../interp/values";
import { lookupClassAttribute } from "../interp/classes";
import { ownClass } from "./own-code";
import { lenCall } from "../python/len-call";
import { tableDatasetClass } from "./dataset-classes";

/** len() of the own-class dataset object a loader is given in its call, where the interpreter works it out; undefined
 *  for any other value (a library's dataset, a list) or a length it cannot work out. `object` is what `fed` evaluated
 *  to; `evaluate` works an expression out where the loader is built. */
export function ownDatasetLength(fed: Expression, object: Value | undefined, evaluate: (e: Expression) => Value | undefined): number | undefined {
  return fed.type === "call" ? ownObjectLength(fed, object, evaluate) : undefined;
}

/** len() of the own-class dataset object a name holds where the loader is built (`train_dataset = Pairs(base,
 *  n_pairs=200_000)`, then `DataLoader(train_dataset, ...)`), where the interpreter works it out; undefined otherwise.
 *  Other datasets the function sizes (a random_split of a validation set) do not make it unknown: Python gives the
 *  loader what the name holds. */
export function ownNamedDatasetLength(fed: Expression, evaluate: (e: Expression) => Value | undefined): number | undefined {
  if (fed.type !== "name") return undefined;
  const object = evaluate(fed);
  // A subclass of a table dataset (`CIFAR10Pair(CIFAR10)`) is sized by the table's training split or not at all: its
  // test split is never the run's data alone (dataset-classes.ts).
  return object?.kind === "instance" && tableDatasetClass(object.cls) !== undefined ? undefined : ownObjectLength(fed, object, evaluate);
}

function ownObjectLength(fed: Expression, object: Value | undefined, evaluate: (e: Expression) => Value | undefined): number | undefined {
  if (object?.kind !== "instance" || !ownClass(object.cls) || object.cls.kind !== "class") return undefined;
  if (!hasOwnOrKnownLength(object.cls)) return undefined;
  const length = evaluate(lenCall(fed));
  return length?.kind === "int" && length.value > 0 ? length.value : undefined;
}

/** Whether a dataset class has a `__len__` that can be called: its own (or a project base's), or one it inherits from
 *  a library class the analyzer models (`class RandomCorpus(TensorDataset)`, whose `super().__init__(tensors)` sets
 *  the rows TensorDataset's `__len__` counts). */
export function hasOwnOrKnownLength(cls: ClassValue): boolean {
  const kind = lookupClassAttribute(cls, "__len__")?.kind;
  return kind === "function" || kind === "native";
}
