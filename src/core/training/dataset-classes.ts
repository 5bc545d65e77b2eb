// Which dataset of the table (dataset-sizes.ts) a class value is, however the code came to hold it (a name bound to
// `torchvision.datasets.CIFAR10`, a helper returning the class, a registry indexed by an argument): torchvision's own
// (the analyzer's stand-in, src/core/torchvision/datasets.ts), or a workspace subclass that keeps its samples.
import type { Value } from "../interp/values";
import { datasetSize } from "./dataset-sizes";
import { ownClass, ownClassSelectsAsTable } from "./own-code";

/** A workspace class that subclasses a table dataset without its own `__init__` or `__len__` (`class CIFAR10Pair(CIFAR10)`
 *  that only changes `__getitem__`): the name of the dataset whose samples it keeps. */
export function inheritedDataset(v: Value | undefined): string | undefined {
  if (v?.kind !== "class" || !v.location || datasetSize(v.name, "torchvision")) return undefined;
  for (const c of v.mro) {
    // torchvision's stand-in is Python too: the known name ends the walk.
    if (c !== v && datasetSize(c.name, "torchvision")) return c.name;
    if (c.attributes.has("__init__") || c.attributes.has("__len__")) return undefined;
  }
  return undefined;
}

/** The table dataset a class value is: the library's class, a workspace class of that name that selects its part as
 *  the library does (own-code.ts), or a subclass keeping the samples of one; undefined for any other class. */
export function tableDatasetClass(v: Value | undefined): string | undefined {
  if (v?.kind !== "class") return undefined;
  const known = datasetSize(v.name, "torchvision");
  if (known) return !ownClass(v) || ownClassSelectsAsTable(v, known) ? v.name : undefined;
  return inheritedDataset(v);
}

/** The samples of a dataset object the code holds (`train_dataset, test_dataset = get_dataset(args)`), when its class
 *  is a table dataset (tableDatasetClass) and the object was built as the training part, or as another part the table
 *  sizes (STL10's "train+unlabeled"): the stand-in keeps `train` and `split` as its constructor was given them. */
export function tableDatasetObjectSamples(v: Value | undefined): { value: number; name: string; part?: string } | undefined {
  if (v?.kind !== "instance") return undefined;
  const name = tableDatasetClass(v.cls);
  const known = name ? datasetSize(name, "torchvision") : undefined;
  if (!name || !known) return undefined;
  const train = v.attributes.get("train");
  if (train?.kind === "bool" && train.value && known.trainSamples !== undefined) return { value: known.trainSamples, name };
  const split = v.attributes.get("split");
  const other = split?.kind === "str" && known.otherSplits && Object.hasOwn(known.otherSplits, split.value) ? known.otherSplits[split.value] : undefined;
  return other !== undefined && split?.kind === "str" ? { value: other, name, part: split.value } : undefined;
}
