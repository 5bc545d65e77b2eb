// `from train import history` in a plotting or evaluation script, where train.py trains at its top level with no
// `if __name__ == "__main__":` guard: Python runs a module's code when it is first imported
// (docs.python.org/3/reference/import.html, "the module's code is executed"), so running the script runs that
// training. A module that never reads `__name__` runs the same statements imported as run, so its own plan is the
// script's run where the script's own code trains nothing.
import type { Interpreter } from "../interp/interpreter";
import type { ModuleFiles } from "../interp/module-resolver";
import type { ModuleNamespaceValue } from "../interp/values";
import type { Statement } from "../python/ast";
import { forEachExpression, forEachStatement } from "../python/syntax-walk";
import { projectFile } from "./own-code";
import { atModuleLevel } from "./top-level-imported-calls";

/** A workspace module the script imports, with its statements and text. */
export interface ImportedModule {
  module: ModuleNamespaceValue;
  file: string;
  text: string;
  body: Statement[];
  /** The line of the script's import. */
  line: number;
}

/** Words of a module that may train: a backward pass, an optimizer's step, a fit. */
const TRAINS = /\.backward\(|\.step\(|\.fit\(|\.train_on_batch\(/;
/** A module that reads its own name may guard code from being run on import. */
const READS_NAME = /\b__name__\b/;

/** Whether the module's own code, outside any def or class, trains as it runs: a statement there that steps or fits
 *  (a loop's body included), or a call there of a function the module defines whose body does (`history = fit()`).
 *  A module that only defines its training runs none of it when imported. */
function trainsAtModuleLevel(body: Statement[], text: string): boolean {
  const codeOf = (s: Statement) => text.slice(s.pos.startIndex, s.pos.endIndex);
  const training = new Set(body.flatMap((s) => (s.type === "function" && TRAINS.test(codeOf(s)) ? [s.name] : [])));
  let found = false;
  forEachStatement(body, ({ statement: s, ancestors }) => {
    if (found || !atModuleLevel(ancestors) || (s.type !== "expression" && s.type !== "assign" && s.type !== "augmented")) return;
    if (TRAINS.test(codeOf(s))) found = true;
    else forEachExpression(s.value, (e) => {
      if (e.type === "call" && e.func.type === "name" && training.has(e.func.id)) found = true;
    });
  });
  return found;
}

/** The import statements the script runs as it starts: at its top level, and in the bodies of its top-level `if`s
 *  and `try`s (the `__main__` guard, an optional import). */
function moduleLevelImports(body: readonly Statement[]): Extract<Statement, { type: "import" | "importFrom" }>[] {
  return body.flatMap((s) => {
    if (s.type === "import" || s.type === "importFrom") return [s];
    if (s.type === "if") return [...moduleLevelImports(s.body), ...moduleLevelImports(s.orelse)];
    if (s.type === "try") return moduleLevelImports(s.body);
    return [];
  });
}

/**
 * The workspace modules the script's module-level imports run, in import order, that never read `__name__` and train
 * at their own module level: `import train`, `from train import history`, and a submodule imported by name
 * (`from pkg import train`).
 */
export function modulesTrainingOnImport(body: readonly Statement[], namespace: ModuleNamespaceValue, interpreter: Interpreter, file: string, files: ModuleFiles): ImportedModule[] {
  const out: ImportedModule[] = [];
  const seen = new Set<string>([file]);
  const take = (module: ModuleNamespaceValue | undefined, line: number) => {
    const path = module?.file;
    if (!module || !path || seen.has(path) || !projectFile(path)) return;
    seen.add(path);
    const text = files.read(path);
    if (text === undefined || READS_NAME.test(text) || !TRAINS.test(text)) return;
    const moduleBody = interpreter.loader.moduleBody?.(path);
    if (moduleBody && trainsAtModuleLevel(moduleBody, text)) out.push({ module, file: path, text, body: moduleBody, line });
  };
  for (const s of moduleLevelImports(body)) {
    const line = s.pos.line;
    if (s.type === "import") {
      for (const n of s.names) take(interpreter.loader.importModule(n.module, 0, file), line);
      continue;
    }
    take(interpreter.loader.importModule(s.module, s.level, file), line);
    if (s.names === "*") continue;
    for (const n of s.names) {
      const bound = namespace.scope.names.get(n.alias ?? n.name);
      if (bound?.kind === "namespace") take(bound, line);
    }
  }
  return out;
}
