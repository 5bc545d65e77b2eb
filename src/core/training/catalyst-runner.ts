// Catalyst's Runner owns the loop: `runner.train(model=..., criterion=..., optimizer=..., loaders={"train": ...,
// "valid": ...}, num_epochs=1, ...)` runs num_epochs epochs over the loaders (IRunner.train's num_epochs defaults to
// 1; catalyst.ai/docs, "Runner", catalyst 21.x-22.x, catalyst/runners/runner.py). A call is Catalyst's where the file
// imports catalyst and the call hands it `loaders=`, which no other library's `train` takes.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, type CallExpression } from "../python/syntax-walk";

/** Whether the file imports Catalyst. */
export function importsCatalyst(text: string): boolean {
  return /^\s*(?:from|import)\s+catalyst\b/m.test(text);
}

/** The epoch count Catalyst's Runner.train uses when it is given none. */
export const CATALYST_DEFAULT_EPOCHS = 1;

/** The epochs a Catalyst `runner.train(..., loaders=..., num_epochs=N)` call runs; undefined for another `train`. */
export function catalystTrainEpochs(call: CallExpression, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): { value: number; defaulted: boolean; detail: string } | undefined {
  if (call.func.type !== "attribute" || call.func.name !== "train" || !keywordArgument(call, "loaders")) return undefined;
  const given = keywordArgument(call, "num_epochs");
  if (!given) return { value: CATALYST_DEFAULT_EPOCHS, defaulted: true, detail: `${snippet(call.func)}(loaders=...): Catalyst's Runner.train runs num_epochs=${CATALYST_DEFAULT_EPOCHS} when given none (catalyst.ai/docs, Runner)` };
  const value = evaluate(given);
  return value?.kind === "int" && value.value > 0 ? { value: value.value, defaulted: false, detail: `${snippet(call.func)}(num_epochs=${snippet(given)}): Catalyst's Runner.train` } : undefined;
}
