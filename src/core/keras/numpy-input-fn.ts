// TensorFlow 1.x's array input functions for an Estimator: `tf.estimator.inputs.numpy_input_fn(x, y=None,
// batch_size=128, num_epochs=1, shuffle=None, ...)` and `pandas_input_fn` (same defaults; TF 1.4-1.15, and
// `tf.compat.v1.estimator.inputs` in TF 2.x) yield batches of batch_size rows of x's arrays for num_epochs passes and
// then stop, so `estimator.train(input_fn=fn)` without steps trains num_epochs passes of ⌈rows / batch_size⌉ steps
// (the last batch partial); num_epochs=None repeats without end, leaving the count to train's steps
// (tensorflow.org/api_docs/python/tf/compat/v1/estimator/inputs/numpy_input_fn).
import type { Expression, Statement } from "../python/ast";
import { importedPath } from "../python/import-origin";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import { inputRows } from "../interp/value-figures";
import type { Value } from "../interp/values";
import type { CodeSite } from "../training/code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;
type Figure = { value: number; detail: string; defaulted?: boolean };

const ARRAY_INPUT_FN = /^tensorflow(\.compat\.v1)?\.estimator\.inputs\.(numpy|pandas)_input_fn$/;
/** numpy_input_fn's and pandas_input_fn's defaults (TF 1.15 signature). */
export const ARRAY_INPUT_FN_DEFAULTS = { batchSize: 128, numEpochs: 1 } as const;

/** The run an Estimator's train performs over an array input function: passes, batch and rows, where known. */
export type ArrayInputRun = { line: number; epochs?: Figure; batch?: Figure; rows?: Figure };

/** The epochs, batch and rows an Estimator's `train(input_fn=...)` walks when its input function is one numpy_input_fn
 *  or pandas_input_fn of the file (bound to a name or written in the call), the only such train the defaults reach. */
export function arrayInputRun(sites: readonly CodeSite[], body: Statement[], text: string, evaluate: (site: CallSite, e: Expression) => Value | undefined, reached: (site: CallSite) => boolean): ArrayInputRun | undefined {
  const calls = sites.filter((x): x is CallSite => x.kind === "call");
  const makers = calls.filter((s) => ARRAY_INPUT_FN.test(importedPath(s.callee, body) ?? ""));
  if (makers.length === 0) return undefined;
  const trains = calls.filter((s) => {
    if (s.call.func.type !== "attribute" || s.callee.split(".").pop() !== "train" || !reached(s)) return false;
    const given = keywordArgument(s.call, "input_fn") ?? positionalArgument(s.call, 0);
    return given !== undefined && makerOf(given, makers, s) !== undefined;
  });
  if (trains.length !== 1) return undefined;
  const train = trains[0]!;
  const maker = makerOf((keywordArgument(train.call, "input_fn") ?? positionalArgument(train.call, 0))!, makers, train)!;
  const code = (e: Expression) => text.slice(e.pos.startIndex, e.pos.endIndex);
  const fn = maker.callee.split(".").pop()!;
  const argument = (name: string, index: number) => keywordArgument(maker.call, name) ?? positionalArgument(maker.call, index);
  const run: ArrayInputRun = { line: maker.call.pos.line };
  const batchArgument = argument("batch_size", 2);
  if (!batchArgument) run.batch = { value: ARRAY_INPUT_FN_DEFAULTS.batchSize, detail: `${fn} without batch_size: its default batch_size=${ARRAY_INPUT_FN_DEFAULTS.batchSize}`, defaulted: true };
  else {
    const v = evaluate(maker, batchArgument);
    if (v?.kind === "int" && v.value > 0) run.batch = { value: v.value, detail: `${fn}(batch_size=${code(batchArgument)})` };
  }
  // train's own steps bound the run (estimator-steps.ts); the passes count only where it gives none.
  const bounded = keywordArgument(train.call, "steps") ?? keywordArgument(train.call, "max_steps");
  const epochsArgument = argument("num_epochs", 3);
  if (!bounded && !epochsArgument) run.epochs = { value: ARRAY_INPUT_FN_DEFAULTS.numEpochs, detail: `${fn} without num_epochs: its default num_epochs=${ARRAY_INPUT_FN_DEFAULTS.numEpochs}`, defaulted: true };
  else if (!bounded && epochsArgument) {
    const v = evaluate(maker, epochsArgument);
    if (v?.kind === "int" && v.value > 0) run.epochs = { value: v.value, detail: `${fn}(num_epochs=${code(epochsArgument)})` };
  }
  // The labels' rows, else the features' (an array, or a dict of arrays of one length).
  for (const [name, index] of [["y", 1], ["x", 0]] as const) {
    const e = argument(name, index);
    const rows = e ? inputRows(evaluate(maker, e)) : undefined;
    if (rows !== undefined && rows > 0) { run.rows = { value: rows, detail: `${fn}(${name}=${code(e!)}): its first dimension` }; break; }
  }
  return run;
}

/** The input-function call an expression is or names (a name bound by one of them), if any. */
function makerOf(e: Expression, makers: readonly CallSite[], at: CallSite): CallSite | undefined {
  if (e.type === "call") return makers.find((m) => m.call === e);
  if (e.type !== "name") return undefined;
  // The latest binding of the name before the train call.
  const bound = makers.filter((m) => m.assignedTo.includes(e.id) && m.call.pos.startIndex < at.call.pos.startIndex);
  return bound.sort((a, b) => b.call.pos.startIndex - a.call.pos.startIndex)[0];
}
