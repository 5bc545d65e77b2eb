// Arguments that differ between training stages of one network, passed to one training function in turn: a new
// optimizer for each stage over the same network (`opt1 = Adam(base.fc.parameters())` for a frozen stage, then
// `opt2 = Adam(base.parameters())` to fine-tune all of it), or each stage's count named by a constant of its own
// (`N_EPOCHS_PHASE1 = 5`). Such calls train one network one stage after another.
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

/** Whether every argument is a number, written (`6`) or a name bound in the module's own statements once to one
 *  (`N_EPOCHS_PHASE2 = 5`): a count or a rate, which holds no network or options of its own. */
export function numbersPassed(passed: (Expression | undefined)[], body: Statement[]): boolean {
  const isNumber = (v: Expression | undefined) => v?.type === "int" || v?.type === "float";
  if (passed.every((e) => e?.type !== "name")) return false;
  const assignments = assignedValues(body, () => false);
  return passed.every((e) => {
    if (isNumber(e)) return true;
    const values = e?.type === "name" ? assignments.get(e.id) : undefined;
    return values?.length === 1 && isNumber(values[0]);
  });
}
