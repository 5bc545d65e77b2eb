// A script or notebook that builds and trains several models in turn (`model_0 = ...`, its loop, `model_1 = ...`, its
// loop; or one name re-bound to each new model before its `fit`): each model is trained by the module-level statements
// that use the binding it holds, as Python runs them, not by the first loop of the file. This finds, for each model,
// the module-level statements that train the other models, so that its training plan can be read without them.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions, boundNames } from "../python/syntax-walk";
import type { CodeSite } from "./code-sites";

/** A model the analysis built from a module-level binding: the name it is bound to and the line of that binding. */
export interface BoundModel {
  name: string;
  line: number;
}

/** Most models a file is read for one by one: each is a training plan read again. */
const MAX_MODELS_IN_TURN = 32;



/** What a statement reads: its expressions less the names it binds (`model = ...` does not read `model`). */
function readExpressions(s: Statement): Expression[] {
  const loaded = (target: Expression): Expression[] => (target.type === "name" ? [] : target.type === "tuple" || target.type === "list" ? target.items.flatMap(loaded) : target.type === "starred" ? loaded(target.value) : [target]);
  if (s.type === "assign") return [...s.targets.flatMap(loaded), s.value];
  if (s.type === "annotated") return s.value ? [...loaded(s.target), s.value] : [];
  if (s.type === "for") return [...loaded(s.target), s.iter];
  return ownExpressions(s);
}

/** Whether a statement (its nested blocks included, function and class bodies not) reads `name`. */
/** Whether a statement reads `name` (its targets aside): `x = f(x)` reads x, `x = Net()` does not. */
export function reads(s: Statement, name: string): boolean {
  let found = false;
  forEachStatement([s], ({ statement }) => {
    if (found) return;
    for (const e of readExpressions(statement)) forEachExpression(e, (node) => {
      if (node.type === "name" && node.id === name) found = true;
    });
  }, [], () => false);
  return found;
}

/** A model's own module-level statements (those using its binding) and those of the other bindings. */
export interface ModelStatements {
  own: ReadonlySet<Statement>;
  others: ReadonlySet<Statement>;
}

/**
 * For each model, the module-level statements that use its binding, and those that use another binding of a model's
 * name and not its own (a loop calling `model_0(X_train)`, a `model.fit(...)` made while `model` held an earlier or
 * later model): undefined for a model whose own binding no later statement uses, or when fewer than two bindings of
 * those names exist (nothing to tell apart).
 */
export function otherModelsTraining(body: Statement[], models: readonly BoundModel[]): (ModelStatements | undefined)[] {
  const none = models.map(() => undefined);
  if (models.length < 2 || models.length > MAX_MODELS_IN_TURN) return none;
  // Every module-level binding of the models' names (those the analysis could not build too), with the statements
  // that use it: after it, up to the next statement binding the name again.
  const uses = new Map<Statement, Map<string, Set<Statement>>>();
  for (const name of new Set(models.map((m) => m.name))) {
    let current: Set<Statement> | undefined;
    for (const s of body) {
      if (s.type === "function" || s.type === "class") continue;
      const read = reads(s, name);
      if (read && current) current.add(s);
      // `model = model.to(device)`, `model = nn.DataParallel(model)`: the same model, bound again.
      if (boundNames(s).includes(name) && !read) {
        current = new Set();
        const byName = uses.get(s) ?? new Map<string, Set<Statement>>();
        byName.set(name, current);
        uses.set(s, byName);
      }
    }
  }
  const all = [...uses.values()].flatMap((byName) => [...byName.values()]);
  if (all.length < 2) return none;
  return models.map((m) => {
    // The model's binding: the module-level assignment to its name on its line.
    const at = body.find((s) => s.pos.line <= m.line && m.line <= s.pos.endLine && boundNames(s).includes(m.name));
    const own = at ? uses.get(at)?.get(m.name) : undefined;
    if (!own || own.size === 0) return undefined;
    const others = new Set<Statement>();
    for (const used of all) if (used !== own) for (const s of used) if (!own.has(s)) others.add(s);
    return others.size > 0 ? { own, others } : undefined;
  });
}

/** The sites, less the module-level ones inside the given statements (another model's training). */
export function sitesOutside(sites: CodeSite[], exclude: ReadonlySet<Statement> | undefined): CodeSite[] {
  if (!exclude || exclude.size === 0) return sites;
  const spans = [...exclude].map((s) => s.pos);
  const at = (site: CodeSite) => (site.kind === "call" ? site.call.pos : site.kind === "constant" ? site.value.pos : site.loop.pos);
  return sites.filter((site) => site.context.fn !== undefined || !spans.some((p) => p.startIndex <= at(site).startIndex && at(site).endIndex <= p.endIndex));
}

/** The module's statements less the given ones (another model's training): a call to another file's training
 *  function that those statements make (`train_model(model=model, ...)` while `model` held another model) is not
 *  this model's run, nor one of its calls in turn. */
export function statementsOutside(body: Statement[], exclude: ReadonlySet<Statement> | undefined): Statement[] {
  return exclude && exclude.size > 0 ? body.filter((s) => !exclude.has(s)) : body;
}

/** Whether a line lies in one of the statements, or in a module-level function they call (a loop the statements
 *  call), by name or through other module-level functions: a function's loop runs only when something calls it, so a
 *  model bound before another takes the function's run only where its own statements make the call. */
export function lineWithin(line: number | undefined, statements: ReadonlySet<Statement>, body: Statement[]): boolean {
  if (line === undefined) return false;
  const inside = (s: Statement) => s.pos.line <= line && line <= s.pos.endLine;
  if ([...statements].some(inside)) return true;
  return [...calledFunctions(statements, body)].some(inside);
}

/** The module-level functions a set of statements names, and those the named ones name in turn. */
function calledFunctions(statements: ReadonlySet<Statement>, body: Statement[]): Set<FunctionDefinition> {
  const functions = new Map(body.flatMap((s) => (s.type === "function" ? [[s.name, s] as const] : [])));
  const reached = new Set<FunctionDefinition>();
  const pending: Statement[] = [...statements];
  while (pending.length > 0) {
    forEachStatement([pending.pop()!], ({ statement }) => {
      for (const root of ownExpressions(statement)) forEachExpression(root, (node) => {
        const fn = node.type === "name" ? functions.get(node.id) : undefined;
        if (fn && !reached.has(fn)) {
          reached.add(fn);
          pending.push(...fn.body);
        }
      });
    });
  }
  return reached;
}

/** Whether a module-level statement between two lines binds `name` to something new (not `model = model.to(...)`). */
export function rebindsBetween(body: Statement[], name: string, after: number, before: number): boolean {
  return body.some((s) => s.pos.line > after && s.pos.endLine < before && boundNames(s).includes(name) && !reads(s, name));
}

/** Whether the module binds `name` afresh more than once (`X_train = ...` in one cell, again in a later one): its
 *  value in the module's namespace is then the last binding's, not necessarily the one a given statement reads. */
export function boundAfreshTwice(body: Statement[], name: string): boolean {
  return body.filter((s) => boundNames(s).includes(name) && !reads(s, name)).length > 1;
}
