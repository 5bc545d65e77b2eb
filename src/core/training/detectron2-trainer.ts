// detectron2's DefaultTrainer owns the loop (detectron2 0.6, engine/defaults.py and the "Training" tutorial):
// `trainer = DefaultTrainer(cfg); trainer.resume_or_load(resume=False); trainer.train()` runs cfg.SOLVER.MAX_ITER
// iterations, each one optimizer step on a batch of cfg.SOLVER.IMS_PER_BATCH images, under fp16 autocast when
// cfg.SOLVER.AMP.ENABLED (AMPTrainer, precision torch.float16 by default). The trainer reads the config as it stands
// when built: the last `cfg.SOLVER.MAX_ITER = ...` written before, else what a model-zoo file merged by name sets
// (MODEL_ZOO.md: the "1x" schedule is 90k iterations and "3x" 270k, at 16 images a batch), else, for a config
// `get_cfg()` built there and nothing merged, detectron2's defaults (config/defaults.py).
import type { Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { calleeName, callsIn, dottedName, forEachStatement, namesIn, positionalArgument, keywordArgument, type CallExpression } from "../python/syntax-walk";

/** detectron2 0.6 config/defaults.py: `_C.SOLVER.MAX_ITER = 40000`, `_C.SOLVER.IMS_PER_BATCH = 16`. */
const DEFAULT_MAX_ITER = 40000;
const DEFAULT_IMS_PER_BATCH = 16;
/** MODEL_ZOO.md ("Common settings for COCO models"): 1x = 90k iterations, 3x = 270k, every zoo YAML at batch 16. */
const ZOO_SCHEDULES: readonly [RegExp, number][] = [
  [/_1x\.yaml$/, 90000],
  [/_3x\.yaml$/, 270000],
];
const ZOO_IMS_PER_BATCH = 16;

/** Whether the file imports detectron2. */
export function importsDetectron2(text: string): boolean {
  return /^\s*(?:from|import)\s+detectron2\b/m.test(text);
}

/** A figure of the run and where it comes from; `defaulted` for the library's default. */
export interface Detectron2Figure<T> {
  value: T;
  detail: string;
  defaulted?: boolean;
}

/** What a DefaultTrainer's train() runs: its iterations (optimizer steps), images a batch, and fp16 where AMP is on. */
export interface Detectron2Run {
  steps?: Detectron2Figure<number>;
  batch?: Detectron2Figure<number>;
  precision?: Detectron2Figure<"fp16">;
}

/** Whether `call` builds DefaultTrainer or a class of the file that derives from it (`class Trainer(DefaultTrainer)`). */
export function buildsDefaultTrainer(call: CallExpression, body: Statement[]): boolean {
  const name = calleeName(call);
  if (name === undefined) return false;
  if (name === "DefaultTrainer") return true;
  const derived = new Set<string>(["DefaultTrainer"]);
  // Classes in turn: one deriving from a derived class of the file derives too.
  let grew = true;
  while (grew) {
    grew = false;
    forEachStatement(body, ({ statement: s }) => {
      if (s.type !== "class" || derived.has(s.name)) return;
      if (s.bases.some((b) => b.kind === "positional" && derived.has((dottedName(b.value) ?? "").split(".").pop() ?? ""))) {
        derived.add(s.name);
        grew = true;
      }
    });
  }
  return derived.has(name);
}

/** The block a statement position sits in: the function's body, else the module's. */
type Block = { body: Statement[]; fn?: FunctionDefinition };

/** Whether a statement runs whenever its block does: under no `if`, loop, `try` or definition, but a `with` or a
 *  `__name__ == "__main__"` guard. */
function unconditional(ancestors: Statement[]): boolean {
  return ancestors.every((a) => a.type === "with" || (a.type === "if" && namesIn([a.test], new Set()).has("__name__")));
}

/**
 * The run of `trainer.train()` where `build` is the trainer's construction `DefaultTrainer(cfg)` in `block`: the
 * config's SOLVER keys written before the build (unconditionally, the last write winning), else a zoo file merged by
 * name, else the defaults of a config `get_cfg()` built in the same block.
 */
export function detectron2Run(build: CallExpression, block: Block, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): Detectron2Run {
  const cfgArg = positionalArgument(build, 0) ?? keywordArgument(build, "cfg");
  if (cfgArg?.type !== "name") return {};
  const cfg = cfgArg.id;
  const writes = new Map<string, Expression>();
  let merged: string | null | undefined;
  let builtHere = false;
  forEachStatement(block.body, ({ statement, ancestors }) => {
    if (statement.pos.startIndex >= build.pos.startIndex || statement.type === "function" || statement.type === "class") return;
    if (!unconditional(ancestors)) return;
    if (statement.type === "assign") {
      for (const t of statement.targets) {
        const key = dottedName(t);
        if (key?.startsWith(`${cfg}.`)) writes.set(key.slice(cfg.length + 1), statement.value);
        if (t.type === "name" && t.id === cfg) {
          // A config bound afresh: what was written before is another object's.
          writes.clear();
          merged = undefined;
          builtHere = statement.value.type === "call" && calleeName(statement.value) === "get_cfg";
        }
      }
    }
    for (const call of callsIn(statement, false)) {
      if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id !== cfg || call.func.name !== "merge_from_file") continue;
      const file = positionalArgument(call, 0);
      const named = file?.type === "call" && calleeName(file) === "get_config_file" ? positionalArgument(file, 0) : file;
      // Keys written before a merge may be overwritten by the file: the file's say is read after them.
      for (const k of [...writes.keys()]) if (k.startsWith("SOLVER.")) writes.delete(k);
      merged = named?.type === "str" && named.value !== null && file?.type === "call" ? named.value : null;
    }
  });
  const run: Detectron2Run = {};
  const positive = (e: Expression) => {
    const v = evaluate(e);
    return v?.kind === "int" && v.value > 0 ? v.value : undefined;
  };
  const fromWrite = (key: string): Detectron2Figure<number> | null | undefined => {
    const e = writes.get(key);
    if (!e) return undefined;
    const value = positive(e);
    return value === undefined ? null : { value, detail: `${cfg}.${key} = ${snippet(e)} (detectron2's DefaultTrainer)` };
  };
  const zoo = typeof merged === "string" ? ZOO_SCHEDULES.find(([pattern]) => pattern.test(merged as string))?.[1] : undefined;
  const fallback = (value: number | undefined, zooValue: number | undefined, key: string): Detectron2Figure<number> | undefined => {
    if (typeof merged === "string") return zooValue !== undefined && zoo !== undefined ? { value: zooValue, detail: `${key} ${zooValue} of the model zoo's ${merged} (detectron2 MODEL_ZOO.md schedules)` } : undefined;
    if (merged === null || !builtHere || value === undefined) return undefined;
    return { value, detail: `${key} ${value}: detectron2's default (config/defaults.py), the config get_cfg() built sets no other`, defaulted: true };
  };
  const steps = fromWrite("SOLVER.MAX_ITER");
  const batch = fromWrite("SOLVER.IMS_PER_BATCH");
  const stepsFigure = steps === undefined ? fallback(DEFAULT_MAX_ITER, zoo, "SOLVER.MAX_ITER") : steps ?? undefined;
  const batchFigure = batch === undefined ? fallback(DEFAULT_IMS_PER_BATCH, ZOO_IMS_PER_BATCH, "SOLVER.IMS_PER_BATCH") : batch ?? undefined;
  if (stepsFigure) run.steps = stepsFigure;
  if (batchFigure) run.batch = batchFigure;
  const amp = writes.get("SOLVER.AMP.ENABLED");
  const on = amp ? evaluate(amp) : undefined;
  if (amp && on?.kind === "bool" && on.value) run.precision = { value: "fp16", detail: `${cfg}.SOLVER.AMP.ENABLED = ${snippet(amp)}: detectron2's AMPTrainer trains under fp16 autocast` };
  return run;
}
