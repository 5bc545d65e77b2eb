// A choice the script leaves to its user: `if args.dataset == "mnist":` where `--dataset` is an argparse argument
// required with no default (argparse docs, `required`). The plain run (`python train.py`) exits asking for it, so
// what sits under such a test is not known to be the run's, whichever branch the analyzer might otherwise take.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import type { CodeSite } from "./code-sites";

/** Whether an enclosing test of the site reads a value the user must give on the command line. */
export function chosenByUser(site: CodeSite, evaluate: (e: Expression) => Value | undefined): boolean {
  return (site.context.conditions ?? []).some(({ test }) => {
    const value = evaluate(test);
    return value?.kind === "unknown" && value.required === true;
  });
}
