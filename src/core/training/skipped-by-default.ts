// A training loop under an `if` whose test the script's defaults make false (`if bool(args.train):` with `--train`
// defaulting to False, `if args.mode == "train":` with another default): `python FILE` as written skips it. The
// figures stay those of a run that takes the branch (whoever opens a training script means to train), and a note
// names the test and says the plain run trains nothing, so no reader takes the figures for what the defaults do.
import type { Expression } from "../python/ast";

const PREFIX = "skipped by default: ";

/** Whether a run's note is this one (the CLI prints it after the run's line). */
export function isSkippedByDefaultNote(note: string): boolean {
  return note.startsWith(PREFIX);
}

/** The first test, of the `if`s a loop runs under, that the defaults decide against it; undefined when none does. */
export function gateAgainst(conditions: { test: Expression; holds: boolean }[], truth: (test: Expression) => boolean | undefined, isMainGuard: (test: Expression) => boolean): { test: Expression; holds: boolean } | undefined {
  return conditions.find((c) => !isMainGuard(c.test) && truth(c.test) === !c.holds);
}

/** The note for training loops the defaults skip: the test, the line of the first loop, and what the figures are. */
export function skippedByDefaultNote(test: string, holds: boolean, line: number): string {
  return `${PREFIX}the training loop at line ${line} runs only when ${test} is ${holds ? "true" : "false"}, and the script's defaults make it ${holds ? "false" : "true"}: \`python\` with no options trains nothing; the figures are of a run that takes that branch`;
}

/** The note for training loops (or Keras fits: `what`) in a function no call of the file reaches (uncalled-functions.ts). */
export function uncalledNote(fn: string, line: number, what = "training loop", subcommand = false): string {
  // A click group's subcommand (click-groups.ts) is reached by naming it on the command line, not by a call.
  if (subcommand) return `${PREFIX}the ${what} at line ${line} is in ${fn}, a subcommand of the file's click group: \`python\` with no command prints the group's help and trains nothing; the figures are of the \`${fn}\` command's run`;
  return `${PREFIX}the ${what} at line ${line} is in ${fn}, which no call in this file reaches: \`python\` with no options trains nothing; the figures are of a run that calls it`;
}
