// How the interpreter reaches other files: the program (program.ts) implements it, operators and the interpreter use it.
import type { Statement } from "../python/ast";
import type { ModuleFiles } from "./module-resolver";
import type { ModuleNamespaceValue, Scope, Value } from "./values";

/** Loads other files' namespaces for imports; implemented by the program. */
export interface ModuleLoader {
  importModule(name: string, level: number, fromFile: string): ModuleNamespaceValue | undefined;
  importSubmodule(parent: ModuleNamespaceValue, name: string, fromFile: string): Value | undefined;
  /** Where `import name` would lead, without loading it: a module the analyzer provides, a source file, or nowhere. */
  findModule?(name: string, fromFile: string): "native" | "source" | undefined;
  /** Whether `name` is found only as one of our stand-ins for a library seldom installed (OPTIONAL_STAND_IN_LINE). */
  optionalStandIn?(name: string, fromFile: string): boolean;
  /** Why an import found nothing, in words that say what to do ("timm is not installed in .venv: ..."). */
  missingReason?(name: string): string | undefined;
  /** Why `import a.b.c` found nothing although package `a` is installed or in the workspace: the part it lacks. */
  absentSubmoduleReason?(name: string): string | undefined;
  /** The top-level statements of a source file, parsed as its import parses it: the training plan reads the module a
   *  script imports its loader from (imported-loader.ts). */
  moduleBody?(path: string): Statement[] | undefined;
  /** Binds a `from M import ...` lazily when the loader defers this file's imports; false: import it now. */
  deferImport?(statement: Extract<Statement, { type: "importFrom" }>, scope: Scope, fromFile: string): boolean;
  /**
   * A look-up of `key` missed in a dict: loads the deferred modules that register `key` (a decorator registry is
   * filled only when its module runs). True when something was loaded, so the look-up is worth repeating.
   */
  loadRegistering?(key: string): boolean;
  /** Analyzed code is about to change this object (a container, class, instance, function or module's names). */
  noteWrite?(target: object): void;
  /** torch.hub: a repository's hubconf from the local hub cache (or a folder, `local`), or why it is not there. */
  loadHubRepository?(repo: string, local: boolean): ModuleNamespaceValue | string;
  /** The folder relative paths start from (Python's getcwd()): the analyzed script's, where a repository's instructions run it. */
  workingDirectory?(): string | undefined;
  /** The workspace folder the analyzed script belongs to: where a script kept in a subfolder (tools/, scripts/) is
   *  usually run from, so the other folder a relative path may start from. */
  workspaceRoot?(): string | undefined;
  /** Runs a workspace Python file by its path as a module of this name (runpy.run_path, config files that are code). */
  runFile?(path: string, moduleName: string): ModuleNamespaceValue | undefined;
  /** The workspace's files, for data folders a dataset class lists (class-folders.ts). */
  workspaceFiles?(): ModuleFiles | undefined;
  /** The text of a source file the loader reads modules from (inspect.getsource of a module). */
  sourceText?(file: string): string | undefined;
  /** The program opened a data file (a config) by this path: found in the workspace or not, for the notes. */
  noteFileRead?(path: string, found: boolean): void;
  /** The data files noted so far, in order. */
  filesRead?(): readonly { path: string; found: boolean }[];
}
