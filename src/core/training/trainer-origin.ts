// Whether a `Trainer(...)` call names Lightning's Trainer. A project's own class of that name (`train.Trainer` in a
// workspace module, `class Trainer:` in the file) is a hand-written loop, and must not take Lightning's defaults
// (max_epochs=1000 when neither max_epochs nor max_steps is given).
import type { Statement } from "../python/ast";
import { forEachStatement, targetNames } from "../python/syntax-walk";

// Lightning Flash's Trainer is Lightning's, subclassed (flash/core/trainer.py: `class Trainer(PlTrainer)`, 0.8.2).
const LIGHTNING_MODULE = /(^|\.)(pytorch_)?lightning(\.|$)|^flash(\.|$)/;

// Libraries whose Trainer is a loop of their own, not Lightning's: colossalai.trainer.Trainer (ColossalAI 0.1-0.2),
// composer.Trainer (MosaicML Composer), fairseq.trainer.Trainer, allennlp.training's trainers, detectron2.engine's
// DefaultTrainer, mmengine's runners, transformers.Trainer and TRL's trainers, sentence_transformers'
// SentenceTransformerTrainer, ultralytics' engine trainers, ignite's engines.
const OWN_LOOP_LIBRARY = /^(colossalai|composer|fairseq|allennlp|detectron2|mmengine|transformers|trl|sentence_transformers|ultralytics|ignite)(\.|$)/;

/**
 * True when the file shows that the callee's name (`Trainer`, or `train` in `train.Trainer`) is the project's own:
 * a class of the file, a relative import, or an import of a module `inWorkspace` finds among the project's files.
 * Also true when no top-level import binds it and the file binds the name itself or imports nothing of Lightning's.
 * False when it comes from Lightning, from a library in a file that imports Lightning (a wrapper may subclass
 * Lightning's Trainer), or the file imports Lightning without saying where the name comes from (an import inside a
 * function).
 */
export function trainerFromElsewhere(callee: string, body: Statement[], inWorkspace: (module: string) => boolean): boolean {
  const parts = callee.split(".");
  const root = parts[0] ?? "";
  let origin: "lightning" | "library" | "elsewhere" | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (origin) return;
    if (s.type === "class" && parts.length === 1 && s.name === root) origin = "elsewhere";
    else if (s.type === "import") {
      for (const { module, alias } of s.names) {
        const bound = alias ?? module.split(".")[0];
        if (bound === root) origin = LIGHTNING_MODULE.test(module) ? "lightning" : inWorkspace(module) || OWN_LOOP_LIBRARY.test(module) ? "elsewhere" : "library";
      }
    } else if (s.type === "importFrom" && s.names !== "*") {
      for (const { name, alias } of s.names) {
        if ((alias ?? name) !== root) continue;
        origin = s.level > 0 || inWorkspace(s.module) || inWorkspace(`${s.module}.${name}`) || OWN_LOOP_LIBRARY.test(s.module) ? "elsewhere" : LIGHTNING_MODULE.test(`${s.module}.${name}`) ? "lightning" : "library";
      }
    }
  }, [], () => false);
  if (origin === "lightning") return false;
  if (origin === "elsewhere") return true;
  // A library's Trainer is taken for Lightning's (a wrapper may subclass it) only in a file that imports Lightning:
  // `from lib.trainer import Trainer` of a package no one installs (a folder the project renamed) is a hand-written
  // loop, and so is any other library's Trainer (Coqui's, mmengine's) in a file that never names Lightning.
  if (origin === "library") return !importsLightning(body);
  // Not imported at top level: a name the file binds itself (CenterNet's `Trainer = train_factory[opt.task]` in
  // main), or one in a file that imports nothing of Lightning's, is not Lightning's Trainer.
  let bound = false;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.some((t) => targetNames(t).includes(root))) bound = true;
    if ((s.type === "function" || s.type === "class") && s.name === root) bound = true;
  });
  return bound || !importsLightning(body);
}

/** Whether any import of the file, at any depth, names a Lightning module. */
export function importsLightning(body: Statement[]): boolean {
  let lightning = false;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "import" && s.names.some(({ module }) => LIGHTNING_MODULE.test(module))) lightning = true;
    if (s.type === "importFrom" && LIGHTNING_MODULE.test(s.module)) lightning = true;
  });
  return lightning;
}

/** Whether a Hydra `_target_` (`pytorch_lightning.Trainer`, `lightning.pytorch.Trainer`) names Lightning's Trainer. */
export function isLightningTarget(target: string): boolean {
  return LIGHTNING_MODULE.test(target);
}
