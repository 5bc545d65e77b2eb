// What a script does after its training call returns (`trainer.train()`, `trainer.fit(model)`, `model.fit(x, y)`)
// is not the run's: a model reloaded in float16 to merge adapters and save, or cast to half for export, trains no
// step. Python runs a function's statements in order, so a site later in the same function than the training call
// comes after the whole run.
import type { FunctionDefinition } from "../python/ast";
import type { CodeSite } from "./code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** A training call's place: the function that holds it (none at the module's level) and where it ends. */
export interface TrainingCall {
  fn?: FunctionDefinition;
  end: number;
}

/** Training calls among the sites: Keras' and Lightning's `.fit`/`.fit_generator`, and `.train()` of an object built
 *  by a `...Trainer(...)` call (transformers' Trainer, TRL's SFTTrainer; never `model.train()`, a mode switch). */
export function trainingCalls(sites: CodeSite[]): TrainingCall[] {
  const trainers = new Set(sites.flatMap((s) => (s.kind === "call" && /Trainer$/.test(s.callee) ? s.assignedTo : [])));
  return sites.flatMap((s): TrainingCall[] => {
    if (s.kind !== "call" || s.call.func.type !== "attribute" || s.inComprehension) return [];
    const { name, object } = s.call.func;
    const trains = /^fit(_generator)?$/.test(name) || (name === "train" && object.type === "name" && trainers.has(object.id));
    return trains ? [{ fn: s.context.fn, end: s.call.pos.endIndex }] : [];
  });
}

/** Whether a site comes after a training call of its own function. */
export function afterTraining(site: CallSite, calls: TrainingCall[]): boolean {
  return calls.some((c) => c.fn === site.context.fn && site.call.pos.startIndex > c.end);
}
