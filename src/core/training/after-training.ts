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

/** Training calls among the sites: `.fit`/`.train()` of an object built by a `...Trainer(...)` call (Lightning's,
 *  transformers', TRL's SFTTrainer; never `model.train()`, a mode switch), and Keras' `.fit`/`.fit_generator` in a file
 *  that imports Keras (scikit-learn's `scaler.fit(x)` before a torch loop trains nothing). */
export function trainingCalls(sites: CodeSite[], text: string): TrainingCall[] {
  const trainers = new Set(sites.flatMap((s) => (s.kind === "call" && /Trainer$/.test(s.callee) ? s.assignedTo : [])));
  const keras = /^\s*(from|import)\s+(tensorflow|keras|tf_keras)\b/m.test(text);
  return sites.flatMap((s): TrainingCall[] => {
    if (s.kind !== "call" || s.call.func.type !== "attribute" || s.inComprehension) return [];
    const { name, object } = s.call.func;
    const ofTrainer = object.type === "name" && trainers.has(object.id);
    const trains = ((name === "train" || name === "fit") && ofTrainer) || (keras && /^fit(_generator)?$/.test(name));
    return trains ? [{ fn: s.context.fn, end: s.call.pos.endIndex }] : [];
  });
}

/** Whether a site comes after a training call of its own function. */
export function afterTraining(site: CallSite, calls: TrainingCall[]): boolean {
  return calls.some((c) => c.fn === site.context.fn && site.call.pos.startIndex > c.end);
}

/** Hand-written updates (a backward pass, gradients applied, a TF 1.x minimize, Keras' train_on_batch), which read
 *  constants wherever they sit. */
const HAND_UPDATE = /\.(backward|apply_gradients|minimize|train_on_batch)\s*\(/;
/** Keras' fit calls, whichever function holds them. */
const FIT_CALL = /\.fit(_generator)?\s*\(/;

/** Whether a place (`start`, in `fn` or at the module's level) comes after every training call of the file, all of
 *  them in that same function, in a file with no hand-written update and no fit after it: a batch size or epoch count
 *  set there (`BATCH_SIZE = 1` for an export's input signature after `model.fit(...)`) feeds no step of the run. */
export function afterAllTraining(start: number, fn: FunctionDefinition | undefined, calls: TrainingCall[], text: string): boolean {
  return calls.length > 0 && calls.every((c) => c.fn === fn && start > c.end) && !HAND_UPDATE.test(text) && !FIT_CALL.test(text.slice(start));
}

/** Where a file's backward passes are (`.backward(`), by the text's offsets. A TensorFlow 1.x `minimize(...)` or
 *  `apply_gradients(...)` only defines an op that a later `sess.run` steps, so it is not counted here. */
function handUpdates(text: string): number[] {
  return [...text.matchAll(/\.backward\s*\(/g)].map((m) => m.index);
}

/**
 * Whether a place (`start`, in `fn` or at the module's level) comes after every backward pass of the file, each
 * of them in that same scope and in no loop that also holds the place (`loops`), with no fit after it: a batch size set
 * there (`batch_size = 1` for an evaluation loader after the training loop) feeds no step, as no function called later
 * can update anything. `functions` lists the file's definitions, read only where the text could qualify.
 */
export function afterAllUpdates(start: number, fn: FunctionDefinition | undefined, text: string, loops: readonly { pos: { startIndex: number; endIndex: number } }[], functions: () => FunctionDefinition[]): boolean {
  const updates = handUpdates(text);
  if (updates.length === 0 || updates.some((i) => i >= start) || FIT_CALL.test(text.slice(start))) return false;
  if (loops.some((l) => l.pos.startIndex <= start && start < l.pos.endIndex && updates.some((i) => l.pos.startIndex <= i && i < l.pos.endIndex))) return false;
  const defs = functions();
  const scope = (i: number) => defs.filter((d) => d.pos.startIndex <= i && i < d.pos.endIndex).reduce<FunctionDefinition | undefined>((inner, d) => (!inner || d.pos.startIndex > inner.pos.startIndex ? d : inner), undefined);
  return updates.every((i) => scope(i)?.pos.startIndex === fn?.pos.startIndex);
}
