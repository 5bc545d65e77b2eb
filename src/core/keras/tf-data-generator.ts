// tf.data.Dataset.from_generator(generator, ..., args=None) (tensorflow.org/api_docs/python/tf/data/Dataset
// #from_generator, TensorFlow 2.x): a dataset whose elements are what `generator(*args)` yields, one element a yield.
// Scripts make synthetic data this way (`def gen(): for i in range(n): yield x, y`); the interpreter runs a generator
// eagerly, so the items it yields are counted. One that reaches the interpreter's cap (an endless `while True:`
// generator) or yields from data the analysis cannot list has no count.
import { BudgetExceeded, GENERATOR_LIMIT } from "../interp/budget";
import { bindArguments } from "../interp/construct";
import type { NativeCall, Value } from "../interp/values";
import type { Statement } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";

/** Whether a generator body loops forever by construction (`while True:`, `while 1:`): it yields without end, and
 *  running it eagerly to the interpreter's cap would cost each analysis that much for no count. */
function endlessBody(body: Statement[]): boolean {
  let endless = false;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "while" && ((s.test.type === "constant" && s.test.value === "True") || (s.test.type === "int" && s.test.value !== 0))) endless = true;
  }, [], () => false);
  return endless;
}

/** How many elements `from_generator`'s generator yields, called with its `args`; undefined when not known. */
export function generatorElements({ args, kwargs, context }: NativeCall): number | undefined {
  const bound = bindArguments(["generator", "output_types=None", "output_shapes=None", "args=None", "output_signature=None", "name=None"], args, kwargs, "from_generator");
  const generator = bound.get("generator");
  const given = bound.get("args");
  if (!generator || (given && given.kind !== "none" && given.kind !== "tuple" && given.kind !== "list")) return undefined;
  if (generator.kind === "function" && generator.definition.type === "function" && endlessBody(generator.definition.body)) return undefined;
  const callArgs: Value[] = given && (given.kind === "tuple" || given.kind === "list") ? given.items : [];
  let made: Value;
  try {
    made = context.callValue(generator, callArgs);
  } catch (err) {
    // A generator that fails when run (a file it reads is absent) gives no count; the analysis budget still stops all.
    if (err instanceof BudgetExceeded) throw err;
    return undefined;
  }
  if (made.kind !== "iterator") return undefined;
  const count = made.items.length - made.index;
  return count < GENERATOR_LIMIT ? count : undefined;
}
