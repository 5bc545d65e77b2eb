// Split strings with slices, as TensorFlow Datasets (tensorflow.org/datasets/splits) and Hugging Face datasets
// (huggingface.co/docs/datasets/loading#slice-splits, the same ReadInstruction grammar) read them: "train",
// "train[:90%]", "train[10:2000]", "train[-20%:]". Percent boundaries round to the closest example (rounding="closest",
// both libraries' default); negative boundaries count from the end; boundaries past the end stop there.

/** The examples `split` takes of a training split of `size` examples: the whole of "train", or its slice; undefined
 *  for another split or a form not read (a sum of splits, "train[:10%]+validation"). */
export function trainSplitSlice(size: number, split: string): number | undefined {
  if (split.trim() === "train") return size;
  const sliced = /^train\[\s*(-?\d+)?\s*(%?)\s*:\s*(-?\d+)?\s*(%?)\s*\]$/.exec(split.trim());
  if (!sliced) return undefined;
  const bound = (digits: string | undefined, percent: string, fallback: number): number => {
    if (digits === undefined) return fallback;
    const n = Number(digits);
    const at = percent ? Math.round((size * n) / 100) : n;
    return Math.min(size, Math.max(0, at < 0 ? size + at : at));
  };
  const value = bound(sliced[3], sliced[4], size) - bound(sliced[1], sliced[2], 0);
  return value > 0 ? value : undefined;
}
