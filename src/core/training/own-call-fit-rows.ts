// A Keras fit on arrays a function or method of the project's own returns (`x_batch, y_batch =
// loader.get_batch_train(batch_size)`, its body drawing `batch_size` random rows of a loaded dataset): the interpreter
// ran that code, so the rows it works out for the returned array are what fit sees (keras.io/api/models/model_training_apis:
// fit's x), and they outrank the published rows of a dataset loaded inside the function, which fit never takes whole.
// Read for a file's one fit, made once (training-plan.ts): a fit per turn of a loop trains one draw a turn.
import type { Expression, Statement } from "../python/ast";
import { forEachStatement, targetNames } from "../python/syntax-walk";

type Call = Extract<Expression, { type: "call" }>;

/** The call whose value the file's last assignment of `x` before `at` binds (`xb, yb = f(...)`, `xb = f(...)`),
 *  functions not entered; undefined where `x` is no name or that assignment binds something else. */
export function fitArrayCall(x: Expression, at: number, body: Statement[]): Call | undefined {
  if (x.type !== "name") return undefined;
  let last: Call | undefined;
  let bound = false;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.pos.startIndex >= at) return;
    if (!s.targets.some((t) => targetNames(t).includes(x.id))) return;
    bound = true;
    last = s.value.type === "call" ? s.value : undefined;
  }, [], () => false);
  return bound ? last : undefined;
}
