// A project laid out as `src/<package>/` beside a pyproject.toml, setup.cfg or setup.py (packaging.python.org, "src
// layout vs flat layout"): its own package imports once the project is installed (`pip install -e .`, `uv sync`), as
// its README has the user do before its notebooks and scripts run. So its src/ folder is on the import path, after the
// project's root, where the editable install puts it.
import type { ModuleFiles } from "./module-resolver";
import { joinPath } from "./paths";

const PROJECT_FILES = ["pyproject.toml", "setup.cfg", "setup.py"];

/** The src/ folder of a src-layout project rooted at `root`, or undefined when the root declares no project or has none. */
export function srcLayoutFolder(root: string, files: ModuleFiles): string | undefined {
  if (!PROJECT_FILES.some((f) => files.exists(joinPath(root, f)))) return undefined;
  const src = joinPath(root, "src");
  // A host that cannot tell folders gets the folder anyway: where there is none, nothing resolves in it.
  return (files.isDirectory?.(src) ?? true) ? src : undefined;
}
