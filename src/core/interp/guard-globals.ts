// A script's builder function often reads a module global that only its `if __name__ == "__main__":` block binds
// (`def build_model(): ... input_shape=x_train.shape[1:]`, with `(x_train, y_train), _ = cifar10.load_data()` in the
// guard). Python runs the guard at module level, so by the time it calls `build_model()` those names are globals of
// the module; the analyzer, which does not run the guard, must bind them first or the builder fails on a NameError.
import type { FunctionDefinition, Statement } from "../python/ast";
import { forEachStatement, namesIn, ownExpressions, targetNames } from "../python/syntax-walk";

/**
 * The names a function reads as globals (not its parameters, not names it assigns, not declared `global` and then
 * assigned) that `before` binds with a plain assignment and the module's namespace does not hold (`visible`), in
 * the order `before` binds them.
 */
export function globalsBoundBefore(fn: FunctionDefinition, before: Statement[], visible: (name: string) => boolean): string[] {
  const local = new Set<string>(fn.params.map((p) => p.name));
  const read = new Set<string>();
  const declaredGlobal = new Set<string>();
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type === "global") for (const n of s.names) declaredGlobal.add(n);
    if (s.type === "assign") for (const t of s.targets) for (const n of targetNames(t)) local.add(n);
    if (s.type === "for") for (const n of targetNames(s.target)) local.add(n);
    if (s.type === "function" || s.type === "class") local.add(s.name);
    namesIn(ownExpressions(s), read);
  });
  const bound: string[] = [];
  for (const s of before) {
    if (s.type !== "assign") continue;
    for (const t of s.targets) for (const n of targetNames(t)) if (!bound.includes(n)) bound.push(n);
  }
  return bound.filter((n) => read.has(n) && (!local.has(n) || declaredGlobal.has(n)) && !visible(n));
}

