// A split string that counts its rows (`load_dataset(name, split="train[:100]")`, `"train[200:300]"`): the slice names
// rows by index (huggingface.co/docs/datasets/loading#slice-splits; TensorFlow Datasets reads the same grammar), so it
// keeps end - start rows of a dataset whose size no table gives, as `select(range(100))` keeps 100. Percent or
// negative bounds need the dataset's size and stay unread (split-slicing.ts reads them for datasets of known size).

/** The rows an index-bounded slice of the training split takes (`"train[:100]"`: 100), or undefined. A dataset shorter
 *  than the slice's end has fewer: the figure is the slice's, as the code states it. */
export function countedSplitRows(split: string): number | undefined {
  const sliced = /^train\[\s*(\d+)?\s*:\s*(\d+)\s*\]$/.exec(split.trim());
  if (!sliced) return undefined;
  const rows = Number(sliced[2]) - Number(sliced[1] ?? 0);
  return rows > 0 ? rows : undefined;
}
