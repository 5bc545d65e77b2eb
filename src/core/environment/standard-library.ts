// Python's standard library by name (stdlib-modules.json, generated from sys.stdlib_module_names by
// tools/stdlib/generate.py): a module of it that the analyzer does not model is not a package the user's
// environment lacks, and the words that say why a value is unknown must not send the user to install it.
import stdlibData from "./stdlib-modules.json";

const MODULES: ReadonlySet<string> = new Set(stdlibData.modules);

/** Whether a top-level module name (`ctypes`, `concurrent`) belongs to Python's standard library. */
export function isStandardLibrary(topLevel: string): boolean {
  return MODULES.has(topLevel);
}

/** Why a standard-library module gives no values: the analyzer does not model it (it never runs Python). */
export function notModelledReason(topLevel: string): string {
  return `${topLevel} is part of Python's standard library, not modelled by the analyzer (it reads code and never runs it): what the code computes with it is unknown`;
}
