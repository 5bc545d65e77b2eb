// A data module built by a classmethod constructor of a library (`ImageClassificationData.from_folders(..., batch_size=4)`
// in Lightning Flash, Lightning's own `LightningDataModule.from_datasets(train_ds, batch_size=32)`) and handed to the
// Trainer's `fit` (or Flash's `finetune`): its batch is the constructor's `batch_size=`. Lightning documents
// `from_datasets(..., batch_size=1, ...)` (lightning.ai/docs/pytorch/stable/api/lightning.pytorch.core.LightningDataModule.html);
// Flash's DataModule requires the batch size (flash/core/data/data_module.py raises without one), so only a written
// one is read there.
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { Value } from "../interp/values";
import type { CodeSite } from "./code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** Trainer methods that train on the data module they are given. */
const TRAINS = /^(fit|finetune)$/;

/** The batch of a data module that a class's `from_...` constructor built, where the plain run builds it. */
export function constructedDataModuleBatch(
  sites: CodeSite[],
  text: string,
  evaluate: (site: CallSite, e: Expression) => Value | undefined,
  runs: (site: CallSite) => boolean,
): { value: number; line: number; detail: string; source: "code" | "default" } | undefined {
  for (const site of sites) {
    if (site.kind !== "call" || site.call.func.type !== "attribute" || !TRAINS.test(site.call.func.name)) continue;
    const argument = keywordArgument(site.call, "datamodule") ?? positionalArgument(site.call, 1);
    if (argument?.type !== "name" || !runs(site)) continue;
    // The name's last binding before the training call (a later `datamodule = X.from_files(predict_files=...)` is
    // for prediction).
    const built = sites
      .filter((s): s is CallSite => s.kind === "call" && s.assignedTo.includes(argument.id) && s.call.pos.startIndex < site.call.pos.startIndex && s.context.fn === site.context.fn)
      .pop();
    if (!built || built.call.func.type !== "attribute" || !/^from_/.test(built.call.func.name) || !/^[A-Z]/.test(built.callee.split(".").slice(-2)[0] ?? "") || !runs(built)) continue;
    const code = text.slice(built.call.func.pos.startIndex, built.call.func.pos.endIndex);
    const given = keywordArgument(built.call, "batch_size");
    if (given) {
      const value = evaluate(built, given);
      if (value?.kind !== "int" || value.value <= 0) continue;
      return { value: value.value, line: built.call.pos.line, source: "code", detail: `${code}(batch_size=${text.slice(given.pos.startIndex, given.pos.endIndex)}), the data module ${site.callee} trains on` };
    }
    if (/(^|\.)LightningDataModule\.from_datasets$/.test(built.callee)) {
      return { value: 1, line: built.call.pos.line, source: "default", detail: `${code}(): Lightning's default batch_size=1 (LightningDataModule.from_datasets)` };
    }
  }
  return undefined;
}
