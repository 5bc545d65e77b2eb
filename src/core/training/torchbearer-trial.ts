// torchbearer's Trial owns the training loop (torchbearer 0.5.3, torchbearer/trial.py; pytorchbearer.org docs,
// "Trial"): `trial = Trial(model, optimizer, criterion, metrics=[...]).to(device)`, then
// `trial.with_generators(train_generator, val_generator=None, test_generator=None, ...)` (or
// `with_train_generator(generator, steps=None)`) hands it the training loader, and `trial.run(epochs=1, verbose=-1)`
// trains `epochs` passes over that loader, one optimizer step a batch. Course notebooks (Southampton's deep-learning
// labs and their forks) train this way.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Whether the file imports torchbearer. */
export function importsTorchbearer(text: string): boolean {
  return /^\s*(?:from|import)\s+torchbearer\b/m.test(text);
}

/** The epochs Trial.run trains when given none. */
export const TRIAL_DEFAULT_EPOCHS = 1;

/** Whether an expression is a Trial or a chain of its methods (`Trial(...)`, `Trial(...).to(device)`,
 *  `torchbearer.Trial(...).with_generators(...)`): each of them returns the trial. */
function trialChain(e: Expression): boolean {
  let at: Expression = e;
  while (at.type === "call") {
    const f = at.func;
    if ((f.type === "name" && f.id === "Trial") || (f.type === "attribute" && f.name === "Trial")) return true;
    if (f.type !== "attribute") return false;
    at = f.object;
  }
  return false;
}

/** The names the module's code binds to a Trial (at any level: a notebook cell, a function's body). */
export function trialNames(body: Statement[]): Set<string> {
  const names = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && trialChain(s.value)) for (const t of s.targets) if (t.type === "name") names.add(t.id);
  });
  return names;
}

/** Whether `x.run(...)` runs a Trial: its receiver is a name bound to one, or a Trial chain itself. */
function runsTrial(call: CallExpression, trials: ReadonlySet<string>): boolean {
  if (call.func.type !== "attribute" || call.func.name !== "run") return false;
  const receiver = call.func.object;
  return (receiver.type === "name" && trials.has(receiver.id)) || trialChain(receiver);
}

/** The epochs a Trial's `run(epochs=N)` trains; undefined for another object's `run`. */
export function trialRunEpochs(call: CallExpression, trials: ReadonlySet<string>, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): { value: number; defaulted: boolean; detail: string } | undefined {
  if (!runsTrial(call, trials)) return undefined;
  const given = keywordArgument(call, "epochs") ?? positionalArgument(call, 0);
  if (!given) return { value: TRIAL_DEFAULT_EPOCHS, defaulted: true, detail: `${snippet(call.func)}(): torchbearer's Trial.run trains epochs=${TRIAL_DEFAULT_EPOCHS} when given none (torchbearer 0.5 Trial.run)` };
  const value = evaluate(given);
  return value?.kind === "int" && value.value > 0 ? { value: value.value, defaulted: false, detail: `${snippet(call.func)}(epochs=${snippet(given)}): torchbearer's Trial.run` } : undefined;
}

/** The training loader a Trial's `with_generators(train_generator, ...)` or `with_train_generator(generator)` call
 *  hands it; undefined for another call. */
export function trialTrainGenerator(call: CallExpression): Expression | undefined {
  if (call.func.type !== "attribute") return undefined;
  if (call.func.name === "with_generators") return keywordArgument(call, "train_generator") ?? positionalArgument(call, 0);
  if (call.func.name === "with_train_generator") return keywordArgument(call, "generator") ?? positionalArgument(call, 0);
  return undefined;
}
