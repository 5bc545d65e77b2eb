// Which networks an optimizer updates: the parameters it is given (pytorch.org/docs/stable/optim.html, "you have to
// give it an iterable containing the parameters ... to optimize"). Read once here for the rules that need it: a network
// no optimizer takes is not trained (frozen-models.ts), and each optimizer's own cadence is its networks' (update-cadence.ts).
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement, type CallExpression, type EnterFunction } from "../python/syntax-walk";

/** torch.optim's algorithms (pytorch.org/docs/stable/optim.html#algorithms, torch 2.5) and common third-party ones. */
export const OPTIMIZER_CLASS = /^(Adadelta|Adafactor|Adagrad|Adam|AdamW|SparseAdam|Adamax|ASGD|LBFGS|NAdam|RAdam|RMSprop|Rprop|SGD|Lamb|LARS|LARSSGD|Lion|AdaBelief|Ranger|Lookahead|Adan|Novograd|FusedAdam|FusedLAMB|DeepSpeedCPUAdam)$/;
/** torch's tensor factories (pytorch.org/docs/stable/torch.html, "Creation Ops"): what they make is a tensor, not a
 *  network's parameters. */
const TENSOR_CREATORS = /^(torch\.)?(zeros|ones|full|tensor|empty|rand|randn|zeros_like|ones_like|full_like|nn\.Parameter|Parameter)$/;

/** Whether a call builds an optimizer (`torch.optim.Adam(...)`, `optim.SGD(...)`, `Adam(...)`). */
export function isOptimizerConstruction(call: CallExpression): boolean {
  return OPTIMIZER_CLASS.test(dottedName(call.func)?.split(".").pop() ?? "");
}

/** The parameters an optimizer's construction is given: its first positional argument or `params=`. */
export function optimizerParameters(call: CallExpression): Expression | undefined {
  const first = call.args[0];
  return first?.kind === "positional" ? first.value : call.args.find((a) => a.kind === "keyword" && a.name === "params")?.value;
}

/** The names whose `.parameters()` an optimizer's argument reads (each as `nameOf` names the object), through names
 *  bound to such lists; undefined where some part of it is not traced (a name with no such binding, a call of the
 *  project's own). */
export function parameterRoots(params: Expression, assignments: Map<string, Expression[]>, nameOf: (object: Expression) => string | undefined, depth = 2): Set<string> | undefined {
  const roots = new Set<string>();
  let traced = false;
  forEachExpression(params, (e) => {
    if (e.type === "call" && e.func.type === "attribute" && (e.func.name === "parameters" || e.func.name === "named_parameters")) {
      const root = nameOf(e.func.object);
      if (root) roots.add(root);
      traced = true;
    }
  });
  if (traced) return roots;
  // `Adam([log_alpha])` after `log_alpha = torch.zeros(1, requires_grad=True)`: a tensor of its own, no network's.
  if (params.type === "list" && params.items.length > 0 && params.items.every((item) => item.type === "name" && createdTensor(assignments.get(item.id)))) return roots;
  // `opt = Adam(params)` after `params = list(G.parameters()) + list(D.parameters())`.
  if (params.type !== "name" || depth <= 0) return undefined;
  const values = assignments.get(params.id);
  if (!values || values.length === 0) return undefined;
  for (const v of values) {
    const inner = parameterRoots(v, assignments, nameOf, depth - 1);
    if (!inner) return undefined;
    for (const r of inner) roots.add(r);
  }
  return roots;
}

/** Whether every value bound to a name is a tensor torch creates (`torch.zeros(1, requires_grad=True)`). */
function createdTensor(values: Expression[] | undefined): boolean {
  return !!values && values.length > 0 && values.every((v) => v.type === "call" && TENSOR_CREATORS.test(dottedName(v.func) ?? ""));
}

/** Every value bound to a plain name anywhere in the file (in the functions `enter` lets in), by name. */
export function assignedValues(body: Statement[], enter?: EnterFunction): Map<string, Expression[]> {
  const out = new Map<string, Expression[]>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign") return;
    for (const t of s.targets) if (t.type === "name") out.set(t.id, [...(out.get(t.id) ?? []), s.value]);
  }, [], enter);
  return out;
}
