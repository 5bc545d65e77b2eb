// `tf.data.Dataset.from_generator(gen, ...)` over a generator that loops `while True:` with no way out is an endless
// stream (tensorflow.org/api_docs/python/tf/data/Dataset#from_generator: the dataset yields what the generator does),
// so a `take(n)` of it keeps exactly n elements: `from_generator(pairs, ...).take(128 * 32).batch(32)` trains on 4,096
// samples an epoch, whatever one draw holds.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import { endlessIteration } from "./endless-iteration";

/** Why a tf.data chain's start never runs out (a `from_generator` of a generator looping forever), or undefined. */
export function endlessGeneratorSource(start: Expression, evaluate: (e: Expression) => Value | undefined): string | undefined {
  if (start.type !== "call" || start.func.type !== "attribute" || start.func.name !== "from_generator") return undefined;
  const generator = positionalArgument(start, 0) ?? keywordArgument(start, "generator");
  if (!generator || generator.type !== "name") return undefined;
  const fn = evaluate(generator);
  return fn?.kind === "function" && endlessIteration(fn) ? `from_generator(${generator.id}): ${generator.id} yields without end` : undefined;
}
