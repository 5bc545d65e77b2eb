// Where a file trains a model: a function (or module-level loop) that calls `.backward()` on a loss, or a Keras /
// Lightning `fit(...)`, or a trainer object's `train()` (Hugging Face's `Trainer.train()`). The editor shows training
// figures there (per step and per run) instead of inference ones.
import type { Expression, Statement } from "../python/ast";
import { attributeChain } from "../python/syntax-walk";
import type { ModelReport } from "../report/model-report";
import { findCodeSites } from "./code-sites";

/** A place that trains: its line (1-based), and the function it sits in, when it is in one. */
export interface TrainingSite {
  /** The line a lens goes on: the function's `def`, else the first training call. */
  line: number;
  kind: "backward" | "fit" | "train";
  /** The enclosing function's name and its text span (to tell which model it trains). */
  function?: { name: string; startIndex: number; endIndex: number };
}

const BACKWARD = /(^|\.)backward$/;
const FIT = /(^|\.)fit$/;
/**
 * A class whose `train()` runs a training loop: transformers' `Trainer.train()` ("Main training entry point",
 * huggingface.co/docs/transformers/main_classes/trainer, v4-v5) and the trainers built on it (`Seq2SeqTrainer`,
 * trl's `SFTTrainer`), and a project's own `Trainer` classes. `model.train()` (nn.Module's mode switch) is not one.
 */
const TRAINER_CLASS = /(^|\.)\w*Trainer$/;

/** Whether a call is `<trainer>.train()`: on a name bound to a `...Trainer(...)` in the same scope, or on the
 *  constructor call itself (`Trainer(...).train()`). */
function isTrainerTrain(call: Extract<Expression, { type: "call" }>, trainers: ReadonlySet<string>, scope: string): boolean {
  if (call.func.type !== "attribute" || call.func.name !== "train") return false;
  const receiver = call.func.object;
  if (receiver.type === "name") return trainers.has(`${scope}:${receiver.id}`);
  return receiver.type === "call" && TRAINER_CLASS.test(attributeChain(receiver.func));
}

/** The training sites of a module, one per function (the first training call of module-level code otherwise). */
export function findTrainingSites(body: Statement[], text: string): TrainingSite[] {
  const sites: TrainingSite[] = [];
  const seen = new Set<string>();
  // Names bound to a trainer object, per scope (a function, or the module).
  const trainers = new Set<string>();
  for (const site of findCodeSites(body, text)) {
    if (site.kind !== "call") continue;
    const fn = site.context.fn;
    const key = fn ? `fn:${fn.pos.startIndex}` : "module";
    if (TRAINER_CLASS.test(site.callee)) for (const name of site.assignedTo) trainers.add(`${key}:${name}`);
    const kind = BACKWARD.test(site.callee) ? "backward" : FIT.test(site.callee) ? "fit" : isTrainerTrain(site.call, trainers, key) ? "train" : undefined;
    if (!kind) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    sites.push(
      fn
        ? { line: fn.pos.line, kind, function: { name: fn.name, startIndex: fn.pos.startIndex, endIndex: fn.pos.endIndex } }
        : { line: site.call.pos.line, kind },
    );
  }
  return sites.sort((a, b) => a.line - b.line);
}

/** The model a training site trains: the file's model named in the training function, else its largest. */
export function trainedModel(models: readonly ModelReport[], site: TrainingSite, text: string): ModelReport | undefined {
  const runnable = models.filter((model) => model.ops.length > 0);
  if (site.function) {
    const body = text.slice(site.function.startIndex, site.function.endIndex);
    const named = runnable.filter((model) => new RegExp(`\\b${model.name}\\b`).test(body));
    if (named.length === 1) return named[0];
  }
  if (runnable.length === 1) return runnable[0];
  return [...runnable].sort((a, b) => b.flops - a.flops)[0];
}
