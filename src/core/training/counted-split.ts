// A split string that counts its rows (`load_dataset(name, split="train[:100]")`, `"train[200:300]"`): the slice names
// rows by index (huggingface.co/docs/datasets/loading#slice-splits; TensorFlow Datasets reads the same grammar), so it
// keeps end - start rows of a dataset whose size no table gives, as `select(range(100))` keeps 100. Percent or
// negative bounds need the dataset's size and stay unread (split-slicing.ts reads them for datasets of known size).
// A split's name is the dataset's to choose; those that begin with "train" are its training data (`train_sft`,
// `train_prefs`, `train_gen` of HuggingFaceH4's chat and preference sets), sliced the same way.

/** The rows an index-bounded slice of a training split takes (`"train[:100]"`, `"train_sft[:100]"`: 100), or undefined. A dataset shorter
 *  than the slice's end has fewer: the figure is the slice's, as the code states it. */
export function countedSplitRows(split: string): number | undefined {
  const sliced = /^train\w*\[\s*(\d+)?\s*:\s*(\d+)\s*\]$/.exec(split.trim());
  if (!sliced) return undefined;
  const rows = Number(sliced[2]) - Number(sliced[1] ?? 0);
  return rows > 0 ? rows : undefined;
}
