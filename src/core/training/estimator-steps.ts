// TensorFlow's step counts that end a run without a loop of the script's own: `tf.estimator.Estimator.train(input_fn,
// hooks=None, steps=None, max_steps=None)` trains `steps` steps (or up to the global step `max_steps`, the same count
// for a fresh run), `tf.estimator.TrainSpec(input_fn, max_steps=None)` the same through `train_and_evaluate`, and
// `tf.train.StopAtStepHook(num_steps=None, last_step=None)` stops a MonitoredTrainingSession's
// `while not sess.should_stop():` loop there (tensorflow.org/api_docs/python/tf/estimator/Estimator#train,
// tf/estimator/TrainSpec, tf/compat/v1/train/StopAtStepHook).
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** The argument that sets the run's steps in one of these calls, and its parameter's name. */
export function estimatorSteps(call: CallExpression, last: string): { name: string; argument: Expression } | undefined {
  const named = (...names: string[]) => {
    for (const name of names) {
      const argument = keywordArgument(call, name);
      if (argument) return { name, argument };
    }
    return undefined;
  };
  if (last === "StopAtStepHook") {
    const given = named("num_steps", "last_step");
    const first = positionalArgument(call, 0);
    return given ?? (first ? { name: "num_steps", argument: first } : undefined);
  }
  if (last === "TrainSpec") return named("max_steps") ?? (positionalArgument(call, 1) ? { name: "max_steps", argument: positionalArgument(call, 1)! } : undefined);
  // An Estimator's train is told by its input_fn (the first parameter, by keyword or as a function named so).
  if (last === "train" && call.func.type === "attribute" && feedsInputFn(call)) return named("steps", "max_steps");
  return undefined;
}

function feedsInputFn(call: CallExpression): boolean {
  if (keywordArgument(call, "input_fn")) return true;
  const first = positionalArgument(call, 0);
  return first?.type === "lambda" || (first?.type === "name" && /input_fn$/.test(first.id));
}

/** What an Estimator's train or a TrainSpec is fed, as an expression that builds it: the body of `input_fn=lambda:
 *  make_input(x, y, 100)`, or a call of `input_fn=train_input_fn` (a function taking no arguments, as Estimators call
 *  it: tensorflow.org/api_docs/python/tf/estimator/Estimator#train). Evaluated, it is the run's tf.data pipeline. */
export function inputFnData(call: CallExpression, last: string): Expression | undefined {
  if (last !== "train" && last !== "TrainSpec") return undefined;
  const given = keywordArgument(call, "input_fn") ?? positionalArgument(call, 0);
  if (given?.type === "lambda") return given.params.length === 0 ? given.body : undefined;
  if (given?.type === "name" || given?.type === "attribute") return { type: "call", func: given, args: [], pos: given.pos };
  return undefined;
}
