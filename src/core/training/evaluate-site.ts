// Works out a site's values with the abstract interpreter: in the module's namespace, after the few straight-line
// statements of the enclosing function that its names depend on (a backward slice: `args = parser.parse_args()`,
// `parser.add_argument(...)`, `parser = argparse.ArgumentParser()`). Loops, and calls that train, never run.
import { Budget, BudgetExceeded } from "../interp/budget";
import { dict, tuple, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import { Recorder } from "../interp/recorder";
import { PythonError, Unresolved, type Scope, type Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { namesIn, ownExpressions, rootName } from "../python/syntax-walk";
import type { SiteContext } from "./code-sites";

/** Methods whose call statements are training or evaluation work, never configuration. */
const WORK_METHODS = new Set(["fit", "fit_generator", "train", "train_on_batch", "backward", "step", "evaluate", "predict", "test", "save", "run", "zero_grad"]);

/** The statements of `before` that the expressions' names depend on, in order. */
export function dependencySlice(expressions: Expression[], before: Statement[]): Statement[] {
  const needed = namesIn(expressions, new Set());
  const chosen: Statement[] = [];
  const binds = (target: Expression): boolean => {
    if (target.type === "tuple" || target.type === "list") return target.items.some(binds);
    if (target.type === "starred") return binds(target.value);
    const root = rootName(target);
    return root !== undefined && needed.has(root);
  };
  for (let i = before.length - 1; i >= 0; i--) {
    const s = before[i];
    let take = false;
    if (s.type === "assign") take = s.targets.some(binds);
    else if (s.type === "annotated") take = s.value !== undefined && binds(s.target);
    else if (s.type === "augmented") take = binds(s.target);
    else if (s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute") {
      // `parser.add_argument(...)`, `config.update(...)`: a method call on a needed object configures it.
      take = !WORK_METHODS.has(s.value.func.name) && binds(s.value.func.object);
    }
    if (!take) continue;
    chosen.unshift(s);
    namesIn(ownExpressions(s), needed);
  }
  return chosen;
}

/** What one site evaluation may spend: config code is short, so a runaway call ends here, not in a hang. */
const SITE_STEPS = 200_000;
const SITE_MILLISECONDS = 300;

/** Evaluates expressions at a site; a value that cannot be worked out comes back as an unknown. */
export function evaluateAtSite(
  interp: Interpreter,
  moduleScope: Scope,
  file: string,
  context: SiteContext,
  expressions: Expression[],
  now: () => number,
): Value[] {
  const run = { recorder: new Recorder(), budget: new Budget(SITE_STEPS, SITE_MILLISECONDS, now) };
  const guarded = (fn: () => Value): Value => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof PythonError || err instanceof Unresolved || err instanceof BudgetExceeded) return unknown(err.message);
      // Anything else is the interpreter's own limit on this code: the figure stays unknown, the analysis goes on.
      return unknown(err instanceof Error ? err.message : String(err));
    }
  };
  return interp.withRun(run, () => interp.withFrame({ file, inModel: false }, () => {
    const scope: Scope = { names: new Map(), parent: moduleScope };
    for (const p of context.fn?.params ?? []) {
      if (p.kind === "star") scope.names.set(p.name, tuple([]));
      else if (p.kind === "doublestar") scope.names.set(p.name, dict());
      else scope.names.set(p.name, p.default ? guarded(() => interp.evaluate(p.default!, moduleScope)) : unknown(`parameter '${p.name}' is passed by the caller`));
    }
    for (const s of dependencySlice(expressions, context.before)) {
      // Each statement gets the full step allowance: one runaway call must not starve the ones after it.
      interp.budget.refillSteps();
      guarded(() => {
        interp.execute(s, scope);
        return unknown("");
      });
    }
    return expressions.map((e) => {
      interp.budget.refillSteps();
      return guarded(() => interp.evaluate(e, scope));
    });
  }));
}
