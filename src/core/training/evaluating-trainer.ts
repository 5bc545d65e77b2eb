// A Lightning Trainer that only tests, validates or predicts trains nothing: `trainer = pl.Trainer(...)` followed by
// `trainer.test(model, dm)` and no `fit` runs the model over the test loader once (lightning.ai/docs/pytorch/stable/
// common/trainer.html, "test", "validate", "predict"). Its max_epochs (or Lightning's default 1000) is no run's, and
// a loader batch such an evaluation script sets (`AssemblyDataModule(batch_size=64)`) is no training batch. The test
// reads the text only (its comments left out: `# model and trainer`, `# trainer.fit(...)` left from training): a name
// bound to a Trainer whose every later use is one of those three calls.
import { commentFreeText } from "../python/comment-free-text";

/** The Trainer methods that run a model without training it (Lightning 1.x-2.x). */
const EVALUATING_METHODS = ["test", "validate", "predict"];

/** Names the file binds to a Trainer call (`trainer = pl.Trainer(`, `trainer = Trainer.from_argparse_args(`). */
const TRAINER_BINDING = /^[ \t]*(\w+)[ \t]*=[ \t]*[\w.]*\bTrainer(?:\.from_argparse_args)?[ \t]*\(/gm;

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether every use of `name` in the text, past its bindings to a Trainer, is a test, validate or predict call. */
export function trainerOnlyEvaluates(name: string, source: string): boolean {
  const text = commentFreeText(source);
  const uses = [...text.matchAll(new RegExp(`(?<![\\w.])${escape(name)}\\b(?![ \\t]*=[^=])(\\.\\w+)?`, "g"))];
  if (uses.length === 0) return false;
  return uses.every((m) => m[1] !== undefined && EVALUATING_METHODS.includes(m[1].slice(1)) && /^\s*\(/.test(text.slice(m.index! + m[0].length)));
}

/** The names of the file's Lightning Trainers where every one only evaluates (none is fitted or handed elsewhere);
 *  undefined where the file builds none or fits one. */
export function evaluatingTrainerNames(text: string): string[] | undefined {
  if (!text.includes("Trainer")) return undefined;
  const names = [...new Set([...text.matchAll(TRAINER_BINDING)].map((m) => m[1]))];
  return names.length > 0 && names.every((n) => trainerOnlyEvaluates(n, text)) ? names : undefined;
}
