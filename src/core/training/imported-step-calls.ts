// A training function of another file often leaves the backward pass to a helper its own module imports from a third
// file: a worker's batch loop calls `train_discriminator(D, opt_D, x, y)` and `train_generator(...)` of module_utils.py,
// each running `loss.backward(); optimizer.step()`. Python runs that helper on each call, so the function trains as
// if the helper's body sat in its loop.
import type { ModuleNamespaceValue } from "../interp/values";
import type { FunctionDefinition } from "../python/ast";
import { callsInBody } from "../python/syntax-walk";

/** Whether `definition` (of the module `module`, file `home`) calls by name a function its module imports from another
 *  workspace file whose body `trains` (runs backward passes). */
export function callsImportedTraining(definition: FunctionDefinition, module: ModuleNamespaceValue, home: string, trains: (d: FunctionDefinition, file: string) => boolean): boolean {
  const seen = new Set<FunctionDefinition>();
  return callsInBody(definition.body).some((call) => {
    if (call.func.type !== "name") return false;
    const helper = module.scope.names.get(call.func.id);
    if (helper?.kind !== "function" || helper.definition.type !== "function") return false;
    const file = helper.module.file;
    if (!file || file === home || seen.has(helper.definition)) return false;
    seen.add(helper.definition);
    return trains(helper.definition, file);
  });
}
