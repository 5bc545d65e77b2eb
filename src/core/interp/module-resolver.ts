import { joinPath } from "./paths";

/** The files one import root holds, read the way its host can: the disk on Node, the editor's mirror on the web, memory for built-ins. */
export interface ModuleFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
  /** The .py files directly inside a folder. */
  listPython(dir: string): string[];
  /** True when the path is a folder (a namespace package needs no .py file of its own); listPython stands in when absent. */
  isDirectory?(path: string): boolean;
  /** Every file directly inside a folder (paths), for launch scripts beside a training script; absent where the host
   *  mirrors only Python files. */
  listFiles?(dir: string): string[];
  /** The folders directly inside a folder (paths), for a dataset kept one folder per class; absent where the host
   *  mirrors only Python files. */
  listFolders?(dir: string): string[];
}

/** Where an import root comes from, in the order Python's sys.path puts them (libraries the analyzer models before the
 *  environment, built-in Python packages last; a torch.hub repository goes first once loaded). */
/** The first line of a built-in stand-in for a library seldom installed (apex, accelerate): the stand-in answers the
 *  imports a script makes unguarded, while a `try` around an import and importlib's checks find the library absent. */
export const OPTIONAL_STAND_IN_LINE = "__greenlight_optional__ = True";

export type ImportRootKind = "hub" | "script" | "workspace" | "modelled" | "environment" | "builtin";

/** One entry of the import path: a folder and the files that serve it. */
export interface ImportRoot {
  kind: ImportRootKind;
  path: string;
  files: ModuleFiles;
}

/** A module found on the import path: the file that runs (absent for a namespace package) and, for packages, its __path__. */
export interface ResolvedModule {
  /** Dotted name ("timm.models.resnet"). */
  name: string;
  /** module.py or package/__init__.py. */
  file?: string;
  /** Folders its submodules are searched in: one for a regular package, every portion for a namespace package, none for a plain module. */
  searchPaths: string[];
  root: ImportRoot;
}

/**
 * The one module-resolution chain: every import the analyzer follows (workspace files, the user's environment, our
 * built-in Python packages) is looked up here, the way CPython's PathFinder does (docs.python.org/3/reference/import.html):
 * a regular package or module on an earlier root wins at once; namespace-package portions (folders without
 * __init__.py) are gathered across all roots and used only when no regular one is found. Native modules (torch,
 * the standard library) come before this chain and are the analyzer's own.
 */
export class ModuleResolver {
  constructor(
    private readonly rootList: ImportRoot[],
    /** Texts of open documents, which win over the disk. */
    private readonly overrides: Map<string, string> = new Map(),
  ) {}

  /** The import path, in order. */
  get roots(): readonly ImportRoot[] {
    return this.rootList;
  }

  /** Puts a root first on the path (torch.hub inserts a repository's folder at sys.path[0]). */
  prepend(root: ImportRoot): void {
    if (!this.rootList.some((r) => r.path === root.path)) this.rootList.unshift(root);
  }

  /** The text of a file on any root (open documents first). */
  read(path: string): string | undefined {
    const open = this.overrides.get(path);
    if (open !== undefined) return open;
    return this.rootOf(path)?.files.read(path);
  }

  /** The root a path lies under (the longest matching folder), if any. */
  rootOf(path: string): ImportRoot | undefined {
    let best: ImportRoot | undefined;
    for (const root of this.roots) {
      if ((path === root.path || path.startsWith(root.path.endsWith("/") ? root.path : `${root.path}/`)) && (!best || root.path.length > best.path.length)) best = root;
    }
    return best;
  }

  /** True when the file exists on the root that holds it. */
  exists(path: string): boolean {
    if (this.overrides.has(path)) return true;
    return this.rootOf(path)?.files.exists(path) ?? false;
  }

  /** A top-level module or package (`name` has no dots), searched along the roots in order. */
  findTopLevel(name: string, roots: readonly ImportRoot[] = this.roots): ResolvedModule | undefined {
    return this.findIn(roots.map((root) => ({ dir: root.path, root })), name, name);
  }

  /** A submodule of a package found earlier (its search paths), named `dotted` in full. */
  findSubmodule(parent: ResolvedModule | { searchPaths: string[] }, part: string, dotted: string): ResolvedModule | undefined {
    const places = parent.searchPaths.map((dir) => ({ dir, root: this.rootOf(dir) })).filter((p): p is { dir: string; root: ImportRoot } => !!p.root);
    return this.findIn(places, part, dotted);
  }

  /** A module in a folder (relative imports), without walking the roots. */
  findInFolder(dir: string, part: string, dotted: string): ResolvedModule | undefined {
    const root = this.rootOf(dir);
    return root ? this.findIn([{ dir, root }], part, dotted) : undefined;
  }

  private findIn(places: { dir: string; root: ImportRoot }[], part: string, dotted: string): ResolvedModule | undefined {
    const portions: { dir: string; root: ImportRoot }[] = [];
    for (const { dir, root } of places) {
      const packageDir = joinPath(dir, part);
      const init = joinPath(packageDir, "__init__.py");
      if (this.overrides.has(init) || root.files.exists(init)) return { name: dotted, file: init, searchPaths: [packageDir], root };
      const file = joinPath(dir, `${part}.py`);
      if (this.overrides.has(file) || root.files.exists(file)) return { name: dotted, file, searchPaths: [], root };
      if (isFolder(root.files, packageDir)) portions.push({ dir: packageDir, root });
    }
    if (portions.length === 0) return undefined;
    return { name: dotted, searchPaths: portions.map((p) => p.dir), root: portions[0].root };
  }
}

function isFolder(files: ModuleFiles, dir: string): boolean {
  return files.isDirectory ? files.isDirectory(dir) : files.listPython(dir).length > 0;
}

/** Files held in memory (our built-in Python packages), keyed by absolute path. */
export function memoryModuleFiles(texts: Map<string, string>): ModuleFiles {
  let folders: Set<string> | undefined;
  const folderSet = () => {
    if (folders) return folders;
    folders = new Set();
    for (const path of texts.keys()) for (let i = path.indexOf("/", 1); i > 0; i = path.indexOf("/", i + 1)) folders.add(path.slice(0, i));
    return folders;
  };
  return {
    read: (path) => texts.get(path),
    exists: (path) => texts.has(path),
    listPython: (dir) => [...texts.keys()].filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes("/") && p.endsWith(".py")),
    isDirectory: (path) => folderSet().has(path),
  };
}
