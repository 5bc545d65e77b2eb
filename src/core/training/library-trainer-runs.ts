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

/** The libraries whose trainers these are: Lightning (`pytorch_lightning`, `lightning`), transformers, TRL, and
 *  sentence-transformers, whose SentenceTransformerTrainer subclasses transformers' Trainer (3.0+,
 *  sentence_transformers/trainer.py; CrossEncoderTrainer 4.0 and SparseEncoderTrainer 5.0 subclass it). Another
 *  library's `Trainer` (ColossalAI's `colossalai.trainer.Trainer`, whose `fit(train_dataloader, epochs=...)` differs)
 *  is not read as one of these. */
const TRAINER_LIBRARY = /^(pytorch_lightning|lightning|transformers|trl|sentence_transformers)(\.|$)/;

/** The module a top-level import of `text` binds `name` from (`import pytorch_lightning as pl` → pytorch_lightning,
 *  `from transformers import (Trainer, ...)` → transformers), or undefined. */
function importedModule(name: string, text: string): string | undefined {
  const word = name.replace(/[^\w]/g, "");
  const aliased = new RegExp(`^\\s*import\\s+([\\w.]+)\\s+as\\s+${word}\\b`, "m").exec(text);
  if (aliased) return aliased[1];
  const plain = new RegExp(`^\\s*import\\s+(${word})(\\.[\\w.]+)?\\s*$`, "m").exec(text);
  if (plain) return plain[1];
  const from = new RegExp(`^\\s*from\\s+([\\w.]+)\\s+import\\s+(\\([^)]*\\)|[^\\n]*)`, "gm");
  for (let m = from.exec(text); m; m = from.exec(text)) {
    const names = m[2].replace(/[()]/g, " ").split(",").map((n) => n.trim().split(/\s+as\s+/).pop()?.trim());
    if (names.includes(word)) return m[1];
  }
  return undefined;
}

/** Whether a constructor call builds a trainer of Lightning, transformers or TRL, as the imports of `text` (the
 *  definition's file) say (`pl.Trainer(...)`, `Trainer.from_argparse_args(args)`, `SFTTrainer(...)`). */
function buildsLibraryTrainer(e: Expression, text: string): boolean {
  if (e.type !== "call") return false;
  const name = dottedName(e.func) ?? "";
  const parts = name.split(".");
  const last = parts[parts.length - 1] ?? "";
  const trainer = TRAINER_CLASS.test(last) || (last === "from_argparse_args" && TRAINER_CLASS.test(parts[parts.length - 2] ?? ""));
  const module = trainer ? importedModule(parts[0] ?? "", text) : undefined;
  return module !== undefined && TRAINER_LIBRARY.test(module);
}

/** Whether the definition's body builds a trainer and calls its `fit`/`train`: on the name the trainer is bound to
 *  (`trainer = pl.Trainer(...)`, then `trainer.fit(...)`), or on the constructor call itself (`Trainer(...).fit(...)`).
 *  `text` is the definition's file, whose imports say whose trainer it is. */
export function runsLibraryTrainer(definition: FunctionDefinition, text: string): boolean {
  const buildsTrainer = (e: Expression) => buildsLibraryTrainer(e, text);
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

/** Whether the definition's body builds a trainer of Lightning, transformers or TRL and returns it (`return
 *  SFTTrainer(...)`, or `trainer = SFTTrainer(...)` ... `return trainer`): a caller that runs `train()` on the
 *  result trains through this body's configuration (a `create_trainer(model, ..., args)` helper of another file). */
export function returnsLibraryTrainer(definition: FunctionDefinition, text: string): boolean {
  const buildsTrainer = (e: Expression) => buildsLibraryTrainer(e, text);
  const bound = new Set<string>();
  let returned = false;
  forEachStatement(definition.body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && buildsTrainer(s.value)) bound.add(s.targets[0].id);
    if (s.type === "return" && s.value && ((s.value.type === "name" && bound.has(s.value.id)) || buildsTrainer(s.value))) returned = true;
  }, [], () => false);
  return returned;
}

/** Whether the text binds a name to a plain function's result (`trainer = create_trainer(...)`) and later runs
 *  `.train(` on it: a file that may train through a trainer another file's function returns (the gate before the
 *  other files are read). */
export function trainsReturnedObject(text: string): boolean {
  const bound = /^[ \t]*(\w+)[ \t]*=[ \t]*\w+[ \t]*\(/gm;
  for (let m = bound.exec(text); m; m = bound.exec(text)) {
    if (new RegExp(`(?<![\\w.])${m[1]}\\s*\\.\\s*train\\s*\\(`).test(text.slice(m.index))) return true;
  }
  return false;
}
