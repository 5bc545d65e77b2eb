// The project's own code, as against the analyzer's built-in stand-ins (under builtinRoot) and an installed library's
// (under an environment's site-packages): a project class named like a library's reads its own rules, not the table's.
import { builtinRoot } from "../interp/runtime";
import type { Value } from "../interp/values";

/** Whether a file is the project's own. */
function projectFile(home: string | undefined): boolean {
  return home !== undefined && !home.startsWith(`${builtinRoot}/`) && !/[\\/](site|dist)-packages[\\/]/.test(home);
}

/** A class of the project's own code, not a library's (torchvision's is the analyzer's stand-in). */
export function ownClass(v: Value): boolean {
  return v.kind === "class" && projectFile(v.module?.file ?? v.location?.file);
}

/** A method of an object that the project's own code defines (`trainer.fit` of a class in the workspace). */
export function ownMethod(v: Value | undefined): boolean {
  return v?.kind === "bound" && v.fn.kind === "function" && projectFile(v.fn.module.file);
}
