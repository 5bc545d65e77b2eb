// `import train` then `train.train()`: `import` binds the module itself, so the attribute is read from the module's
// namespace and Python calls the function that module defines (docs.python.org/3/reference/simple_stmts.html#import).
// It is no nn.Module's `train()` mode switch, which only a model instance has.
import type { Statement } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";

/** A bare `.train(` call, the one form the mode switch shares: tested on the text before any statement is walked. */
const BARE_TRAIN_CALL = /\.\s*train\s*\(/;

/** The names plain `import M` / `import M as N` statements of the file bind to a module (not `import a.b`, which binds
 *  the package `a`). */
function importedModuleNames(body: Statement[]): Set<string> {
  const names = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "import") return;
    for (const n of s.names) if (n.alias || !n.module.includes(".")) names.add(n.alias ?? n.module);
  }, [], () => false);
  return names;
}

/** Whether the file calls `M.train(...)` on a module it imports by name (`import train` ... `train.train()`): a call
 *  of that module's function, which another file's training reader may follow. */
export function callsImportedModuleTrain(body: Statement[], text: string): boolean {
  if (!BARE_TRAIN_CALL.test(text)) return false;
  for (const name of importedModuleNames(body)) {
    if (new RegExp(`(?<![\\w.])${name}\\s*\\.\\s*train\\s*\\(`).test(text)) return true;
  }
  return false;
}
