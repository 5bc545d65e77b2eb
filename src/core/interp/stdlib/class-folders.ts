// `_greenlight_folders`, for the analyzer's torchvision stand-in (torchvision/datasets.ts): the classes and size of a
// DatasetFolder / ImageFolder whose root the workspace holds, one folder per class (class-folders.ts).
import { classFolderFiles, classFolders } from "../class-folders";
import { int, list, str, unknown } from "../construct";
import type { Value } from "../values";
import { fsPath, pathPlaces } from "./fspath";
import { fn, namespace, type StandardLibrary } from "./native";

/** Installs `_greenlight_folders.classes(root, extensions, reader)` and `.files(...)`: a class-per-folder dataset's
 *  class names and file count, or unknown with the reason. */
export function installClassFolders({ modules, interp, call, iterate }: StandardLibrary): void {
  const read = (args: Value[]) => {
    const root = args[0] ? fsPath(args[0], call) : undefined;
    const reader = args[2]?.kind === "str" ? args[2].value : "the dataset";
    if (root?.kind !== "str") return `${reader}'s folder is not one the code names`;
    // No extensions: the code's own is_valid_file decides which files count.
    if (args[1]?.kind === "none" || !args[1]) return `${reader}'s files under ${root.value} are the ones its is_valid_file accepts, which the analyzer does not run`;
    const extensions = args[1].kind === "str" ? [args[1].value] : iterate(args[1]).flatMap((e) => (e.kind === "str" ? [e.value] : []));
    const files = interp().loader.workspaceFiles?.();
    if (!files) return `${reader}'s files under ${root.value} are not listed here`;
    const found = classFolders(files, pathPlaces(interp(), root.value), extensions);
    return typeof found === "string" ? `${reader}'s size and classes are the files under ${root.value}: ${found}` : found;
  };
  modules.set("_greenlight_folders", namespace("_greenlight_folders", {
    classes: fn("_greenlight_folders.classes", ({ args }) => {
      const found = read(args);
      return typeof found === "string" ? unknown(found) : list(found.classes.map(str));
    }),
    files: fn("_greenlight_folders.files", ({ args }) => {
      const found = read(args);
      return typeof found === "string" ? unknown(found) : int(classFolderFiles(found));
    }),
  }));
}
