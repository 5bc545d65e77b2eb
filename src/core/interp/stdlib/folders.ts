// Python's listings of the workspace's folders: os.listdir, glob.glob / glob.iglob (folder-glob.ts), and
// `_greenlight_folders` for the analyzer's stand-ins: the classes and size of a torchvision DatasetFolder whose root the
// workspace holds, one folder per class (class-folders.ts, torchvision/datasets.ts), and pathlib's glob and iterdir.
import { classFolderFiles, classFolders } from "../class-folders";
import { bool, int, list, str, unknown } from "../construct";
import { globFolder, listFolder } from "../folder-glob";
import type { Value } from "../values";
import { pathLikeValue, pathPlaces } from "./path-like";
import { fn, namespace, type StandardLibrary } from "./native";

/** Installs os.listdir, the glob module and `_greenlight_folders` (classes, files, listdir, glob): each a listing of
 *  the workspace's folders, or unknown with the reason. */
export function installFolderListings({ modules, interp, call, iterate }: StandardLibrary): void {
  const pathText = (v: Value | undefined) => {
    const p = v ? pathLikeValue(v, call) : undefined;
    return p?.kind === "str" ? p.value : undefined;
  };
  const listdir = fn("os.listdir", ({ args, kwargs }) => {
    const path = pathText(args[0] ?? kwargs.get("path") ?? str("."));
    const files = interp().loader.workspaceFiles?.();
    if (path === undefined || !files) return unknown("the names in a folder the code does not name");
    const names = listFolder(files, pathPlaces(interp(), path));
    return typeof names === "string" ? unknown(`os.listdir(${JSON.stringify(path)}): ${names}`) : list(names.map(str));
  });
  const glob = fn("glob.glob", ({ args, kwargs }) => {
    const pattern = pathText(args[0] ?? kwargs.get("pathname"));
    const recursive = kwargs.get("recursive") ?? bool(false);
    const files = interp().loader.workspaceFiles?.();
    if (pattern === undefined || !files) return unknown("the files matching a pattern the code does not name");
    const hidden = kwargs.get("include_hidden");
    const found = globFolder(files, pattern, (prefix) => pathPlaces(interp(), prefix), recursive.kind === "bool" && recursive.value, hidden?.kind === "bool" && hidden.value);
    return typeof found === "string" ? unknown(`glob(${JSON.stringify(pattern)}): ${found}`) : list(found.map(str));
  });
  modules.get("os")?.scope.names.set("listdir", listdir);
  modules.set("glob", namespace("glob", { glob, iglob: glob }));
  // A class-per-folder dataset's folders, or why they are not known (what the user reads in the gap).
  const read = (args: Value[]) => {
    const root = args[0] ? pathLikeValue(args[0], call) : undefined;
    const reader = args[2]?.kind === "str" ? args[2].value : "the dataset";
    if (root?.kind !== "str") return { reader, root: "its root", why: "a folder the code does not name" };
    // No extensions: the code's own is_valid_file decides which files count.
    if (args[1]?.kind === "none" || !args[1]) return { reader, root: root.value, why: "the files its is_valid_file accepts, which the analyzer does not run" };
    const extensions = args[1].kind === "str" ? [args[1].value] : iterate(args[1]).flatMap((e) => (e.kind === "str" ? [e.value] : []));
    const files = interp().loader.workspaceFiles?.();
    const found = files ? classFolders(files, pathPlaces(interp(), root.value), extensions) : "the editor here lists no folders";
    return typeof found === "string" ? { reader, root: root.value, why: found } : found;
  };
  modules.set("_greenlight_folders", namespace("_greenlight_folders", {
    listdir,
    glob,
    classes: fn("_greenlight_folders.classes", ({ args }) => {
      const found = read(args);
      if ("classes" in found) return list(found.classes.map(str));
      return unknown(`${found.reader}'s classes are the sub-folders of ${found.root} on disk (${found.why}): set the model's class count with '# greenlight: entry=...'`);
    }),
    files: fn("_greenlight_folders.files", ({ args }) => {
      const found = read(args);
      if ("classes" in found) return int(classFolderFiles(found));
      return unknown(`${found.reader}'s size is the number of files under ${found.root} (${found.why})`);
    }),
  }));
}
