// A data script: a file that builds an input pipeline and looks at it (`dataset.batch(32)` over a loaded set, TFRecords written and
// read back, a few batches drawn with `sess.run(next_element)` to look at them) and trains nothing. Its batch and its
// dataset's size are no run's: a run needs some training word in the code, an optimizer, a fit, a backward pass, a
// train step (inference-only.ts's TRAINING_WORDS). The samples-alone rule (samples-alone.ts) takes a plan of samples
// only, and the inference rule a batch only in a file that predicts; this takes a batch, with or without samples (a
// folder the workspace lacks leaves them unknown), with no epochs or steps, in a file that draws from its data.
import { codePastImports, TRAINING_WORDS, type PlanFigures } from "./inference-only";

/** Draws of a few elements to look at them: an iterator's next element (TF 1.x `get_next()`, Python's
 *  `next(iter(ds))`), numpy iteration or the first n of a pipeline. A file that only defines its loaders (a data
 *  module that a training script imports) draws none, and keeps its plan. */
const DRAWS = /\bget_next\s*\(|\bnext\s*\(\s*iter\s*\(|\bas_numpy_iterator\s*\(|\.take\s*\(/;

/** A loop over `enumerate(...)` that stops once its index reaches a written count (`if i == 10: break`): the first
 *  few batches drawn to look at their shapes. */
const COUNTED_DRAW_LOOP = /\bfor\s+(\w+)\s*,[^\n]*\bin\s+enumerate\s*\([^\n]*:\s*\n(?:[ \t]*\n|[ \t]+[^\n]*\n){0,3}?[ \t]+if\s+\1\s*(?:==|>=|>)\s*\d+\s*:\s*(?:\n[ \t]+)?break\b/;

/** Names of data, not of training, that hold the word train: a Lightning data module's `train_dataloader` hook, a
 *  `train_loader`, `get_train_transforms`, `train_test_split`, `load_train_dataset`, and their plurals
 *  (`get_train_test_loaders`, `load_train_datasets`). A call of one trains nothing. */
export const TRAINING_DATA_NAME = /\b\w*train\w*?(?:data_?loaders?|loaders?|datasets?|data|sets?|splits?|transforms?)\b/gi;

/** An iterator bound to a name and then drawn from (`it = iter(loader)`, then `next(it)` or the Python 2-era
 *  `it.next()`): the same draw as `next(iter(loader))`, written in two statements. */
const BOUND_ITERATOR = /^[ \t]*(\w+)[ \t]*=[ \t]*iter[ \t]*\(/gm;

/** A `for` loop's header line: its indentation. */
const FOR_HEADER = /^([ \t]*)for\b[^\n]*:[ \t]*(?:#[^\n]*)?$/gm;

/** Whether a `for` loop of the code ends its first pass with a `break` of its own body, no branch around it
 *  (`for x, y in loader: print(x.shape); break`): the same draw of one batch as `next(iter(loader))`. */
function breaksAfterFirstPass(code: string): boolean {
  for (const m of code.matchAll(FOR_HEADER)) {
    const indent = m[1].length;
    const lines = code.slice(m.index! + m[0].length).split("\n");
    let bodyIndent: number | undefined;
    for (const line of lines) {
      if (!line.trim() || line.trim().startsWith("#")) continue;
      const own = line.length - line.trimStart().length;
      if (own <= indent) break;
      bodyIndent ??= own;
      if (own === bodyIndent && /^break\b/.test(line.trim())) return true;
    }
  }
  return false;
}

/** Whether the code draws from its data to look at it. */
function drawsFromData(code: string): boolean {
  if (DRAWS.test(code) || breaksAfterFirstPass(code)) return true;
  for (const m of code.matchAll(BOUND_ITERATOR)) {
    if (new RegExp(`\\bnext\\s*\\(\\s*${m[1]}\\s*\\)|\\b${m[1]}\\.next\\s*\\(\\s*\\)`).test(code)) return true;
  }
  return false;
}

/** Whether a plan is a data script's: a batch (with its dataset's samples, or over data of unknown size) and nothing of
 *  a run, in a file whose code past its imports draws from its data (or walks its first few batches) and names no
 *  training (names of training data, `train_dataloader`, are data). */
export function dataOnlyScript(plan: PlanFigures, text: string): boolean {
  if (plan.batch === undefined || plan.epochs || plan.steps || plan.accumulation) return false;
  if (plan.precision && plan.precision.value !== "fp32") return false;
  // The code past its imports, without comments ("split into training (70%)"): the words are read in code only.
  const code = codePastImports(text);
  if (!drawsFromData(code) && !COUNTED_DRAW_LOOP.test(code)) return false;
  return !TRAINING_WORDS.test(code.replace(TRAINING_DATA_NAME, "data"));
}
