// fastai's Learner: the run's length is the epoch count its fit method is given, its batch the `bs` of the
// DataLoaders it learns from, and its precision what `to_fp16()`/`to_bf16()` set. Read from fastai's documented API
// (docs.fast.ai, fastai 2.7: learner.html, callback.schedule.html, data.core.html, callback.fp16.html; fastai 1.0's
// basic_train and basic_data pages for the v1 names), for scripts that import fastai without it installed.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Whether the file imports fastai (v1, v2 and its `fastai2` preview name). */
export function importsFastai(text: string): boolean {
  return /^\s*(?:from|import)\s+fastai2?\b/m.test(text);
}

/**
 * The fit methods of a Learner and where their epoch count is passed: `fit(n_epoch, lr, ...)`,
 * `fit_one_cycle(n_epoch, lr_max, ...)`, `fit_flat_cos(n_epoch, ...)` (fastai 2.7); fastai 1.0 named them
 * `fit(epochs, lr)` and `fit_one_cycle(cyc_len, max_lr)`. `fine_tune(epochs, base_lr, freeze_epochs=1)` runs
 * `fit_one_cycle(freeze_epochs)` frozen, then `fit_one_cycle(epochs)` unfrozen; `fit_sgdr(n_cycles, cycle_len,
 * cycle_mul=2)` runs cycle_len × (cycle_mul^n_cycles − 1) / (cycle_mul − 1) epochs.
 */
const FITS: Record<string, string[]> = {
  fit: ["n_epoch", "epochs"],
  fit_one_cycle: ["n_epoch", "cyc_len"],
  fit_flat_cos: ["n_epoch"],
  fine_tune: ["epochs"],
  fit_sgdr: ["n_cycles"],
};

/** Whether a method name is one of a fastai Learner's fit methods. */
export const isFastaiFit = (method: string): boolean => Object.prototype.hasOwnProperty.call(FITS, method);

const count = (v: Value | undefined): number | undefined =>
  v && (v.kind === "int" || (v.kind === "float" && Number.isInteger(v.value))) && v.value >= 0 ? v.value : undefined;

/** The epochs a fastai fit call runs, with how they were counted; undefined when its arguments are not known. */
export function fastaiFitEpochs(call: CallExpression, method: string, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): { value: number; detail: string } | undefined {
  const names = FITS[method];
  if (!names) return undefined;
  const argument = names.map((n) => keywordArgument(call, n)).find((e) => e !== undefined) ?? positionalArgument(call, 0);
  if (!argument) return undefined;
  const given = count(evaluate(argument));
  if (given === undefined) return undefined;
  const code = `${method}(${snippet(argument)})`;
  if (method === "fine_tune") {
    const freezeArgument = keywordArgument(call, "freeze_epochs") ?? positionalArgument(call, 2);
    const freeze = freezeArgument ? count(evaluate(freezeArgument)) : 1;
    if (freeze === undefined) return undefined;
    return { value: given + freeze, detail: `${code}: ${freeze} frozen epoch${freeze === 1 ? "" : "s"} (freeze_epochs${freezeArgument ? `=${snippet(freezeArgument)}` : ", default 1"}) then ${given}, fastai's Learner.fine_tune (docs.fast.ai/callback.schedule.html)` };
  }
  if (method === "fit_sgdr") {
    const lengthArgument = keywordArgument(call, "cycle_len") ?? positionalArgument(call, 1);
    const mulArgument = keywordArgument(call, "cycle_mul") ?? positionalArgument(call, 3);
    const length = lengthArgument ? count(evaluate(lengthArgument)) : undefined;
    const mul = mulArgument ? count(evaluate(mulArgument)) : 2;
    if (length === undefined || mul === undefined || mul < 1) return undefined;
    const value = mul === 1 ? length * given : (length * (mul ** given - 1)) / (mul - 1);
    return { value, detail: `${code}: ${given} cycles of ${length} epochs, each ${mul}× the last, fastai's Learner.fit_sgdr (docs.fast.ai/callback.schedule.html)` };
  }
  return { value: given, detail: `${code}, fastai's Learner.${method} (docs.fast.ai/${method === "fit" ? "learner" : "callback.schedule"}.html)` };
}

/**
 * A call that builds fastai DataLoaders: `DataBlock.dataloaders(source, bs=...)`, `Datasets.dataloaders(...)`,
 * `ImageDataLoaders.from_folder(path, bs=...)` and the other `*DataLoaders.from_*` factories, fastai 1.0's
 * `*DataBunch.from_*`, `DataBunch.create(train_ds, valid_ds, bs=...)` and `.databunch(bs=...)`. Their bs defaults to 64 (fastai 2.7 `FilteredBase.dataloaders(bs=64)`,
 * fastai 1.0 `DataBunch.create(bs=64)`), and the training loader shuffles and drops its last partial batch
 * (`drop_last=shuffle` for the training set in both).
 */
export function isFastaiLoaders(callee: string, method: string): boolean {
  if (method === "dataloaders" || method === "databunch") return true;
  const owner = callee.split(".").slice(-2, -1)[0] ?? "";
  // fastai 1.0's `DataBunch.create(train_ds, valid_ds, bs=64)` wraps datasets the script built (basic_data.html).
  if (method === "create") return /DataBunch$/.test(owner);
  return /^from_/.test(method) && /(DataLoaders|DataBunch)$/.test(owner);
}

/** The batch a fastai DataLoaders call (written `callee`) sets: its `bs`, or fastai's default 64. */
export function fastaiLoadersBatch(call: CallExpression, callee: string, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): { value: number; defaulted: boolean; detail: string } | undefined {
  const argument = keywordArgument(call, "bs");
  const dropped = "the training loader dropping its last partial batch (drop_last=shuffle, docs.fast.ai/data.core.html)";
  if (!argument) return { value: 64, defaulted: true, detail: `${callee}(): fastai DataLoaders' default bs=64, ${dropped}` };
  const value = count(evaluate(argument));
  return value !== undefined && value > 0 ? { value, defaulted: false, detail: `${callee}(bs=${snippet(argument)}), ${dropped}` } : undefined;
}

/** The precision a Learner method sets: `to_fp16()` mixed fp16, `to_bf16()` mixed bf16 (docs.fast.ai/callback.fp16.html). */
export function fastaiPrecision(method: string): "fp16" | "bf16" | undefined {
  return method === "to_fp16" ? "fp16" : method === "to_bf16" ? "bf16" : undefined;
}
