// `from train_gpt2 import main` then `val_loss, ms = main(hparam_overrides=...)` in a file with no `__main__` block:
// `python FILE` runs a module's statements outside any def or class in order
// (docs.python.org/3/reference/toplevel_components.html), loops and `try` blocks included, so the imported function
// runs, whatever it is named, as a call in the `__main__` block would. A benchmark or tuning driver that only calls
// another file's `main(...)` trains through it.
import type { Statement } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";

/** The names top-level `from M import name [as alias]` statements bind (not `*`). */
export function importedFunctionNames(body: readonly Statement[]): Set<string> {
  const imported = new Set<string>();
  for (const s of body) if (s.type === "importFrom" && s.names !== "*") for (const n of s.names) imported.add(n.alias ?? n.name);
  return imported;
}

/** Whether a statement is module-level code (outside any def or class), given its ancestors. */
export function atModuleLevel(ancestors: readonly Statement[]): boolean {
  return !ancestors.some((a) => a.type === "function" || a.type === "class");
}

/** Whether module-level code of the file (an expression or an assignment outside any def or class) calls by name a
 *  function that a top-level `from M import name` binds. */
export function callsImportedFunctionAtTop(body: Statement[]): boolean {
  const imported = importedFunctionNames(body);
  if (imported.size === 0) return false;
  let found = false;
  forEachStatement(body, ({ statement: s, ancestors }) => {
    if (!found && (s.type === "expression" || s.type === "assign") && s.value.type === "call" && s.value.func.type === "name" && imported.has(s.value.func.id) && atModuleLevel(ancestors)) found = true;
  });
  return found;
}
