// A name the script passes to another workspace file's function whose loop walks that parameter and backpropagates
// (`from train import *`, then `train(args, device, dataset_training, model, optimizer, i)` with `def train(args,
// device, train_loader, ...): for i, batch in enumerate(train_loader): ... loss.backward()`) is the run's training
// data, whatever it is named: Python iterates that very object in the training steps. The names the script's own
// functions walk are trained-data-names.ts's.
import type { Statement } from "../python/ast";
import { callsAnywhere, forEachStatement } from "../python/syntax-walk";
import type { Value } from "../interp/values";
import { argumentsByParameter } from "./call-site-bindings";
import { walkedName } from "./loop-shape";

const BACKPROPAGATES = /\.backward\s*\(/;

/** The plain names the script passes to a parameter that another file's backpropagating function walks in a loop. */
export function foreignTrainingDataNames(body: Statement[], file: string, lookup: (name: string) => Value | undefined, read: (file: string) => string | undefined): Set<string> {
  const out = new Set<string>();
  const walkedBy = new Map<Statement, Set<string>>();
  for (const call of callsAnywhere(body)) {
    if (call.func.type !== "name" || !call.args.some((a) => a.value.type === "name")) continue;
    const fn = lookup(call.func.id);
    if (fn?.kind !== "function" || fn.definition.type !== "function" || !fn.module.file || fn.module.file === file) continue;
    const definition = fn.definition;
    if (!walkedBy.has(definition)) {
      const text = read(fn.module.file);
      const own = text?.slice(definition.pos.startIndex, definition.pos.endIndex) ?? "";
      const parameters = new Set(definition.params.map((p) => p.name));
      const walked = new Set<string>();
      if (BACKPROPAGATES.test(own)) {
        forEachStatement(definition.body, ({ statement: s }) => {
          const name = s.type === "for" ? walkedName(s.iter) : undefined;
          if (name !== undefined && parameters.has(name)) walked.add(name);
        }, [], () => false);
      }
      walkedBy.set(definition, walked);
    }
    const walked = walkedBy.get(definition)!;
    if (walked.size === 0) continue;
    for (const [parameter, argument] of argumentsByParameter(definition, call)) if (walked.has(parameter) && argument.type === "name") out.add(argument.id);
  }
  return out;
}
