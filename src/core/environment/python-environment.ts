// The user's Python environment, read as files and never run: a venv (PEP 405: pyvenv.cfg beside the layout) or a
// conda environment (conda-meta/ beside the same layout). Where site-packages sits follows CPython's sysconfig
// schemes (docs.python.org/3/library/sysconfig.html): posix_prefix `lib/pythonX.Y/site-packages` (Linux, macOS,
// conda on both), nt `Lib/site-packages` (Windows venvs and conda), and PyPy's `lib/pypyX.Y/site-packages`.
import { basename, dirname, joinPath } from "../interp/paths";
import { isStandardLibrary, notModelledReason } from "./standard-library";

/** What the core needs to read an environment's layout: the host lists folders and reads small files. */
export interface EnvironmentReader {
  read(path: string): string | undefined;
  exists(path: string): boolean;
  /** Names of a folder's entries (files and folders); empty when it is not one. */
  list(dir: string): string[];
}

/** A Python environment found on disk. */
export interface PythonEnvironment {
  /** The environment's folder (sys.prefix). */
  prefix: string;
  kind: "venv" | "conda";
  /** How it was chosen, for messages ("--python-env", "VIRTUAL_ENV", "the workspace's .venv", "the Python extension"). */
  source: string;
  /** A short name for messages: the folder's name ("`.venv`"), or its path outside the workspace. */
  label: string;
  /** Python version from pyvenv.cfg or the layout ("3.11.7", "3.12"). */
  version?: string;
  /** Import roots in sys.path order: site-packages, folders its .pth files add, then the base install's when the venv includes it. */
  sitePackages: string[];
}

/** The key = value lines of a pyvenv.cfg (keys lower-cased, as CPython's site.py reads them). */
export function parsePyvenvCfg(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf("=");
    if (eq < 0 || line.trimStart().startsWith("#")) continue;
    out.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return out;
}

/** True when a folder holds a Python environment (a venv's pyvenv.cfg or conda's conda-meta/). */
export function isEnvironmentFolder(reader: EnvironmentReader, dir: string): boolean {
  return reader.exists(joinPath(dir, "pyvenv.cfg")) || reader.exists(joinPath(dir, "conda-meta"));
}

/**
 * Reads an environment's layout: its kind, version and site-packages folders, or undefined when the folder holds
 * no environment. Nothing is executed: `.pth` lines that are paths are followed, lines that would run code are not.
 */
export function readEnvironment(reader: EnvironmentReader, prefix: string, source: string, label = basename(prefix)): PythonEnvironment | undefined {
  const cfgText = reader.read(joinPath(prefix, "pyvenv.cfg"));
  const conda = reader.exists(joinPath(prefix, "conda-meta"));
  if (cfgText === undefined && !conda) return undefined;
  const cfg = parsePyvenvCfg(cfgText ?? "");
  const sites = sitePackagesOf(reader, prefix);
  let version = cfg.get("version") ?? cfg.get("version_info") ?? versionFromSite(sites[0]);
  if (version && /^\d+\.\d+\.\d+\./.test(version)) version = version.split(".").slice(0, 3).join(".");
  const paths = [...sites];
  // include-system-site-packages: the base install's site-packages follow the venv's (PEP 405).
  const home = cfg.get("home");
  if (cfg.get("include-system-site-packages")?.toLowerCase() === "true" && home) {
    const base = /[\\/]bin$|[\\/]Scripts$/i.test(home) ? dirname(home.replace(/\\/g, "/")) : home.replace(/\\/g, "/");
    paths.push(...sitePackagesOf(reader, base));
  }
  for (const site of [...paths]) for (const added of pthFolders(reader, site)) if (!paths.includes(added)) paths.push(added);
  return { prefix, kind: cfgText === undefined ? "conda" : "venv", source, label, version, sitePackages: paths };
}

/** site-packages folders of a prefix in the layouts of Linux/macOS (lib, lib64), Windows (Lib) and PyPy. */
export function sitePackagesOf(reader: EnvironmentReader, prefix: string): string[] {
  const found: string[] = [];
  for (const lib of ["lib", "lib64", "Lib"]) {
    const libDir = joinPath(prefix, lib);
    const windows = joinPath(libDir, "site-packages");
    if (lib === "Lib" && reader.exists(windows)) found.push(windows);
    // python3.11, python3.13t (free-threaded), pypy3.10: newest version first, as only one is the interpreter's.
    const versions = reader.list(libDir).filter((n) => /^(python|pypy)\d+(\.\d+)?t?$/.test(n)).sort(byVersionDescending);
    for (const v of versions) {
      const site = joinPath(libDir, v, "site-packages");
      if (reader.exists(site) && !found.includes(site)) found.push(site);
    }
  }
  // lib64 is often a link to lib: keep one of them.
  return found.filter((site, i) => !found.slice(0, i).some((earlier) => earlier.replace("/lib64/", "/lib/") === site.replace("/lib64/", "/lib/")));
}

function byVersionDescending(a: string, b: string): number {
  const va = a.replace(/^\D+/, "").replace(/t$/, "").split(".").map(Number);
  const vb = b.replace(/^\D+/, "").replace(/t$/, "").split(".").map(Number);
  return (vb[0] - va[0]) || ((vb[1] ?? 0) - (va[1] ?? 0));
}

function versionFromSite(site: string | undefined): string | undefined {
  return site ? /(?:python|pypy)(\d+\.\d+)/.exec(site)?.[1] : undefined;
}

/**
 * Folders that a site-packages folder's .pth files add to the path (site.py: one path per line, relative to the
 * folder; lines starting with "import" would run code and are skipped, never executed).
 */
export function pthFolders(reader: EnvironmentReader, site: string): string[] {
  const out: string[] = [];
  for (const name of reader.list(site).filter((n) => n.endsWith(".pth")).sort()) {
    const text = reader.read(joinPath(site, name));
    if (text === undefined) continue;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith("#") || /^import[ \t]/.test(line)) continue;
      const path = line.replace(/\\/g, "/");
      const folder = path.startsWith("/") || /^[A-Za-z]:\//.test(path) ? path : joinPath(site, path);
      if (reader.exists(folder) && !out.includes(folder)) out.push(folder);
    }
  }
  return out;
}

/** The folders under a workspace that name an environment by convention, in the order they are tried. */
export const WORKSPACE_ENVIRONMENT_FOLDERS = [".venv", "venv", ".conda", "env"];

/**
 * The environment a workspace holds: `.venv`, `venv`, `.conda` or `env` in the folder or one above it up to the
 * root (a script in a sub-folder of a project uses the project's environment).
 */
export function findWorkspaceEnvironment(reader: EnvironmentReader, fromDir: string, root: string): PythonEnvironment | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    for (const name of WORKSPACE_ENVIRONMENT_FOLDERS) {
      const prefix = joinPath(dir, name);
      if (!isEnvironmentFolder(reader, prefix)) continue;
      const env = readEnvironment(reader, prefix, `the workspace's ${name}`, name);
      if (env) return env;
    }
    if (dir === root || !dir.startsWith(root) || dirname(dir) === dir) return undefined;
  }
}

/**
 * The environment a file lies in (a module of its site-packages opened for reading): the nearest folder above it
 * that holds one. Python imports such a file with that environment's interpreter, so its imports resolve there.
 */
export function findEnclosingEnvironment(reader: EnvironmentReader, fileDir: string): PythonEnvironment | undefined {
  for (let dir = fileDir; dirname(dir) !== dir; dir = dirname(dir)) {
    if (isEnvironmentFolder(reader, dir)) return readEnvironment(reader, dir, "the environment the file is in");
  }
  return undefined;
}

/** Where an editor looks for a document's environment (see locateEditorEnvironment). */
export interface EditorEnvironmentSearch {
  /** The workspace folder (or the loose file's folder). */
  root: string;
  /** The document's folder: a file inside an environment's folder uses that environment. */
  fileDir?: string;
  /** The interpreter the Python extension has selected (…/bin/python, …\\Scripts\\python.exe) or its folder. */
  selected?: string;
  /** greenlight.pythonEnvironment: absolute, or relative to the root. */
  setting?: string;
  /** The editor's VIRTUAL_ENV and CONDA_PREFIX. */
  variables: Record<string, string | undefined>;
}

/**
 * The environment a document's code runs in, found without running Python, in order: the environment whose folder
 * holds the file (Python imports a module of site-packages with that environment's interpreter), the interpreter
 * the Python extension selected, greenlight.pythonEnvironment (`badSetting` hears when it names no environment),
 * .venv/venv/.conda/env in the folder, then VIRTUAL_ENV and CONDA_PREFIX.
 */
export function locateEditorEnvironment(reader: EnvironmentReader, search: EditorEnvironmentSearch, badSetting?: (path: string) => void): PythonEnvironment | undefined {
  const { root } = search;
  const inside = search.fileDir === undefined ? undefined : environmentHolding(reader, search.fileDir, root);
  if (inside) return inside;
  if (search.selected) {
    const env = fromInterpreterPath(reader, search.selected, "the Python extension's interpreter", root);
    if (env) return env;
  }
  const setting = search.setting?.trim();
  if (setting) {
    const path = setting.startsWith("/") || /^[A-Za-z]:[\\/]/.test(setting) ? setting : joinPath(root, setting);
    const env = fromInterpreterPath(reader, path, "greenlight.pythonEnvironment", root);
    if (env) return env;
    badSetting?.(path);
  }
  const inWorkspace = findWorkspaceEnvironment(reader, root, root);
  if (inWorkspace) return inWorkspace;
  for (const variable of ["VIRTUAL_ENV", "CONDA_PREFIX"]) {
    const prefix = search.variables[variable];
    const env = prefix ? readEnvironment(reader, prefix, variable, labelOf(prefix, root)) : undefined;
    if (env) return env;
  }
  return undefined;
}

/** The environment whose folder holds a file's folder, labelled relative to the workspace root; undefined if none. */
export function environmentHolding(reader: EnvironmentReader, fileDir: string, root: string): PythonEnvironment | undefined {
  const inside = findEnclosingEnvironment(reader, fileDir);
  return inside && { ...inside, label: labelOf(inside.prefix, root) };
}

/** An environment from an interpreter path (…/bin/python, …\\Scripts\\python.exe, a conda python.exe) or its folder. */
function fromInterpreterPath(reader: EnvironmentReader, path: string, source: string, root: string): PythonEnvironment | undefined {
  const normal = path.replace(/\\/g, "/");
  for (const prefix of [normal, dirname(normal), dirname(dirname(normal))]) {
    const env = readEnvironment(reader, prefix, source, labelOf(prefix, root));
    if (env) return env;
  }
  return undefined;
}

/** The environment's folder relative to the workspace ("`.venv`"), or its full path outside it. */
function labelOf(prefix: string, root: string): string {
  const normal = prefix.replace(/\\/g, "/");
  const base = root.replace(/\\/g, "/");
  return normal.startsWith(`${base}/`) ? normal.slice(base.length + 1) : normal;
}

/**
 * What to watch for an environment's packages changing (pip install, uninstall, upgrade): the top level of each of
 * its own site-packages folders (a package's folder and its .dist-info come and go there), and its pyvenv.cfg.
 */
export function environmentWatchTargets(env: PythonEnvironment): { folder: string; pattern: string }[] {
  const own = env.sitePackages.filter((site) => site.replace(/\\/g, "/").startsWith(`${env.prefix.replace(/\\/g, "/")}/`));
  return [...own.map((folder) => ({ folder, pattern: "*" })), { folder: env.prefix, pattern: "pyvenv.cfg" }];
}

/** What a host tells the user to do about a missing package: with an environment found, and without one. */
export interface InstallActions {
  /** "install it there, or select the interpreter that has it" */
  installed: string;
  /** "select an interpreter, or set greenlight.pythonEnvironment" */
  noEnvironment: string;
}

/**
 * Why a package is missing, with what fixes it: the words every host shows where the model is built. A module of
 * Python's standard library is never missing from an environment: it is one the analyzer does not model.
 */
export function notInstalledReason(name: string, environment: PythonEnvironment | undefined, actions: InstallActions): string {
  if (isStandardLibrary(name)) return notModelledReason(name);
  return environment ? `${name} is not installed in ${environment.label}: ${actions.installed}` : `${name} is not installed and no Python environment was found: ${actions.noEnvironment}`;
}
