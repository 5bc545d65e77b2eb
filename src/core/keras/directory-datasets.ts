// Keras' directory readers over a dataset kept one folder per class, as the workspace holds it (interp/class-folders.ts):
// `ImageDataGenerator(...).flow_from_directory(dir, ...)` (keras_preprocessing 1.1, DirectoryIterator) and
// `keras.utils.image/text/audio_dataset_from_directory(dir, ...)` (keras.io/api/data_loading, dataset_utils.index_directory).
// What a fit on them trains on an epoch is the files of the training part: all of them, or what a validation split
// leaves, cut as each reader cuts it.
import { classFolderFiles, classFolders, KERAS_DATASET_EXTENSIONS, KERAS_ITERATOR_EXTENSIONS, type FolderLister } from "../interp/class-folders";
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** The readers and what each takes: the extensions it counts, where `classes`/`class_names` stands. */
const READERS: Record<string, { extensions: readonly string[]; classesAt: number; classesName: string }> = {
  flow_from_directory: { extensions: KERAS_ITERATOR_EXTENSIONS, classesAt: 3, classesName: "classes" },
  image_dataset_from_directory: { extensions: KERAS_DATASET_EXTENSIONS, classesAt: 3, classesName: "class_names" },
  // keras.utils.text_dataset_from_directory reads .txt files; audio_dataset_from_directory .wav files.
  text_dataset_from_directory: { extensions: [".txt"], classesAt: 3, classesName: "class_names" },
  audio_dataset_from_directory: { extensions: [".wav"], classesAt: 3, classesName: "class_names" },
};

/** Whether a callee's last part is one of Keras' directory readers. */
export function isDirectoryReader(last: string): boolean {
  return Object.hasOwn(READERS, last);
}

/**
 * The samples an epoch of a fit on `reader(dir, ...)` trains on, from the workspace's class folders: every file the
 * reader takes, or the training part of a validation split (`subset="training"`; for flow_from_directory the split is
 * the ImageDataGenerator's `validation_split`, given as `generatorSplit`). A reason string where the folder is not
 * there to count; undefined where the call is not one this reads (labels from a list, an unread argument).
 */
export function directoryDatasetSamples(
  call: CallExpression,
  last: string,
  evaluate: (e: Expression) => Value | undefined,
  files: FolderLister,
  places: (path: string) => string[],
  generatorSplit: Value | undefined,
): { value: number; detail: string } | string | undefined {
  const reader = READERS[last];
  if (!reader) return undefined;
  const dir = positionalArgument(call, 0) ?? keywordArgument(call, "directory");
  const path = dir ? evaluate(dir) : undefined;
  if (path?.kind !== "str") return undefined;
  // labels="inferred" (the default) reads classes from the sub-folders; a list or None labels files otherwise.
  const labels = keywordArgument(call, "labels") ?? (last === "flow_from_directory" ? undefined : positionalArgument(call, 1));
  if (labels && !(evaluate(labels)?.kind === "str" && (evaluate(labels) as { value: string }).value === "inferred")) return undefined;
  const classesGiven = keywordArgument(call, reader.classesName) ?? positionalArgument(call, reader.classesAt);
  const classesValue = classesGiven ? evaluate(classesGiven) : undefined;
  let wanted: string[] | undefined;
  if (classesGiven && classesValue?.kind !== "none") {
    if (classesValue?.kind !== "list" && classesValue?.kind !== "tuple") return undefined;
    wanted = classesValue.items.flatMap((c) => (c.kind === "str" ? [c.value] : []));
    if (wanted.length !== classesValue.items.length) return undefined;
  }
  const found = classFolders(files, places(path.value), reader.extensions, wanted);
  if (typeof found === "string") return found;
  const subsetGiven = keywordArgument(call, "subset");
  const subset = subsetGiven ? evaluate(subsetGiven) : undefined;
  const total = classFolderFiles(found);
  const where = `${found.classes.length} class folders of ${path.value}`;
  if (!subsetGiven || subset?.kind === "none") return { value: total, detail: `the ${total} files in the ${where}` };
  if (subset?.kind !== "str" || !["training", "both"].includes(subset.value)) return undefined;
  const splitGiven = last === "flow_from_directory" ? generatorSplit : (() => {
    const e = keywordArgument(call, "validation_split");
    return e ? evaluate(e) : undefined;
  })();
  const split = splitGiven?.kind === "float" || splitGiven?.kind === "int" ? splitGiven.value : undefined;
  if (split === undefined || split < 0 || split >= 1) return undefined;
  // DirectoryIterator cuts each class folder's sorted files at int(split * n); the dataset readers cut the whole
  // shuffled list at int(split * n) (dataset_utils.get_training_or_validation_split).
  const value = last === "flow_from_directory" ? found.counts.reduce((sum, n) => sum + n - Math.trunc(split * n), 0) : total - Math.trunc(split * total);
  return { value, detail: `the ${value} of the ${total} files in the ${where} that validation_split=${split} leaves for training` };
}
