import { dirname, joinPath } from "./paths";
import type { ModuleFiles } from "./module-resolver";

/** How many folders above the script a project's root is looked for: a script sits a few folders down its project. */
const MAX_LEVELS_UP = 3;

/** An absolute import's dotted name at the start of a line (`from src.trainer.trainer import Trainer`, `import a.b`). */
const ABSOLUTE_IMPORT = /^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*))/gm;

/** True when the dotted parts reach a module file from a folder: `a/b/c.py`, `a/b/c/__init__.py`, or a folder `a/b`
 *  of .py files a `from a.b import c` takes a module or name from. */
function reachesModule(dir: string, parts: string[], files: ModuleFiles): boolean {
  const path = joinPath(dir, ...parts);
  if (files.exists(`${path}.py`) || files.exists(`${path}/__init__.py`)) return true;
  return (files.isDirectory?.(path) ?? true) && files.listPython(path).length > 0;
}

/**
 * The folder above a script that its own dotted imports are found from, where the analysis root is the script's own
 * folder (no project marker was found above it): `from src.training.fit import fit_model` in
 * `R/src/training/main.py` (run as `python -m src.training.main` from R) or `from src.trainer import Trainer` after
 * `sys.path.append(__file__.split("run_experiment")[0])` in `R/run_experiment/debug/__main__.py`. Python finds those
 * modules only with R on sys.path, so R is where the project's imports resolve from. Names of one part (`import utils`)
 * are not evidence enough; a name found beside the script is the script folder's.
 */
export function importRootAbove(file: string, root: string, text: string, files: ModuleFiles): string | undefined {
  const scriptDir = dirname(file);
  if (root !== scriptDir) return undefined;
  const parent = parentOnSysPath(file, text, files);
  if (parent) return parent;
  if (!/\b(?:from|import)[ \t]+[A-Za-z_]\w*\./.test(text)) return undefined;
  let best: string | undefined;
  for (const match of text.matchAll(ABSOLUTE_IMPORT)) {
    const parts = (match[1] ?? match[2]!).split(".");
    if (parts.length < 2 || reachesModule(scriptDir, parts.slice(0, 1), files)) continue;
    let dir = scriptDir;
    for (let level = 1; level <= MAX_LEVELS_UP; level++) {
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
      if (reachesModule(dir, parts, files)) {
        if (!best || dir.length < best.length) best = dir;
        break;
      }
    }
  }
  return best;
}

/** A folder above the script put on sys.path by a relative path of `..` parts (`sys.path.append('..')`, a notebook's
 *  `sys.path.append(os.path.abspath(os.path.join('..')))`, `sys.path.insert(0, os.path.join(os.path.dirname(__file__),
 *  '../..'))`): from the script's folder, where a notebook or `python FILE` run from beside it starts. */
const PARENT_ON_PATH = /\bsys\.path\.(?:append|insert)\s*\([^\n]*?['"]((?:\.\.\/?)+)['"]/g;

/**
 * The folder such an edit puts on sys.path, where a name the script imports (one part is enough: `from src import
 * GCN`) is found there and not beside the script: Python imports it from there, so the project's imports resolve
 * from that folder.
 */
function parentOnSysPath(file: string, text: string, files: ModuleFiles): string | undefined {
  const scriptDir = dirname(file);
  for (const edit of text.matchAll(PARENT_ON_PATH)) {
    const levels = edit[1].split("..").length - 1;
    if (levels > MAX_LEVELS_UP) continue;
    let dir = scriptDir;
    for (let i = 0; i < levels; i++) dir = dirname(dir);
    if (dir === scriptDir) continue;
    for (const match of text.matchAll(ABSOLUTE_IMPORT)) {
      const parts = (match[1] ?? match[2]!).split(".");
      if (!reachesModule(scriptDir, parts.slice(0, 1), files) && reachesModule(dir, parts, files)) return dir;
    }
  }
  return undefined;
}
