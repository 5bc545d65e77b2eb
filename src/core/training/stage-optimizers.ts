// Training stages that each build a new optimizer over one network (`opt1 = Adam(base.fc.parameters())` for a frozen
// stage, then `opt2 = Adam(base.parameters())` to fine-tune all of it) and pass it to one training function in turn:
// the optimizers differ, the network they update is the same, so the calls train one network one stage after another.
import type { Expression, Statement } from "../python/ast";
import { assignedValues, isOptimizerConstruction, optimizerParameters, parameterRoots } from "./optimizer-parameters";

/** The name an attribute or item chain starts from (`base` of `base.fc`, `net` of `net[1]`). */
function rootName(e: Expression): string | undefined {
  let node = e;
  while (node.type === "attribute" || node.type === "subscript") node = node.object;
  return node.type === "name" ? node.id : undefined;
}

/** Whether every name is bound in the module's own statements once, to an optimizer built over the parameters of one
 *  and the same network (its own parameters or a part's: `base.fc.parameters()`). */
export function optimizersOfOneNetwork(names: string[], body: Statement[]): boolean {
  if (names.length < 2) return false;
  const assignments = assignedValues(body, () => false);
  let network: string | undefined;
  for (const name of names) {
    const values = assignments.get(name);
    const built = values?.length === 1 && values[0].type === "call" && isOptimizerConstruction(values[0]) ? values[0] : undefined;
    const params = built ? optimizerParameters(built) : undefined;
    const roots = params ? parameterRoots(params, assignments, rootName) : undefined;
    if (!roots || roots.size !== 1) return false;
    const [root] = roots;
    if (network !== undefined && root !== network) return false;
    network = root;
  }
  return true;
}
