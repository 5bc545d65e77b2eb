// A script that builds an object of its own class with an argument short (`Solver(model, loss_fn, optim)` where
// `__init__(self, model, optim, loss_fn, metric_fn)`) stops there: Python raises TypeError ("__init__() missing 1
// required positional argument: 'metric_fn'", docs.python.org/3/reference/expressions.html#calls) before any
// training statement after it runs. The check is by arity alone, so it holds whatever the arguments' values are.
import type { Parameter } from "../python/ast";
import type { CallExpression } from "../python/syntax-walk";
import { lookupClassAttribute } from "../interp/classes";
import type { Value } from "../interp/values";

/** The TypeError Python raises for a call of a project's class (`callee`, its `__init__` in a file `ownFile` accepts)
 *  whose `__init__` has a required parameter no argument fills; undefined when every one is filled, the call spreads
 *  `*args`/`**kwargs`, or the class is not a plain class of the project (a dataclass, a metaclass, `__new__`). */
export function missingInitArguments(call: CallExpression, callee: Value | undefined, ownFile: (file: string) => boolean): string | undefined {
  if (callee?.kind !== "class" || callee.isDataclass || callee.metaclass || callee.construct || callee.layer || callee.fields) return undefined;
  if (call.args.some((a) => a.kind === "star" || a.kind === "doublestar")) return undefined;
  if (lookupClassAttribute(callee, "__new__")?.kind === "function") return undefined;
  const init = lookupClassAttribute(callee, "__init__");
  if (init?.kind !== "function" || init.definition.type !== "function" || init.isStatic || init.isClassMethod || !init.module.file || !ownFile(init.module.file)) return undefined;
  if (init.definition.decorators.length > 0) return undefined;
  const params = init.definition.params.slice(1);
  const positional = call.args.filter((a) => a.kind === "positional").length;
  const keywords = new Set(call.args.flatMap((a) => (a.kind === "keyword" ? [a.name] : [])));
  const ordered = params.filter((p) => p.kind === "normal");
  const unfilled = (p: Parameter) => p.default === undefined && !keywords.has(p.name);
  // Python reports the positional parameters first, then (when those are all given) the keyword-only ones.
  const positionalMissing = ordered.filter((p, i) => i >= positional && unfilled(p));
  const missing = positionalMissing.length > 0 ? positionalMissing : params.filter((p) => p.kind === "keywordOnly" && unfilled(p));
  if (missing.length === 0) return undefined;
  const names = missing.map((p) => `'${p.name}'`);
  const listed = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
  const kind = positionalMissing.length > 0 ? "positional" : "keyword-only";
  return `TypeError: ${callee.name}.__init__() missing ${missing.length} required ${kind} argument${missing.length > 1 ? "s" : ""}: ${listed}`;
}
