// A script that only shows its config: `@hydra.main(config_path="conf", config_name="base") def main(cfg):
// print(OmegaConf.to_yaml(cfg))`, a check that the YAML files compose. Hydra hands the function the composed config,
// so the keys named as a run's figures (`train.num_train_steps: 100000`, `data.batch_size: 8`) are read as the plain
// run's; but where the file runs no loop and calls nothing but printing, logging and the builders of settings, running
// it trains nothing: those keys are the training scripts' that compose the same files, not this file's run.
import type { Statement } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";
import { figuresOnly, runsNothing, SETTINGS_BUILDERS, type SettingsFigures } from "./settings-module";

/** Calls that show or log what they are given (and set up the logger), and OmegaConf's renderings of a config: they
 *  run nothing. */
const SHOWING_CALLS = new Set(["print", "pprint", "getLogger", "basicConfig", "to_yaml", "to_container", "info", "debug", "warning", "log", "format", "dumps", "dump"]);

/** A figure read from a config file's key: Hydra's composed config, or a YAML/JSON file the code loads. */
const CONFIG_KEY_DETAIL = /\(the config @hydra\.main composes\)$|^[\w.]+: \S+ in the config .* reads$/;

/** Whether the plan is a config-showing script's: every figure a config file's key (no data, no precision but fp32),
 *  in a file that runs no loop and calls nothing but its own functions, Hydra's decorator, printing, logging and
 *  settings builders. */
export function configShownOnly(plan: SettingsFigures, body: Statement[]): boolean {
  if (!figuresOnly(plan, CONFIG_KEY_DETAIL)) return false;
  const own = new Set<string>();
  forEachStatement(body, ({ statement }) => {
    if (statement.type === "function") own.add(statement.name);
  });
  return runsNothing(body, (chain, last) => SHOWING_CALLS.has(last) || SETTINGS_BUILDERS.has(last) || own.has(chain) || /(^|\.)hydra\.main$/.test(chain));
}

// A file that only reads its config files (a settings module loading `config.yaml` into typed models, a loader of
// experiment files) and names no training: the plan holds no figure of a run, only which config files were read or
// are missing. Reading a config trains nothing, so such a plan is no run.

/** Whether the plan holds nothing but the config files read or missing and the notes that say so: no figure, no
 *  tracker, no other note (a plan's other keys are what a file with no figure still says of a run). */
export function statesNoFigure(plan: object & { notes?: readonly string[] }): boolean {
  return Object.keys(plan).every((k) => k === "configFiles" || k === "notes") && (plan.notes ?? []).every((n) => /^config (read|missing): /.test(n));
}
