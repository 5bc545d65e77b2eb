// A training function called inside counted loops runs its whole training once a turn: federated learning's
// `for r in range(rounds): for c in clients: local.train(net)`, active learning's `for cycle in range(cycles):
// train(models, ..., EPOCH)`, repeated trials. Python runs the callee's epoch loop again on every turn, so the run is
// the turns times the callee's epochs and steps; read alone, the callee's loop counted one call.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callerAncestors, forEachExpression, forEachStatement, mentions, ownExpressions } from "../python/syntax-walk";
import { callsFunction } from "../python/ray-remote";

/** How many callers up a function called once is followed (`main()` → `run_trials()` → `train(...)`). */
const MAX_DEPTH = 3;

type ForStatement = Extract<Statement, { type: "for" }>;

/** The loops around a call, outermost first, through the callers of the functions it sits in. */
export interface LoopsAroundCall {
  /** The `for` loops that enclose the call, or the one call of a function it sits in, outermost first. */
  loops: ForStatement[];
}

/**
 * The `for` loops that run `call` again on each of their turns: those around it in its own function (or at module
 * level), and, while the function it sits in is called by name exactly once in `body`, those around that call.
 * Undefined when a `while` encloses any of them (its turns are not counted here); no loops when none encloses it.
 */
export function loopsAroundCall(call: Expression, body: Statement[], text: string): LoopsAroundCall | undefined {
  const ancestors = ancestorsOf(call, body);
  if (!ancestors) return undefined;
  const loops: ForStatement[] = [];
  let chain = ancestors;
  for (let depth = 0; ; depth++) {
    // Ancestors of the call within its own function: those after the last function definition.
    const fnIndex = chain.map((s) => s.type === "function").lastIndexOf(true);
    const own = chain.slice(fnIndex + 1);
    if (own.some((s) => s.type === "while")) return undefined;
    loops.unshift(...own.filter((s): s is ForStatement => s.type === "for"));
    if (fnIndex < 0) break;
    const fn = chain[fnIndex] as FunctionDefinition;
    // A method, or a function nested in another, is not followed: only module-level functions called by name.
    if (fnIndex > 0 || depth >= MAX_DEPTH) break;
    const callers = callerAncestors(fn, body, text);
    if (callers.length !== 1) break;
    chain = callers[0];
  }
  return { loops };
}

/** The statements enclosing the statement that holds `call` (not that statement itself, unless it is a compound one
 *  whose own expressions hold the call, as `for x in f():` does: then it is not among them). */
function ancestorsOf(call: Expression, body: Statement[]): Statement[] | undefined {
  let found: Statement[] | undefined;
  forEachStatement(body, ({ statement, ancestors }) => {
    if (found || statement.pos.startIndex > call.pos.startIndex || call.pos.endIndex > statement.pos.endIndex) return;
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e === call) found = ancestors;
    });
  });
  return found;
}

/** The one call of `fn` by name in `body` (outside `fn`), when there is exactly one. */
export function onlyCallOf(fn: FunctionDefinition, body: Statement[], text: string): Extract<Expression, { type: "call" }> | undefined {
  const named = mentions(text, [fn.name]);
  // A method of a module-level class is called on an object of that class: `fitter.fit_one(x)` where the module binds
  // `fitter = Fitter(...)`, or `self.fit_one(x)` in the class's own methods.
  const owner = body.find((s): s is Extract<Statement, { type: "class" }> => s.type === "class" && s.body.includes(fn));
  const objects = owner ? objectsOf(owner.name, body) : undefined;
  const calls: Extract<Expression, { type: "call" }>[] = [];
  forEachStatement(
    body,
    ({ statement, ancestors }) => {
      const inOwner = owner !== undefined && ancestors.includes(owner);
      for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
        if (e.type !== "call") return;
        if (!owner && callsFunction(e, fn)) calls.push(e);
        else if (owner && e.func.type === "attribute" && e.func.name === fn.name && e.func.object.type === "name" && (objects!.has(e.func.object.id) || (inOwner && e.func.object.id === "self"))) calls.push(e);
      });
    },
    [],
    (def) => def !== fn && named(def.pos.startIndex, def.pos.endIndex) > 0,
  );
  return calls.length === 1 ? calls[0] : undefined;
}

/** The names the module's statements (at any depth) bind to a new object of class `cls` (`fitter = Fitter(net)`). */
function objectsOf(cls: string, body: Statement[]): Set<string> {
  const names = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.value.type !== "call" || s.value.func.type !== "name" || s.value.func.id !== cls) return;
    for (const t of s.targets) if (t.type === "name") names.add(t.id);
  });
  return names;
}
