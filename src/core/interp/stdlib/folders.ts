// Python's listings of the workspace's folders: os.listdir, glob.glob / glob.iglob (folder-glob.ts), and
// `_greenlight_folders` for the analyzer's stand-ins: the classes and size of a torchvision DatasetFolder whose root the
// workspace holds, one folder per class (class-folders.ts, torchvision/datasets.ts), and pathlib's glob and iterdir.
import { classFolderFiles, classFolders } from "../class-folders";
import { bool, int, list, str, unknown } from "../construct";
import { globFolder, listFolder } from "../folder-glob";
import type { ModuleFiles } from "../module-resolver";
import type { Value } from "../values";
import { pathDirname } from "./os-path";
import { pathLikeValue, pathPlaces } from "./path-like";
import { fn, namespace, type StandardLibrary } from "./native";

/** Installs os.listdir, the glob module and `_greenlight_folders` (classes, files, listdir, glob): each a listing of
 *  the workspace's folders, or unknown with the reason. */
export function installFolderListings({ modules, interp, call, iterate }: StandardLibrary): void {
  // One listing of each folder an analysis asks about (a dataset walk asks once per image).
  const listings = new WeakMap<object, Map<string, Listing>>();
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
  // os.path's questions about a path the workspace lists answer from the listing: a dataset class that walks its
  // folders (`if os.path.isdir(folder)`) and keeps each image whose label file lies beside it (`if
  // os.path.exists(label)`) counts the pairs the checkout holds. A path the listing lacks keeps the answers the
  // analyzer gives without one (exists and isfile false: it reads no data; isdir unknown).
  const osPath = modules.get("os")?.scope.names.get("path");
  if (osPath?.kind === "namespace") {
    const kindOf = (v: Value | undefined) => {
      const asked = pathText(v);
      const files = interp().loader.workspaceFiles?.();
      return asked === undefined || !files ? undefined : listedKind(files, pathPlaces(interp(), asked), listings);
    };
    osPath.scope.names.set("exists", fn("os.path.exists", ({ args, kwargs }) => bool(kindOf(args[0] ?? kwargs.get("path")) !== undefined)));
    osPath.scope.names.set("isfile", fn("os.path.isfile", ({ args, kwargs }) => bool(kindOf(args[0] ?? kwargs.get("path")) === "file")));
    osPath.scope.names.set("isdir", fn("os.path.isdir", ({ args, kwargs }) => {
      const kind = kindOf(args[0] ?? kwargs.get("s") ?? kwargs.get("path"));
      return kind === undefined ? unknown("whether a folder the workspace does not list exists") : bool(kind === "folder");
    }));
  }
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

/** A folder's files and sub-folders, by name. */
interface Listing { files: Set<string>; folders: Set<string> }

/** Whether the workspace lists a path (at the first of its places whose folder it lists) as a file or a folder;
 *  undefined when it lists neither, or the host lists no folders. */
function listedKind(files: ModuleFiles, places: readonly string[], cache: WeakMap<object, Map<string, Listing>>): "file" | "folder" | undefined {
  if (!files.listFiles || !files.listFolders) return undefined;
  let byFolder = cache.get(files);
  if (!byFolder) cache.set(files, (byFolder = new Map()));
  for (const place of places) {
    const parent = pathDirname(place);
    let listing = byFolder.get(parent);
    if (!listing) byFolder.set(parent, (listing = { files: new Set(files.listFiles(parent).map(nameOf)), folders: new Set(files.listFolders(parent).map(nameOf)) }));
    const name = nameOf(place);
    if (listing.files.has(name)) return "file";
    if (listing.folders.has(name)) return "folder";
  }
  return undefined;
}

/** A path's last part. */
function nameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
