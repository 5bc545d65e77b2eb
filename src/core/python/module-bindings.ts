import type { Statement } from "./ast";
import { boundNames, forEachStatement } from "./syntax-walk";

/**
 * The line of each module-level name's first assignment, in source order, branches and loops included (`model = ...`
 * under `if init_from == "scratch":` binds a module name); never a function's or a class's own names.
 */
export function firstModuleBindingLines(body: Statement[]): Map<string, number> {
  const lines = new Map<string, number>();
  forEachStatement(
    body,
    ({ statement, ancestors }) => {
      if (ancestors.some((a) => a.type === "class")) return;
      for (const name of boundNames(statement)) if (!lines.has(name)) lines.set(name, statement.pos.line);
    },
    [],
    () => false,
  );
  return lines;
}
