// The sizes of the parts a dataset is split into, as the libraries compute them from the whole's size: torch's
// random_split given fractions, scikit-learn's train_test_split given test_size / train_size.

/**
 * random_split's part lengths for `fractions` of `n` samples: "floor(frac * len(dataset)) for each fraction provided.
 * After computing the lengths, if there are any remainders, 1 count will be distributed in round-robin fashion to the
 * lengths" (pytorch.org/docs/stable/data.html#torch.utils.data.random_split, torch 1.13 and later). Undefined unless the
 * fractions are in [0, 1] and add up to 1, which torch requires.
 */
export function randomSplitLengths(n: number, fractions: readonly number[]): number[] | undefined {
  if (fractions.length === 0 || fractions.some((f) => !(f >= 0 && f <= 1)) || Math.abs(fractions.reduce((a, b) => a + b, 0) - 1) > 1e-9) return undefined;
  const lengths = fractions.map((f) => Math.floor(n * f));
  const remainder = n - lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < remainder; i++) lengths[i % lengths.length]! += 1;
  return lengths;
}

/**
 * train_test_split's [train, test] sizes for `n` rows (scikit-learn model_selection._split._validate_shuffle_split):
 * a float test_size is ceil(test_size × n) rows, a float train_size floor(train_size × n), an int is that many; the one
 * not given is the rest; neither given, test_size is 0.25. Undefined for sizes scikit-learn rejects.
 */
export function trainTestSplitSizes(n: number, testSize: number | undefined, trainSize: number | undefined): [number, number] | undefined {
  const count = (size: number | undefined, round: (x: number) => number): number | undefined =>
    size === undefined ? undefined : Number.isInteger(size) && size >= 1 ? size : size > 0 && size < 1 ? round(size * n) : NaN;
  let test = count(testSize === undefined && trainSize === undefined ? 0.25 : testSize, Math.ceil);
  let train = count(trainSize, Math.floor);
  if (Number.isNaN(test) || Number.isNaN(train)) return undefined;
  if (train === undefined) train = n - test!;
  if (test === undefined) test = n - train;
  return train > 0 && test >= 0 && train + test <= n ? [train, test] : undefined;
}
