// A full-batch loop often converts its data afresh on every pass (`x = torch.from_numpy(train_data).float()`, then
// `y_hat = net(x)`): the name is bound in the loop, but to the same data each time, as the expression only converts
// a name the loop does not bind. Such a name holds that expression wherever the loop is, so the data it feeds can be
// read there. A call of anything else (a buffer's `rollout(n)`, a draw) or a slice may give other rows each pass.
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachStatement, positionalArgument, targetNames } from "../python/syntax-walk";
import { TENSOR_CONVERSIONS } from "../torch/tensor-conversions";

/** Functions that make a tensor or array of the same rows from their first argument (pytorch.org/docs/stable:
 *  torch.from_numpy, torch.tensor, torch.as_tensor, torch.Tensor types, autograd.Variable; numpy.array, asarray). */
const CONVERTING_FUNCTIONS = new Set(["torch.from_numpy", "torch.tensor", "torch.as_tensor", "torch.Tensor", "torch.FloatTensor", "torch.LongTensor", "torch.DoubleTensor", "Variable", "torch.autograd.Variable", "np.array", "np.asarray", "numpy.array", "numpy.asarray"]);

/** nn.Module methods that return the module itself (pytorch.org/docs/stable/generated/torch.nn.Module.html, torch 2.x:
 *  train, eval, to, cuda, cpu, float, double, half, bfloat16, type, requires_grad_, apply, share_memory: "Returns:
 *  self"): `model = model.train()` in a loop still names the module it named before. */
const MODULE_SELF_METHODS = new Set(["train", "eval", "to", "cuda", "cpu", "float", "double", "half", "bfloat16", "type", "requires_grad_", "apply", "share_memory"]);

/** Whether `e` is `name` under a chain of methods that keep what it holds: a module's self-returning methods, or a
 *  tensor's conversions of dtype or device (`model.train()`, `model.to(device)`, `x.float()`). */
function keepsOwnValue(e: Expression, name: string): boolean {
  if (e.type === "name") return e.id === name;
  if (e.type !== "call" || e.func.type !== "attribute") return false;
  return (MODULE_SELF_METHODS.has(e.func.name) || TENSOR_CONVERSIONS.has(e.func.name)) && keepsOwnValue(e.func.object, name);
}

/** Whether `e` only converts a name (or its attribute) the loop does not bind: the same rows on every pass. */
function convertsUnboundData(e: Expression, loopBound: ReadonlySet<string>): boolean {
  if (e.type === "name") return !loopBound.has(e.id);
  if (e.type === "attribute") return e.object.type === "name" && !loopBound.has(e.object.id);
  if (e.type !== "call") return false;
  if (e.func.type === "attribute" && TENSOR_CONVERSIONS.has(e.func.name)) return convertsUnboundData(e.func.object, loopBound);
  const callee = dottedName(e.func);
  const first = positionalArgument(e, 0);
  return callee !== undefined && CONVERTING_FUNCTIONS.has(callee) && first !== undefined && convertsUnboundData(first, loopBound);
}

/**
 * The expression a loop body binds `name` to on every pass, where its one binding in the body is a plain
 * `name = expr` (or `name, other = expr, other_expr`) among the body's own statements (not under an `if`, a nested loop or a `with`) and `expr` only
 * converts data the loop does not bind (`loopBound`); `name` itself where `expr` is `name` under methods that keep
 * what it holds (`model = model.train()`: the module it named before the loop); undefined otherwise.
 */
export function loopInvariantBinding(body: Statement[], name: string, loopBound: ReadonlySet<string>): Expression | undefined {
  let bindings = 0;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.some((t) => targetNames(t).includes(name))) bindings++;
    else if ((s.type === "augmented" || s.type === "annotated") && targetNames(s.target).includes(name)) bindings++;
    else if (s.type === "for" && targetNames(s.target).includes(name)) bindings++;
    else if (s.type === "with" && s.items.some((i) => i.target && targetNames(i.target).includes(name))) bindings++;
  });
  if (bindings !== 1) return undefined;
  const own = body.flatMap((s) => (s.type === "assign" && s.targets.length === 1 ? pairedValue(s.targets[0], s.value, name) : []))[0];
  if (!own) return undefined;
  if (keepsOwnValue(own.value, name)) return { type: "name", id: name, pos: own.target.pos };
  return convertsUnboundData(own.value, loopBound) ? own.value : undefined;
}

/** The value an assignment gives `name`: `name = expr`, or its item of a tuple written out on both sides
 *  (`inputs, labels = X_train, y_train`: Python evaluates the right-hand tuple, then unpacks it item by item). */
function pairedValue(target: Expression, value: Expression, name: string): { target: Expression; value: Expression }[] {
  if (target.type === "name") return target.id === name ? [{ target, value }] : [];
  if ((target.type !== "tuple" && target.type !== "list") || (value.type !== "tuple" && value.type !== "list") || target.items.length !== value.items.length) return [];
  const i = target.items.findIndex((t) => t.type === "name" && t.id === name);
  return i < 0 ? [] : [{ target: target.items[i], value: value.items[i] }];
}
