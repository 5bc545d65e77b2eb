import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, parse, relative, resolve } from "node:path";
import { diskFiles } from "./disk-files";
import { huggingFaceCaches } from "./huggingface-cache";
import { findEnclosingEnvironment, findWorkspaceEnvironment, readEnvironment, type EnvironmentReader, type PythonEnvironment } from "../core/environment/python-environment";

/** Small files only: pyvenv.cfg and .pth files are a few lines. */
const MAX_CONFIG_BYTES = 256 * 1024;

/** EnvironmentReader over the local disk. */
export function diskEnvironmentReader(): EnvironmentReader {
  return {
    read(path) {
      try {
        if (statSync(path).size > MAX_CONFIG_BYTES) return undefined;
        return readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
    },
    exists: (path) => existsSync(path),
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

/** Where the CLI looks for the user's environment, in order. */
export interface EnvironmentSearch {
  /** --python-env DIR. */
  option?: string;
  /** VIRTUAL_ENV (and CONDA_PREFIX) from the process environment. */
  variables: Record<string, string | undefined>;
  /** The workspace root (--root, or the import root found from the file). */
  root: string;
  /** The analyzed file's folder: environments between it and the root are found too. */
  fileDir: string;
  /** Where the command runs: its `.venv`/`venv`, or a parent's, as uv and Poetry find a project's (absent: not searched). */
  cwd?: string;
}

/** The environment was named (--python-env) but holds none: the CLI reports it rather than guessing another. */
export class EnvironmentNotFound extends Error {}

/**
 * The environment the CLI analyzes against: `--python-env DIR`, then `VIRTUAL_ENV` (an activated venv), then
 * `CONDA_PREFIX` (an activated conda environment), then `.venv`/`venv`/`.conda`/`env` from the file's folder up to
 * the root, then the environment the file itself lies in, then one in the working directory or a parent of it
 * (a project with no .git or pyproject.toml, run from its folder). Found by reading files only; nothing runs.
 */
export function findPythonEnvironment(search: EnvironmentSearch, reader = diskEnvironmentReader()): PythonEnvironment | undefined {
  const label = (prefix: string) => {
    const rel = relative(search.root, prefix);
    return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : prefix;
  };
  if (search.option !== undefined) {
    const prefix = resolve(search.option);
    const env = readEnvironment(reader, prefix, "--python-env", label(prefix));
    if (!env) throw new EnvironmentNotFound(`--python-env ${search.option}: no Python environment there (neither pyvenv.cfg nor conda-meta/)`);
    return env;
  }
  for (const [variable, value] of [["VIRTUAL_ENV", search.variables.VIRTUAL_ENV], ["CONDA_PREFIX", search.variables.CONDA_PREFIX]] as const) {
    if (!value) continue;
    const prefix = resolve(value);
    const env = readEnvironment(reader, prefix, variable, label(prefix));
    if (env) return env;
  }
  return (
    findWorkspaceEnvironment(reader, search.fileDir, search.root) ??
    findEnclosingEnvironment(reader, search.fileDir) ??
    (search.cwd === undefined ? undefined : findWorkspaceEnvironment(reader, resolve(search.cwd), parse(resolve(search.cwd)).root))
  );
}

/** torch.hub's cache folder as torch/hub.py computes it: $TORCH_HOME/hub, else $XDG_CACHE_HOME/torch/hub, else ~/.cache/torch/hub. */
export function torchHubDirs(variables: Record<string, string | undefined>): string[] {
  const torchHome = variables.TORCH_HOME || join(variables.XDG_CACHE_HOME || join(homedir(), ".cache"), "torch");
  return [join(torchHome, "hub")];
}

/** What a Node host reads a user's environment with: the disk (never run), its variables, and the torch.hub and
 *  Hugging Face caches they name. The CLI and the desktop editor both take theirs from here. */
export function diskEnvironmentHost(variables: Record<string, string | undefined>, home = homedir()) {
  return { reader: diskEnvironmentReader(), files: diskFiles(), variables, torchHubDirs: torchHubDirs(variables), huggingFaceCaches: huggingFaceCaches(variables, home) };
}
