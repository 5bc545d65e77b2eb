// A module-level function that defines a function and returns it (`def get_main_loop(model, optimizer): def
// main_loop(phase): ...; return main_loop`) hands its caller a closure: `main_loop = get_main_loop(...)` then
// `main_loop(phase=TRAIN)` in the epoch loop runs the nested function's body, as a call of a module-level function
// would.
import type { FunctionDefinition, Statement } from "../python/ast";
import { forEachStatement, targetNames } from "../python/syntax-walk";

const closuresByBody = new WeakMap<Statement[], Map<string, FunctionDefinition>>();

/**
 * The nested functions the module's names are bound to by a call of the module-level function that returns them
 * (`train_loop = get_train_loop(model, optimizer)`), by name. Empty, without walking any function's body, when no
 * module-level function returns a function it defines.
 */
export function returnedClosures(body: Statement[]): Map<string, FunctionDefinition> {
  let known = closuresByBody.get(body);
  if (known) return known;
  const names = new Map<string, FunctionDefinition>();
  closuresByBody.set(body, (known = names));
  const factories = new Map<string, FunctionDefinition>();
  for (const f of body) {
    if (f.type !== "function") continue;
    const returned = f.body.find((s) => s.type === "return" && s.value?.type === "name");
    const name = returned?.type === "return" && returned.value?.type === "name" ? returned.value.id : undefined;
    const closure = f.body.find((s): s is FunctionDefinition => s.type === "function" && s.name === name);
    if (closure) factories.set(f.name, closure);
  }
  if (factories.size === 0) return known;
  forEachStatement(body, ({ statement }) => {
    if (statement.type !== "assign" || statement.value.type !== "call" || statement.value.func.type !== "name") return;
    const closure = factories.get(statement.value.func.id);
    if (closure) for (const t of statement.targets) for (const n of targetNames(t)) names.set(n, closure);
  });
  return known;
}
