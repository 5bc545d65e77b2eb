// Keras' History (the object `fit` returns) lists in `epoch` the indices of the epochs that fit ran, and in `history`
// one value per epoch of each metric: fit counts from initial_epoch to epochs - 1 and the History callback appends at
// each epoch's end (keras.io/api/models/model_training_apis, Model.fit; keras/src/callbacks/history.py, Keras 2.x and
// 3). So a fine-tuning fit that resumes where the first stopped, `fit(..., epochs=total, initial_epoch=
// history.epoch[-1])` (TensorFlow's transfer-learning tutorial), starts at the first fit's epochs - 1, and
// `len(history.epoch)` or `len(history.history["loss"])` is the number of epochs it ran.
import type { Expression } from "../python/ast";

/** A fit the plan read earlier: the name its History is bound to, and the epochs it stopped at and started from. */
export interface FitHistory {
  name: string;
  stop: number;
  initial: number;
}

/** The value of an expression over an earlier fit's History (`h.epoch[-1]`, `h.epoch[-1] + 1`, `len(h.epoch)`),
 *  from the last fit bound to that name; undefined for anything else. */
export function historyEpochValue(e: Expression, fits: readonly FitHistory[]): number | undefined {
  if (e.type === "binary" && (e.op === "+" || e.op === "-") && e.right.type === "int") {
    const left = historyEpochValue(e.left, fits);
    const right = e.right.value;
    return left === undefined ? undefined : e.op === "+" ? left + right : left - right;
  }
  const fitOf = (o: Expression): FitHistory | undefined => {
    // h.epoch, or one metric's list in h.history (`h.history["loss"]`): one item per epoch run.
    const list = o.type === "subscript" && o.object.type === "attribute" && o.object.name === "history" ? o.object.object : o.type === "attribute" && o.name === "epoch" ? o.object : undefined;
    if (list?.type !== "name") return undefined;
    const name = list.id;
    return [...fits].reverse().find((f) => f.name === name);
  };
  // h.epoch[-1]: the index of the last epoch run, epochs - 1.
  const lastIndex = (i: Expression) => (i.type === "int" && i.value === -1) || (i.type === "unary" && i.op === "-" && i.operand.type === "int" && i.operand.value === 1);
  if (e.type === "subscript" && lastIndex(e.index)) {
    const fit = fitOf(e.object);
    return fit && fit.stop > fit.initial ? fit.stop - 1 : undefined;
  }
  // len(h.epoch), len(h.history["loss"]): how many epochs ran.
  if (e.type === "call" && e.func.type === "name" && e.func.id === "len" && e.args.length === 1 && e.args[0].kind === "positional") {
    const fit = fitOf(e.args[0].value);
    return fit && fit.stop > fit.initial ? fit.stop - fit.initial : undefined;
  }
  return undefined;
}
