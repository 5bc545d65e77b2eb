// runpy.run_path (docs.python.org/3/library/runpy.html#runpy.run_path): runs a Python file by its path and returns
// its globals. Configuration systems whose config files are Python code load them this way or its equivalent
// (ml_collections' config_flags.DEFINE_config_file, mmcv's and mmengine's Config.fromfile); their stand-ins call it.
// Only a workspace file whose path is known is run, as the plain run would; its code is interpreted like any module.
import { namespaceDict, str, unknown } from "../construct";
import { MissingFileError } from "../missing-file";
import type { Value } from "../values";
import { pathLikeValue, pathPlaces } from "./path-like";
import { fn, namespace, type StandardLibrary } from "./native";

/** Installs `runpy.run_path`. */
export function installRunpy({ modules, interp, call }: StandardLibrary): void {
  const runPath = fn("runpy.run_path", ({ args, kwargs }) => {
    const given = args[0] ?? kwargs.get("path_name");
    const path = given ? pathLikeValue(given, call) : undefined;
    if (path?.kind === "unknown") {
      // A file the user must name: its settings are the user's, and the training plan says which argument decides.
      if (path.required) interp().undecidedFile ??= path;
      return path;
    }
    if (path?.kind !== "str") return unknown("a Python file whose path the analyzer cannot read");
    if (path.value === "") {
      const none = { ...unknown("no file: its path is empty (an option's default of '' that the command line is to replace)"), required: true };
      interp().undecidedFile ??= none;
      return none;
    }
    const runName = args[2] ?? kwargs.get("run_name");
    const name = runName?.kind === "str" ? runName.value : "<run_path>";
    const loader = interp().loader;
    const places = pathPlaces(interp(), path.value);
    for (const place of places) {
      const module = loader.runFile?.(place, name);
      if (!module) continue;
      loader.noteFileRead?.(place, true);
      return namespaceDict(module);
    }
    if (places[0] !== undefined) loader.noteFileRead?.(places[0], false);
    // Python raises here; a script that catches it goes on without the file, and so must the analysis.
    if (interp().catchingMissingFile) throw new MissingFileError(path.value);
    return unknown(`the file ${path.value} is not in the workspace`);
  });
  modules.set("runpy", namespace("runpy", { run_path: runPath, __name__: str("runpy") }));
}
