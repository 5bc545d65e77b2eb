// OpenMMLab's runners own the loop: the run is what the config says. mmcv 1.x (mmcv/runner, docs "Runner"):
// `runner = dict(type='EpochBasedRunner', max_epochs=12)` (or 'IterBasedRunner', max_iters; older configs'
// `total_epochs`), each GPU's batch `data = dict(samples_per_gpu=2)` (`imgs_per_gpu` before mmdet 2), and a config's
// `fp16 = dict(loss_scale=...)` training in mixed fp16 (Fp16OptimizerHook); the projects' `train_detector(model,
// datasets, cfg)`, `train_segmentor`, `train_model`... run it. mmengine 0.x (docs "Runner", "Training loops",
// "Mixed precision"): `Runner.from_cfg(cfg).train()` with `train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=12)`
// (or by_epoch=True; 'IterBasedTrainLoop' with max_iters), `train_dataloader = dict(batch_size=2)` and
// `optim_wrapper = dict(type='AmpOptimWrapper')` (fp16, or `dtype='bfloat16'`).
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { calleeName, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { dictEntry } from "../interp/value-figures";

/** Whether the file imports an OpenMMLab package (mmcv, mmengine or a task library built on them). */
export function importsOpenMMLab(text: string): boolean {
  return /^\s*(?:from|import)\s+(?:mmcv|mmengine|mmdet|mmdet3d|mmseg|mmcls|mmpretrain|mmpose|mmaction|mmrotate|mmocr|mmfewshot|mmtrack|mmedit|mmagic|mmyolo|mmselfsup|mmgen|mmflow)\b/m.test(text);
}

/** The task libraries' training entry points (mmdet.apis.train_detector, mmseg.apis.train_segmentor, ...). */
const TRAIN_API = /(^|\.)train_(detector|segmentor|model|classifier|recognizer|localizer|pose_model|mmdet)$/;

/** The config expression a library training call runs: `train_detector(model, datasets, cfg, ...)` (cfg=, else the third argument). */
export function mmTrainConfig(callee: string, call: CallExpression): Expression | undefined {
  if (!TRAIN_API.test(callee)) return undefined;
  return keywordArgument(call, "cfg") ?? positionalArgument(call, 2);
}

/** A figure a runner config states. */
export interface MmFigure<T> {
  value: T;
  detail: string;
}

/** What a runner config sets: epochs or steps, the batch on each GPU, and the precision. */
export interface MmRun {
  epochs?: MmFigure<number>;
  steps?: MmFigure<number>;
  batch?: MmFigure<number>;
  precision?: MmFigure<"fp16" | "bf16">;
}

const positive = (v: Value | undefined): number | undefined => (v?.kind === "int" && v.value > 0 ? v.value : undefined);
const text = (v: Value | undefined): string | undefined => (v?.kind === "str" ? v.value : undefined);
const present = (v: Value | undefined): boolean => v !== undefined && v.kind !== "unknown" && v.kind !== "none";

/** The figures of the config `cfg` evaluates to (a Config of Config.fromfile): each read as `cfg.key.key`. */
export function mmRunFigures(cfg: Expression, evaluate: (e: Expression) => Value | undefined, shown: string): MmRun {
  return runFigures((...keys) => evaluate(keys.reduce<Expression>((object, name) => ({ type: "attribute", object, name, pos: cfg.pos }), cfg)), shown);
}

/** Whether a call builds mmengine's Runner (or FlexibleRunner) from keywords, the config's keys, as its docs'
 *  "15 minutes" example does: `Runner(model=..., train_dataloader=dict(...), train_cfg=dict(...), optim_wrapper=...)`. */
export function buildsMmRunner(call: CallExpression): boolean {
  return /^(Runner|FlexibleRunner)$/.test(calleeName(call) ?? "") && (keywordArgument(call, "train_cfg") !== undefined || keywordArgument(call, "train_dataloader") !== undefined);
}

/** The figures of a Runner built from keywords, and the `dict(...)` call its train_dataloader is (its `dataset=` is
 *  what the run draws). `bound(name)` is the expression last assigned to a name before the Runner is built. */
export function mmRunnerKeywordFigures(call: CallExpression, evaluate: (e: Expression) => Value | undefined, bound: (name: string) => Expression | undefined): { run: MmRun; loader?: CallExpression } {
  const follow = (e: Expression | undefined, depth = 0): Expression | undefined => (e?.type === "name" && depth < 4 ? follow(bound(e.id), depth + 1) ?? e : e);
  // A key's expression, through `dict(k=v)` calls and `{"k": v}` literals (and names bound to them); undefined where
  // the config is not written out, which the values then answer.
  const expressionAt = (keys: string[]): Expression | undefined => {
    let e = keywordArgument(call, keys[0]!);
    for (const key of keys.slice(1)) {
      const at = follow(e);
      if (at?.type === "call" && calleeName(at) === "dict") e = keywordArgument(at, key);
      else if (at?.type === "dict") e = at.items.find((i): i is { key: Expression; value: Expression } => "key" in i && i.key.type === "str" && i.key.value === key)?.value;
      else return undefined;
      if (!e) return undefined;
    }
    return e;
  };
  const at = (...keys: string[]): Value | undefined => {
    const e = expressionAt(keys);
    const given = keywordArgument(call, keys[0]!);
    const value = e ? evaluate(e) : given ? keys.slice(1).reduce<Value | undefined>((v, k) => dictEntry(v, k), evaluate(given)) : undefined;
    // `type=AmpOptimWrapper`: the class itself (a name the config registry would look up as text); without mmengine
    // installed it is unknown, and its name is what it is.
    if (keys[keys.length - 1] === "type" && value?.kind !== "str" && (e?.type === "name" || e?.type === "attribute")) return { kind: "str", value: e.type === "name" ? e.id : e.name };
    if (keys[keys.length - 1] === "type" && value?.kind === "class") return { kind: "str", value: value.name };
    return value;
  };
  const loader = follow(keywordArgument(call, "train_dataloader"));
  return { run: runFigures(at, `${calleeName(call)}(...)`), loader: loader?.type === "call" && calleeName(loader) === "dict" ? loader : undefined };
}

/** Whether a class is mmengine's own (its module under an `mmengine/` package folder), wherever its source lies. */
export function isMmengineClass(v: Value | undefined): boolean {
  return v?.kind === "class" && /(^|[\\/])mmengine[\\/]/.test(v.module?.file ?? v.location?.file ?? "");
}

function runFigures(at: (...keys: string[]) => Value | undefined, shown: string): MmRun {
  const run: MmRun = {};
  const loop = text(at("train_cfg", "type"));
  const byEpoch = at("train_cfg", "by_epoch");
  if (present(at("train_cfg")) && (loop !== undefined || byEpoch?.kind === "bool")) {
    // mmengine: the training loop's type, else by_epoch.
    const epochs = /EpochBased/.test(loop ?? "") || (loop === undefined && byEpoch?.kind === "bool" && byEpoch.value);
    if (epochs) {
      const value = positive(at("train_cfg", "max_epochs"));
      if (value !== undefined) run.epochs = { value, detail: `${shown}.train_cfg: ${loop ?? "by_epoch=True"}, max_epochs=${value} (mmengine)` };
    } else {
      const value = positive(at("train_cfg", "max_iters"));
      if (value !== undefined) run.steps = { value, detail: `${shown}.train_cfg: ${loop ?? "by_epoch=False"}, max_iters=${value} (mmengine)` };
    }
  } else {
    const runner = text(at("runner", "type"));
    if (runner !== undefined && /IterBased/.test(runner)) {
      const value = positive(at("runner", "max_iters"));
      if (value !== undefined) run.steps = { value, detail: `${shown}.runner: ${runner}, max_iters=${value} (mmcv)` };
    } else {
      const value = positive(at("runner", "max_epochs")) ?? positive(at("total_epochs"));
      if (value !== undefined) run.epochs = { value, detail: `${shown}.runner: ${runner ?? "EpochBasedRunner"}, max_epochs=${value} (mmcv)` };
    }
  }
  const batch = positive(at("train_dataloader", "batch_size"));
  const perGpu = batch === undefined ? positive(at("data", "samples_per_gpu")) ?? positive(at("data", "imgs_per_gpu")) : undefined;
  if (batch !== undefined) run.batch = { value: batch, detail: `${shown}.train_dataloader.batch_size=${batch} (mmengine, per GPU)` };
  else if (perGpu !== undefined) run.batch = { value: perGpu, detail: `${shown}.data.samples_per_gpu=${perGpu} (mmcv, per GPU)` };
  const wrapper = text(at("optim_wrapper", "type"));
  if (wrapper === "AmpOptimWrapper") {
    const dtype = text(at("optim_wrapper", "dtype"));
    run.precision = { value: dtype === "bfloat16" || dtype === "bf16" ? "bf16" : "fp16", detail: `${shown}.optim_wrapper: AmpOptimWrapper${dtype ? `, dtype='${dtype}'` : ""} (mmengine)` };
  } else if (present(at("fp16"))) run.precision = { value: "fp16", detail: `${shown}.fp16 is set: mmcv's Fp16OptimizerHook trains in mixed fp16` };
  return run;
}
