// Keras' directory readers over a dataset kept one folder per class, as the workspace holds it (interp/class-folders.ts):
// `ImageDataGenerator(...).flow_from_directory(dir, ...)` (keras_preprocessing 1.1, DirectoryIterator) and
// `keras.utils.image/text/audio_dataset_from_directory(dir, ...)` (keras.io/api/data_loading, dataset_utils.index_directory).
// What a fit on them trains on an epoch is the files of the training part: all of them, or what a validation split
// leaves, cut as each reader cuts it.
import { classFolderFiles, classFolders, KERAS_DATASET_EXTENSIONS, KERAS_ITERATOR_EXTENSIONS, type FolderLister } from "../interp/class-folders";
import { bindArguments, list, str, tuple, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import { pathLikeValue, pathPlaces } from "../interp/stdlib/path-like";
import type { NativeCall, Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { batchedDataset } from "./tf-data";

/** Each reader: the extensions it counts and its signature (Keras 2.10-3.x; flow_from_directory, keras_preprocessing 1.1). */
const READERS: Record<string, { extensions: readonly string[]; signature: string[] }> = {
  flow_from_directory: {
    extensions: KERAS_ITERATOR_EXTENSIONS,
    signature: ["directory", "target_size=None", "color_mode=None", "classes=None", "class_mode=None", "batch_size=32", "shuffle=True", "seed=None", "save_to_dir=None", "save_prefix=None", "save_format=None", "follow_links=False", "subset=None", "interpolation=None", "keep_aspect_ratio=False"],
  },
  image_dataset_from_directory: {
    extensions: KERAS_DATASET_EXTENSIONS,
    signature: ["directory", "labels='inferred'", "label_mode=None", "class_names=None", "color_mode=None", "batch_size=32", "image_size=None", "shuffle=True", "seed=None", "validation_split=None", "subset=None", "**kwargs"],
  },
  // text_dataset_from_directory reads .txt files; audio_dataset_from_directory .wav files.
  text_dataset_from_directory: {
    extensions: [".txt"],
    signature: ["directory", "labels='inferred'", "label_mode=None", "class_names=None", "batch_size=32", "max_length=None", "shuffle=True", "seed=None", "validation_split=None", "subset=None", "**kwargs"],
  },
  audio_dataset_from_directory: {
    extensions: [".wav"],
    signature: ["directory", "labels='inferred'", "label_mode=None", "class_names=None", "batch_size=32", "sampling_rate=None", "output_sequence_length=None", "ragged=False", "shuffle=True", "seed=None", "validation_split=None", "subset=None", "**kwargs"],
  },
};

/** What a reader finds: its class names, the files of the training part (all where no subset is asked for) and of the
 *  validation part, and how the count was made. */
interface DirectoryRead {
  classes: string[];
  training: number;
  validation?: number;
  detail: string;
}

/**
 * The files a reader reads from `directory` with the arguments it was given (already evaluated): a reason string where the
 * folder is not there to count; undefined where the call is not one this reads (labels from a list, a subset it does
 * not name, a split it cannot read). For flow_from_directory the split is the ImageDataGenerator's validation_split.
 */
function readDirectory(reader: string, directory: string, args: { get(name: string): Value | undefined }, files: FolderLister, places: string[], generatorSplit: Value | undefined): DirectoryRead | string | undefined {
  const known = READERS[reader];
  // labels="inferred" (the default) reads classes from the sub-folders; a list or None labels the files otherwise.
  const labels = args.get("labels");
  if (labels && !(labels.kind === "str" && labels.value === "inferred")) return undefined;
  const given = args.get(reader === "flow_from_directory" ? "classes" : "class_names");
  let wanted: string[] | undefined;
  if (given && given.kind !== "none") {
    if (given.kind !== "list" && given.kind !== "tuple") return undefined;
    wanted = given.items.flatMap((c) => (c.kind === "str" ? [c.value] : []));
    if (wanted.length !== given.items.length) return undefined;
  }
  const found = classFolders(files, places, known.extensions, wanted);
  if (typeof found === "string") return found;
  const total = classFolderFiles(found);
  const where = `${found.classes.length} class folders of ${directory}`;
  const subset = args.get("subset");
  if (!subset || subset.kind === "none") return { classes: found.classes, training: total, detail: `the ${total} files in the ${where}` };
  if (subset.kind !== "str" || !["training", "validation", "both"].includes(subset.value)) return undefined;
  const splitValue = reader === "flow_from_directory" ? generatorSplit : args.get("validation_split");
  const split = splitValue?.kind === "float" || splitValue?.kind === "int" ? splitValue.value : undefined;
  if (split === undefined || split < 0 || split >= 1) return undefined;
  // DirectoryIterator cuts each class folder's sorted files at int(split * n); the dataset readers cut the whole
  // shuffled list at int(split * n) (dataset_utils.get_training_or_validation_split).
  const validation = reader === "flow_from_directory" ? found.counts.reduce((sum, n) => sum + Math.trunc(split * n), 0) : Math.trunc(split * total);
  return { classes: found.classes, training: total - validation, validation, detail: `the ${total - validation} of the ${total} files in the ${where} that validation_split=${split} leaves for training` };
}

/**
 * The samples an epoch of a fit on `reader(dir, ...)` trains on, read where the training plan meets the call (for
 * flow_from_directory, which the interpreter does not model): every file the reader takes, or the training part of a
 * validation split. A reason string where the folder is not there.
 */
export function directoryDatasetSamples(
  call: CallExpression,
  last: string,
  evaluate: (e: Expression) => Value | undefined,
  files: FolderLister,
  places: (directory: string) => string[],
  generatorSplit: Value | undefined,
): { value: number; detail: string } | string | undefined {
  const reader = READERS[last];
  if (!reader) return undefined;
  const args = new Map<string, Value>();
  for (const [i, spec] of reader.signature.entries()) {
    const name = spec.replace(/=.*$/, "");
    if (name.startsWith("*")) continue;
    const given = keywordArgument(call, name) ?? positionalArgument(call, i);
    const value = given ? evaluate(given) : undefined;
    if (given && (!value || value.kind === "unknown")) return undefined;
    if (value) args.set(name, value);
  }
  const directory = args.get("directory");
  if (directory?.kind !== "str") return undefined;
  const read = readDirectory(last, directory.value, args, files, places(directory.value), generatorSplit);
  if (typeof read !== "object") return read;
  const subset = args.get("subset");
  if (subset?.kind === "str" && subset.value === "validation") return undefined;
  return { value: read.training, detail: read.detail };
}

/**
 * keras.utils.image/text/audio_dataset_from_directory as the interpreter runs it: a tf.data dataset of the files'
 * batches (tf-data.ts) with the `class_names` the folders give, or unknown ones where the folder is not in the
 * workspace; subset="both" gives the training and validation datasets.
 */
export function directoryDatasetReader(reader: string, interp: () => Interpreter): (call: NativeCall) => Value {
  return ({ args, kwargs }) => {
    const bound = bindArguments(READERS[reader].signature, args, kwargs, reader);
    const given = bound.get("directory");
    const directory = given ? pathLikeValue(given, (f, a) => interp().call(f, a, new Map())) : undefined;
    const batch = bound.get("batch_size");
    const size = batch?.kind === "int" && batch.value > 0 ? batch.value : undefined;
    const files = interp().loader.workspaceFiles?.();
    const read = directory?.kind === "str" && files ? readDirectory(reader, directory.value, bound, files, pathPlaces(interp(), directory.value), undefined) : undefined;
    const why = typeof read === "string" ? `${reader}: ${read}` : `${reader}: the files it reads are not known`;
    const classNames = typeof read === "object" ? list(read.classes.map(str)) : unknown(why);
    const stated = kwargs.has("batch_size") || args.length > READERS[reader].signature.findIndex((p) => p.startsWith("batch_size"));
    const origin = stated ? `${reader}(batch_size=${size ?? "?"})` : `${reader}'s default batch_size=32 (keras.io/api/data_loading)`;
    const make = (elements: number | undefined) => batchedDataset(elements, size, origin, [["class_names", classNames]]);
    const subset = bound.get("subset");
    if (subset?.kind === "str" && subset.value === "both") return tuple([make(typeof read === "object" ? read.training : undefined), make(typeof read === "object" ? read.validation : undefined)]);
    if (subset?.kind === "str" && subset.value === "validation") return make(typeof read === "object" ? read.validation : undefined);
    return make(typeof read === "object" ? read.training : undefined);
  };
}
