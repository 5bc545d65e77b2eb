// A plain function of another file that builds an object of a workspace class and runs its training method:
// `def train(config): trainer = Trainer(config); trainer.train()` in src/train.py, called by main.py. The function
// itself runs no backward pass, but Python runs the object's method, whose loops are the run's; the function's plan
// reads them as a script's `trainer.train()` is read (one call further, training-plan.ts).
import type { ClassValue, ModuleNamespaceValue, Value } from "../interp/values";
import { scopeValue } from "../interp/values";
import { instanceMethod } from "../interp/classes";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";

/** The classes (as called) and methods of a function's statement calls on objects it builds: `name.method(...)` after
 *  `name = Cls(...)` in the same body, or `Cls(...).method(...)`, also with the result kept and in its loops. */
function builtObjectCalls(definition: FunctionDefinition): { cls: Expression; method: string }[] {
  const built = new Map<string, Expression>();
  const found: { cls: Expression; method: string }[] = [];
  // The body's own statements in order, the blocks of if/with/try included (a nested definition's are not).
  const visit = (body: Statement[]) => {
    for (const s of body) {
      if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.value.type === "call") built.set(s.targets[0].id, s.value.func);
      // The call as a statement, or with its result kept (`stats = session.train_epoch(loader, epoch)`): Python runs
      // the method either way.
      const made = s.type === "expression" || s.type === "assign" ? s.value : undefined;
      if (made?.type === "call" && made.func.type === "attribute") {
        const object = made.func.object;
        const cls = object.type === "name" ? built.get(object.id) : object.type === "call" ? object.func : undefined;
        if (cls) found.push({ cls, method: made.func.name });
      }
      if (s.type === "if") visit([...s.body, ...s.orelse]);
      // An epoch loop calling the object's per-epoch method (`for epoch in range(n): session.train_epoch(...)`).
      if (s.type === "for" || s.type === "while") visit(s.body);
      if (s.type === "with") visit(s.body);
      if (s.type === "try") visit([...s.body, ...s.orelse, ...s.finalbody]);
    }
  };
  visit(definition.body);
  return found;
}

/**
 * Whether `definition` (a plain function of `module`) builds an object of a workspace class by name and calls a
 * method of it that trains (`trains` answers for a method and its file). Only names the module binds to a class are
 * followed: nothing is evaluated.
 */
export function handsTrainingToBuiltObject(
  definition: FunctionDefinition,
  module: ModuleNamespaceValue,
  trains: (method: FunctionDefinition, self: Value, home: string) => boolean,
): boolean {
  for (const { cls, method } of builtObjectCalls(definition)) {
    if (cls.type !== "name") continue;
    const value = scopeValue(module.scope, cls.id);
    if (value?.kind !== "class") continue;
    // An object with no attributes yet: enough to look its methods up through the class's bases.
    const probe: Value = { kind: "instance", cls: value as ClassValue, attributes: new Map(), id: -1 };
    const found = instanceMethod(probe, method);
    if (found?.module.file && trains(found.definition, probe, found.module.file)) return true;
  }
  return false;
}
