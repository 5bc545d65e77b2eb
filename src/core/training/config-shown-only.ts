// A script that only shows its config: `@hydra.main(config_path="conf", config_name="base") def main(cfg):
// print(OmegaConf.to_yaml(cfg))`, a check that the YAML files compose. Hydra hands the function the composed config,
// so the keys named as a run's figures (`train.num_train_steps: 100000`, `data.batch_size: 8`) are read as the plain
// run's; but where the file runs no loop and calls nothing but printing, logging and the builders of settings, running
// it trains nothing: those keys are the training scripts' that compose the same files, not this file's run.
import type { Statement } from "../python/ast";
import { attributeChain, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { SETTINGS_BUILDERS } from "./settings-module";

/** The figures this test reads (a TrainingPlan's; named here so this file imports nothing of the plan reader). */
interface ShownFigures {
  epochs?: { detail: string };
  steps?: { detail: string };
  batch?: { detail: string };
  accumulation?: { detail: string };
  samples?: unknown;
  precision?: { value: string };
  batchFromData?: unknown;
}

/** Calls that show or log what they are given (and set up the logger), and OmegaConf's renderings of a config: they
 *  run nothing. */
const SHOWING_CALLS = new Set(["print", "pprint", "getLogger", "basicConfig", "to_yaml", "to_container", "info", "debug", "warning", "log", "format", "dumps", "dump"]);

/** A figure read from a config file's key: Hydra's composed config, or a YAML/JSON file the code loads. */
const CONFIG_KEY_DETAIL = /\(the config @hydra\.main composes\)$|^[\w.]+: \S+ in the config .* reads$/;

/** Whether the plan is a config-showing script's: every figure a config file's key (no data, no precision but fp32),
 *  in a file that runs no loop and calls nothing but its own functions, Hydra's decorator, printing, logging and
 *  settings builders. */
export function configShownOnly(plan: ShownFigures, body: Statement[]): boolean {
  if (plan.samples !== undefined || plan.batchFromData !== undefined) return false;
  if (plan.precision && plan.precision.value !== "fp32") return false;
  const figures = [plan.epochs, plan.steps, plan.batch, plan.accumulation].filter((f): f is { detail: string } => f !== undefined);
  if (figures.length === 0 || !figures.every((f) => CONFIG_KEY_DETAIL.test(f.detail))) return false;
  const own = new Set<string>();
  forEachStatement(body, ({ statement }) => {
    if (statement.type === "function") own.add(statement.name);
  });
  let runs = false;
  forEachStatement(body, ({ statement }) => {
    if (runs) return;
    if (statement.type === "for" || statement.type === "while") {
      runs = true;
      return;
    }
    for (const e of ownExpressions(statement)) {
      forEachExpression(e, (x) => {
        if (x.type !== "call" || runs) return;
        const chain = attributeChain(x.func);
        const last = chain.split(".").pop() ?? "";
        if (!(SHOWING_CALLS.has(last) || SETTINGS_BUILDERS.has(last) || own.has(chain) || /(^|\.)hydra\.main$/.test(chain))) runs = true;
      });
    }
  });
  return !runs;
}

// A file that only reads its config files (a settings module loading `config.yaml` into typed models, a loader of
// experiment files) and names no training: the plan holds no figure of a run, only which config files were read or
// are missing. Reading a config trains nothing, so such a plan is no run.

/** Whether the plan holds nothing but the config files read or missing and the notes that say so: no figure, no
 *  tracker, no other note (a plan's other keys are what a file with no figure still says of a run). */
export function statesNoFigure(plan: object & { notes?: readonly string[] }): boolean {
  return Object.keys(plan).every((k) => k === "configFiles" || k === "notes") && (plan.notes ?? []).every((n) => /^config (read|missing): /.test(n));
}
