// `teacher = Net().eval()`, `vgg = models.vgg19(weights=w).features.to(device).eval()`: nn.Module.eval() and
// requires_grad_() return the module itself (pytorch.org/docs/stable/generated/torch.nn.Module.html, "Returns: self"),
// as .to(), .cuda(), .cpu(), .float(), .half() and .bfloat16() do, so a name bound to such a chain is bound to a module
// put out of training right where it is built.
import type { Expression, Statement } from "../python/ast";
import { forEachStatement, MODULE_CHAIN_METHODS } from "../python/syntax-walk";

/** Names bound to a module chain that ends out of training (`x = Net().eval()`, `x = Net().requires_grad_(False)`,
 *  then `.to(device)` and the like), with the line of the binding. */
export function frozenAtBinding(body: Statement[]): Map<string, number> {
  const out = new Map<string, number>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name") return;
    if (freezesChain(s.value) && !out.has(s.targets[0].id)) out.set(s.targets[0].id, s.pos.line);
  });
  return out;
}

/** Whether a call chain's outer calls, read outward-in past those that return the module unchanged, hold `.eval()`
 *  or `.requires_grad_(False)`. */
function freezesChain(value: Expression): boolean {
  let e: Expression = value;
  while (e.type === "call" && e.func.type === "attribute") {
    const name = e.func.name;
    if (name === "eval" && e.args.length === 0) return true;
    if (name === "requires_grad_" && e.args[0]?.kind === "positional" && e.args[0].value.type === "constant" && e.args[0].value.value === "False") return true;
    // `.train()` puts it back in training; the other methods of the chain leave its mode alone.
    if (name === "train" || !MODULE_CHAIN_METHODS.includes(name)) return false;
    e = e.func.object;
  }
  return false;
}
