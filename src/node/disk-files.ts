import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { WorkspaceFiles } from "../core/analyze";
import { isTableFile, MAX_TABLE_BYTES } from "../core/table-files";

/** Files larger than this are not read as source (generated or binary blobs). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/**
 * A notebook file may be larger: its outputs (plots, images, logs) are most of it. The source limit then applies to
 * the program its code cells make.
 */
export const MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024;

/** The size limit of a file read: a notebook's (by its .ipynb extension), a data table's (.csv, .tsv: counted by its
 *  records, core/table-files.ts) or a source file's. */
export function maxFileBytes(path: string): number {
  return path.toLowerCase().endsWith(".ipynb") ? MAX_NOTEBOOK_BYTES : isTableFile(path) ? MAX_TABLE_BYTES : MAX_SOURCE_BYTES;
}

/** WorkspaceFiles over the local disk, for the CLI and tests. */
export function diskFiles(): WorkspaceFiles {
  return {
    read(path) {
      try {
        if (statSync(path).size > maxFileBytes(path)) return undefined;
        return readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
    },
    exists(path) {
      return existsSync(path);
    },
    isDirectory(path) {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
    listFiles(dir) {
      try {
        return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(dir, e.name));
      } catch {
        return [];
      }
    },
    listFolders(dir) {
      try {
        return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
      } catch {
        return [];
      }
    },
    listPython(dir) {
      try {
        return readdirSync(dir).filter((n) => n.endsWith(".py")).map((n) => join(dir, n));
      } catch {
        return [];
      }
    },
  };
}

// .ipynb_checkpoints holds Jupyter's autosaved copies of the notebooks beside it.
const SKIPPED_FOLDERS = new Set([".git", "node_modules", "__pycache__", ".venv", "venv", "env", ".tox", ".mypy_cache", "site-packages", ".corpus", ".ipynb_checkpoints"]);

/** Every .py file (and with `notebooks`, every .ipynb) under a folder, skipping virtual environments and VCS folders, sorted. */
export function findPythonFiles(dir: string, options: { notebooks?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (SKIPPED_FOLDERS.has(e.name) || existsSync(join(d, e.name, "pyvenv.cfg"))) continue;
        walk(join(d, e.name));
      } else if (e.isFile() && (e.name.endsWith(".py") || (options.notebooks && e.name.toLowerCase().endsWith(".ipynb")))) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out.sort();
}

/** The folder imports resolve from: the nearest one up with .git, pyproject.toml or setup.py, else the file's own. */
export function findImportRoot(fileDir: string): string {
  return findMarkedRoot(fileDir) ?? fileDir;
}

/** The nearest folder up with .git, pyproject.toml or setup.py; undefined where none is. */
export function findMarkedRoot(fileDir: string): string | undefined {
  let dir = fileDir;
  for (;;) {
    if (["/.git", "/pyproject.toml", "/setup.py"].some((m) => existsSync(dir + m))) return dir;
    const parent = join(dir, "..");
    if (parent === dir) return undefined;
    dir = parent;
  }
}
