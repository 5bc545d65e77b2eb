// A notebook that walks a loader to show what it yields (`for epoch in range(2): for i, (x, y) in
// enumerate(loader): print(x.shape)`) or runs a network forward over its batches, and trains nothing: no backward
// pass, no optimizer, no fit and no call named for training anywhere in its text. Its loop's epochs, the loader's
// batch and the dataset's size are no training run's. The words are read from the text, as samples-alone.ts reads
// them for a dataset loaded alone; optimizer names count too (an optimizer built is a run about to be made).

/** Optimizer words: an optimizer module, class or object (`torch.optim`, `optimizer`, `tf.keras.optimizers.Adam`). */
const OPTIMIZER_WORDS = /\boptim\b|\boptimi[sz]ers?\b|Optimizer\b/;

/** A call of a function named for fitting (`fit_model(net, loader)`, `model_fit(...)`): training by another name. */
const FIT_CALL = /\b\w*fit\w*\s*\(/;

/** Whether a file's text, which names no training by the plan's own words (`namesNoTraining`), also names no
 *  optimizer and calls nothing named for fitting: then whatever its loops walk trains nothing. */
export function walksWithoutTraining(text: string): boolean {
  return !OPTIMIZER_WORDS.test(text) && !FIT_CALL.test(text);
}
