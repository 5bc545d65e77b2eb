// Lightning's LightningCLI (lightning.ai/docs/pytorch/stable/cli/lightning_cli.html, 2.x; pytorch_lightning.cli in
// 1.8+): the script builds a Trainer from the command line and config files, over `trainer_defaults={...}` ("Set to
// override Trainer defaults", api/lightning.pytorch.cli.LightningCLI.html). With no config given, the run is those
// defaults over the Trainer's own. `cli.trainer.fit(...)` (with `run=False`) is that Trainer's fit, not Keras'.
import { keyOf, str } from "../interp/construct";
import type { Value } from "../interp/values";

const CLI_CALLEE = /(^|\.)LightningCLI$/;
const CLI_IMPORT = /^\s*from\s+(lightning\.pytorch|pytorch_lightning)(\.utilities)?\.cli\s+import\s+[^\n]*\bLightningCLI\b|^\s*import\s+(lightning|pytorch_lightning)\b/m;

/** Whether a call builds Lightning's LightningCLI (the file imports it from Lightning). */
export function isLightningCli(callee: string, text: string): boolean {
  return CLI_CALLEE.test(callee) && CLI_IMPORT.test(text);
}

/** What `trainer_defaults` sets of the run: each only where it is a known value. */
export interface CliTrainerDefaults {
  maxEpochs?: Value;
  maxSteps?: Value;
  precision?: Value;
  accumulateGradBatches?: Value;
}

/** The run's keys of a LightningCLI's `trainer_defaults` dict (nothing when it is not a known dict). */
export function cliTrainerDefaults(defaults: Value | undefined): CliTrainerDefaults {
  if (defaults?.kind !== "dict") return {};
  const get = (key: string) => defaults.entries.get(keyOf(str(key)))?.value;
  return { maxEpochs: get("max_epochs"), maxSteps: get("max_steps"), precision: get("precision"), accumulateGradBatches: get("accumulate_grad_batches") };
}

/** `cli.trainer.fit(...)`: a fit whose receiver is the trainer of a LightningCLI the file built (by its names). */
export function isCliTrainerFit(receiver: string, clis: Set<string>): boolean {
  const match = /^(\w+)\.trainer$/.exec(receiver);
  return !!match && clis.has(match[1]);
}
