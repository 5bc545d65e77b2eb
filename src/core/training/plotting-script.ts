// A plotting script: a file that draws curves from figures written into it (a list of experiments, each a dict of its
// learning rate, batch size, epochs and losses) and imports nothing but plotting and table libraries and the standard
// library. Without a tensor library it builds no network and steps no optimizer, so the epochs and batch it states
// are a past run's, read off a log, and no run of its own. A file that imports numpy keeps its plan (a network
// written in numpy trains: numpy-run.ts), and so does one that imports a module of its own project (which may train).
import { commentFreeText } from "../python/comment-free-text";
import { epochsOrBatchOnly, type PlanFigures } from "./inference-only";

/** Modules that draw and tabulate but hold no tensors to train. */
const PLOTTING_MODULES = new Set(["matplotlib", "seaborn", "plotly", "pandas"]);

/** The standard library modules such a script reads its logs with. */
const LOG_MODULES = new Set(["json", "csv", "os", "sys", "glob", "pathlib", "re", "math", "collections", "argparse", "pickle", "itertools"]);

/** One import statement's module names: `import a.b as c, d` gives a.b and d; `from a.b import c` gives a.b. */
const IMPORT_STATEMENT = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([^\n#]+))/gm;

/** The top-level modules a file imports (a relative import gives "", which no list holds). */
function importedTopModules(text: string): string[] {
  const modules: string[] = [];
  for (const m of commentFreeText(text).matchAll(IMPORT_STATEMENT)) {
    const names = m[1] !== undefined ? [m[1]] : m[2].split(",").map((part) => part.trim().split(/[ \t]+/)[0]);
    for (const name of names) modules.push(name.split(".")[0]);
  }
  return modules;
}

/** Whether a plan of epochs or a batch alone is a plotting script's: it imports a plotting or table library, and
 *  every import is of one or of the standard library's modules such a script uses (a file importing argparse alone
 *  may be a training script's options, read with the project's modules). */
export function plottingScriptOnly(plan: PlanFigures, text: string): boolean {
  if (!epochsOrBatchOnly(plan)) return false;
  const modules = importedTopModules(text);
  return modules.some((m) => PLOTTING_MODULES.has(m)) && modules.every((m) => PLOTTING_MODULES.has(m) || LOG_MODULES.has(m));
}
