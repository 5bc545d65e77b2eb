// tflearn's DNN model trains with `model.fit(X, Y, n_epoch=50, batch_size=96, ...)`: its epoch count is `n_epoch`
// (the third positional parameter), 10 when left out, and its batch is `batch_size=` alone (positional 6; None takes
// the regression layer's). Library knowledge from tflearn 0.3-0.5 (tflearn/models/dnn.py, DNN.fit(X_inputs,
// Y_targets, n_epoch=10, validation_set=None, show_metric=False, batch_size=None, ...); tflearn.org/models/dnn).
// Read as Keras' fit, its epochs were Keras' default 1 and its third argument a batch size.
import type { Expression, Statement } from "../python/ast";
import { attributeChain, forEachStatement } from "../python/syntax-walk";

/** tflearn DNN.fit's default epoch count (tflearn/models/dnn.py, 0.3-0.5). */
export const TFLEARN_DEFAULT_EPOCHS = 10;

/** The classes of tflearn whose `fit` takes `n_epoch` (`tflearn.DNN`, `tflearn.models.dnn.DNN`, `DNN` imported). */
const TFLEARN_MODEL = /^(tflearn\.(models\.(dnn\.)?)?)?DNN$/;

/**
 * Whether the object a fit is called on (`model` of `model.fit(...)`) is bound in `body` to a tflearn DNN in a file
 * that imports tflearn.
 */
export function fitsTflearnModel(call: Extract<Expression, { type: "call" }>, body: Statement[]): boolean {
  if (call.func.type !== "attribute" || call.func.object.type !== "name") return false;
  const receiver = call.func.object.id;
  let imports = false;
  let bound = false;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "import" && s.names.some((n) => n.module.split(".")[0] === "tflearn")) imports = true;
    if (s.type === "importFrom" && s.level === 0 && s.module.split(".")[0] === "tflearn") imports = true;
    if (s.type === "assign" && s.value.type === "call" && TFLEARN_MODEL.test(attributeChain(s.value.func)) && s.targets.some((t) => t.type === "name" && t.id === receiver)) bound = true;
  });
  return imports && bound;
}
