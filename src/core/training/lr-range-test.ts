// A learning-rate range test (Smith, "Cyclical Learning Rates for Training Neural Networks", 2017, section 3.3; fastai's
// `Learner.lr_find`, torch-lr-finder's `LRFinder.range_test`) steps the optimizer for a short probe while the rate
// grows, then the script restores the weights and trains for real. A script's own version of it is a function named
// for it (`def find_lr(model, loader, opt, num_iter=100):`): its loops are a probe, not the training run, and their
// steps must not stand for the run's.
import type { CodeSite } from "./code-sites";

/** The names scripts give their own range tests, after the libraries' `lr_find`/`range_test`: `find_lr`,
 *  `lr_finder`, `lr_range_test`, `findLR`. */
const RANGE_TEST_NAME = /^_*(find_?lrs?|lr_?find(er)?|lr_?range(_?test)?|range_?test|learning_?rate_?(finder|range_?test))$/i;

/** Whether a function of the script is a learning-rate range test by its name. */
export function isRangeTestName(name: string): boolean {
  return RANGE_TEST_NAME.test(name);
}

/** The sites outside the script's own learning-rate range tests (the loops and calls of `def find_lr(...)`). */
export function sitesOutsideRangeTests(sites: CodeSite[]): CodeSite[] {
  return sites.some((s) => s.context.fn !== undefined && isRangeTestName(s.context.fn.name)) ? sites.filter((s) => s.context.fn === undefined || !isRangeTestName(s.context.fn.name)) : sites;
}
