// A file that loads a dataset and builds a model but trains nothing (evaluates a saved model, plots the images,
// compiles a network and stops): the dataset's size is no run's samples. A run needs a training statement, a fit, a
// backward pass, an optimizer step or a call named for training, somewhere in the file; where the plan's one figure is
// the samples of a load and the text has none of these, the plan states no run.

/** The figures of a training plan this test reads (training-plan.ts's TrainingPlan has them). */
interface PlanFigures {
  samples?: unknown;
  epochs?: unknown;
  steps?: unknown;
  batch?: unknown;
  accumulation?: unknown;
  precision?: unknown;
  batchFromData?: unknown;
}

/** Calls that train where the plan's own training words may not reach: Keras' train_on_batch, TensorFlow's
 *  apply_gradients and minimize, an optimizer's step, a session or engine run. */
const OTHER_TRAINING_CALL = /\btrain_on_batch\s*\(|\bapply_gradients\s*\(|\.minimize\s*\(|\.step\s*\(|\.run\s*\(/;

/** Whether the plan states samples and nothing else of a run: no epochs, steps, batch, accumulation or precision. */
export function statesSamplesAlone(plan: PlanFigures): boolean {
  return plan.samples !== undefined && !plan.epochs && !plan.steps && !plan.batch && !plan.accumulation && !plan.precision && !plan.batchFromData;
}

/** Whether the file's text names no training at all: none of the plan's training statements (`trains`, its own test)
 *  and none of the other training calls. */
export function namesNoTraining(text: string, trains: (text: string) => boolean): boolean {
  return !trains(text) && !OTHER_TRAINING_CALL.test(text);
}
