// A call on `self` of a method the class itself defines: `self.fit(self.__ds, self.__model, epochs, steps_per_epoch)`
// in a class with its own `def fit(self, dataset, model, epochs, steps_per_epoch):`. Python looks a name up on the
// instance's class and its bases before anything else (docs.python.org/3/tutorial/classes.html#inheritance), so the
// call runs that method, whatever library method shares its name (Keras' Model.fit(x, y, batch_size, epochs)).
import type { ClassDefinition, FunctionDefinition, Statement } from "../python/ast";
import type { CallExpression } from "../python/syntax-walk";

/** Classes followed up through the bases the module defines. */
const MAX_BASES = 8;

/** Whether `call` is `self.<name>(...)` in a method `fn` whose class, or a base class the same module defines, has a
 *  method of that name. */
export function callsOwnMethodOnSelf(body: Statement[], fn: FunctionDefinition | undefined, call: CallExpression): boolean {
  const self = fn?.params[0]?.name;
  if (!fn || !self || call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id !== self) return false;
  const classes = moduleClasses(body);
  const holder = classes.find((c) => c.body.includes(fn));
  if (!holder) return false;
  const name = call.func.name;
  const seen = new Set<ClassDefinition>();
  const queue: ClassDefinition[] = [holder];
  while (queue.length > 0 && seen.size < MAX_BASES) {
    const c = queue.shift()!;
    if (seen.has(c)) continue;
    seen.add(c);
    if (c.body.some((s) => s.type === "function" && s.name === name)) return true;
    for (const base of c.bases) {
      const named = base.kind === "positional" && base.value.type === "name" ? base.value.id : undefined;
      const found = named !== undefined ? classes.find((k) => k.name === named) : undefined;
      if (found) queue.push(found);
    }
  }
  return false;
}

/** The classes of a module, nested ones included. */
function moduleClasses(body: Statement[]): ClassDefinition[] {
  const out: ClassDefinition[] = [];
  const visit = (block: Statement[]) => {
    for (const s of block) if (s.type === "class") {
      out.push(s);
      visit(s.body);
    }
  };
  visit(body);
  return out;
}
