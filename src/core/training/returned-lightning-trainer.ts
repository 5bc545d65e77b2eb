// A Lightning Trainer built in a function of another project file and handed back to the script
// (`trainer, opt = lt.load_trainer(load=False)`, then `trainer.fit(opt["model"], ...)`): its fit is Lightning's, whose
// epochs are that Trainer's max_epochs, not Keras' fit with its default epochs=1.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { callsInBody, dottedName, forEachStatement, targetNames } from "../python/syntax-walk";
import { importsLightning } from "./trainer-origin";

/** The call whose result is bound to a name, the name alone or among a tuple's targets (`trainer, opt = f()`). */
export function bindingCall(body: Statement[], name: string): Expression | undefined {
  let found: Expression | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (found || s.type !== "assign" || s.value.type !== "call") return;
    if (s.targets.some((t) => targetNames(t).includes(name))) found = s.value;
  });
  return found;
}

/** True when `name` was bound from a call of a project function that builds a Lightning `Trainer(...)` in its body,
 *  in a module that imports Lightning; `callee` evaluates the called function where the name is used. */
export function boundFromLightningTrainerFactory(body: Statement[], name: string, callee: (e: Expression) => Value | undefined, moduleBody: (file: string) => Statement[] | undefined): boolean {
  const call = bindingCall(body, name);
  if (call?.type !== "call") return false;
  const fn = callee(call.func);
  if (fn?.kind !== "function" || fn.definition.type !== "function" || !fn.module.file) return false;
  const buildsTrainer = callsInBody(fn.definition.body).some((c) => /(^|\.)Trainer$/.test(dottedName(c.func) ?? ""));
  return buildsTrainer && importsLightning(moduleBody(fn.module.file) ?? []);
}
