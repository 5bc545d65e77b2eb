// Keras Tuner runs the training itself: `tuner.search(x, y, epochs=30, ...)` builds a fresh model for each trial and
// calls `model.fit(*args, **kwargs)` with the search's own arguments, `executions_per_trial` times a trial
// (keras_tuner.Tuner.run_trial, keras-tuner 1.0-1.4: keras.io/api/keras_tuner/tuners/). So a search is that many fits
// in turn: the run's epochs are the fit's times the trials, and its batch is the fit's.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { calleeName, forEachStatement, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** The tuners whose trial count the code states or the library defaults: RandomSearch and BayesianOptimization run
 *  `max_trials` trials (10 by default), GridSearch its `max_trials` (the whole grid, unknown here, when not given).
 *  Hyperband is left out: its schedule sets each trial's epochs (`max_epochs`, `factor`), not the search's `epochs`. */
const TUNER_DEFAULT_TRIALS: ReadonlyMap<string, number | undefined> = new Map([
  ["RandomSearch", 10],
  ["BayesianOptimization", 10],
  ["GridSearch", undefined],
]);
/** Where the file names the library: `import keras_tuner as kt`, `from kerastuner.tuners import RandomSearch`. */
const IMPORTS_TUNER = /\bimport\s+(keras_?tuner)\b|\bfrom\s+keras_?tuner\b/;

/** The names the module binds to a tuner built by one of those constructors (`tuner = kt.RandomSearch(...)`), with the
 *  constructor's call; empty where the file does not import Keras Tuner. */
export function kerasTuners(body: Statement[], text: string): Map<string, CallExpression> {
  const found = new Map<string, CallExpression>();
  if (!IMPORTS_TUNER.test(text)) return found;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name" || s.value.type !== "call") return;
    if (TUNER_DEFAULT_TRIALS.has(calleeName(s.value) ?? "")) found.set(s.targets[0].id, s.value);
  });
  return found;
}

/** The fits one `search` of the tuner built by `constructor` makes: trials × executions_per_trial, with how they were
 *  read; undefined when the count is not known (a GridSearch without max_trials, a count that is no positive integer). */
export function searchFits(constructor: CallExpression, evaluate: (e: Expression) => Value | undefined): { value: number; detail: string } | undefined {
  const name = calleeName(constructor) ?? "";
  // RandomSearch(hypermodel, objective, max_trials, ...): the third parameter in every version.
  const trialsArgument = keywordArgument(constructor, "max_trials") ?? positionalArgument(constructor, 2);
  const trials = trialsArgument ? positive(evaluate(trialsArgument)) : TUNER_DEFAULT_TRIALS.get(name);
  const executionsArgument = keywordArgument(constructor, "executions_per_trial");
  const executions = executionsArgument ? positive(evaluate(executionsArgument)) : 1;
  if (trials === undefined || executions === undefined) return undefined;
  const stated = [trialsArgument ? `max_trials=${trials}` : `its default max_trials=${trials}`, ...(executionsArgument ? [`executions_per_trial=${executions}`] : [])];
  return { value: trials * executions, detail: `keras_tuner ${name}(${stated.join(", ")}): ${trials * executions} fit${trials * executions === 1 ? "" : "s"}` };
}

function positive(v: Value | undefined): number | undefined {
  return v?.kind === "int" && v.value > 0 ? v.value : undefined;
}
