// A function of another workspace file that builds a library trainer and runs it: `trainer = pl.Trainer(**kwargs);
// trainer.fit(model, data_module)`, `Trainer(model=model, args=args).train()`. Lightning's `Trainer.fit` runs the
// model's training loop, backward passes and optimizer steps included (lightning.ai/docs/pytorch/stable/common/
// trainer.html#fit), and Hugging Face's `Trainer.train` does the same (huggingface.co/docs/transformers/main_classes/
// trainer#transformers.Trainer.train; TRL's trainers subclass it), so a script calling such a function trains through
// it, though its body holds no `.backward(` of its own.
import type { Expression, FunctionDefinition } from "../python/ast";
import { callsInBody, dottedName, forEachStatement } from "../python/syntax-walk";

/** A trainer class by its last name: Lightning's and transformers' `Trainer`, `Seq2SeqTrainer`, TRL's `SFTTrainer`,
 *  `DPOTrainer`, ... */
const TRAINER_CLASS = /^\w*Trainer$/;
/** The method that runs a trainer's training: Lightning's `fit`, transformers' (and TRL's) `train`. */
const RUNS = /^(fit|train)$/;

/** Whether a constructor call builds a trainer (`pl.Trainer(...)`, `Trainer.from_argparse_args(args)`). */
function buildsTrainer(e: Expression): boolean {
  if (e.type !== "call") return false;
  const name = dottedName(e.func) ?? "";
  const parts = name.split(".");
  const last = parts[parts.length - 1] ?? "";
  return TRAINER_CLASS.test(last) || (last === "from_argparse_args" && TRAINER_CLASS.test(parts[parts.length - 2] ?? ""));
}

/** Whether the definition's body builds a trainer and calls its `fit`/`train`: on the name the trainer is bound to
 *  (`trainer = pl.Trainer(...)`, then `trainer.fit(...)`), or on the constructor call itself (`Trainer(...).fit(...)`). */
export function runsLibraryTrainer(definition: FunctionDefinition): boolean {
  const bound = new Set<string>();
  forEachStatement(definition.body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && buildsTrainer(s.value)) bound.add(s.targets[0].id);
  }, [], () => false);
  return callsInBody(definition.body).some((c) => {
    if (c.func.type !== "attribute" || !RUNS.test(c.func.name)) return false;
    const object = c.func.object;
    return (object.type === "name" && bound.has(object.id)) || buildsTrainer(object);
  });
}
