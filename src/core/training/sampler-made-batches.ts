// A DataLoader given `batch_sampler=` takes each batch from the lists of indices that sampler yields, not from any
// batch size (pytorch.org/docs/stable/data.html, "batch_sampler ... Mutually exclusive with batch_size"). Where the
// sampler is an object of the project's own class whose lists are not read (an episode sampler over labels the
// analysis does not know), an option or constant named for the batch is not the run's batch.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { keywordArgument } from "../python/syntax-walk";
import { ownClass } from "./own-code";

/** The name of the project's own class a loader's `batch_sampler=` evaluates to an object of (`evaluate` works an
 *  expression out where the loader is built); undefined for a loader without one, or a sampler of a library's. */
export function ownBatchSamplerClass(loader: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined): string | undefined {
  const given = keywordArgument(loader, "batch_sampler");
  const value = given ? evaluate(given) : undefined;
  return value?.kind === "instance" && ownClass(value.cls) ? value.cls.name : undefined;
}
