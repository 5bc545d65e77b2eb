// The array a Keras fit trains on, followed back through the file's own functions: `def train(model, data, ...):
// model.fit(data[0], data[1], ...)` called as `train(model, training_data, ...)`, with `training_data, _, _ =
// load_data()` and `load_data()` returning `(X_train, y_train), (X_valid, y_valid), ...`. Python passes the same
// objects along, so the fit's x is load_data's X_train, and a row slice that binds X_train there
// (`X_train, X_valid = X_train[5000:], X_train[:5000]`) is what the fit trains on (array-slices.ts).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsAnywhere, forEachStatement, functionsIn, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Hops through parameters, bindings and returns, at most: a chain longer than this is not followed. */
const MAX_HOPS = 12;

/** The name a fit's input comes from, in the function (or module, undefined) that binds it. */
export interface FitInputOrigin {
  name: string;
  fn: FunctionDefinition | undefined;
}

/**
 * Where `x` (a fit's input, read in `fn`) comes from: a name, followed through integer subscripts, a parameter's one
 * call in the file, a tuple unpacking and a function of the file whose one `return` gives a tuple. Undefined where a
 * step is not one of these (two calls of the function, a return of another shape).
 */
export function fitInputOrigin(x: Expression, fn: FunctionDefinition | undefined, body: Statement[]): FitInputOrigin | undefined {
  const functions = new Map(functionsIn(body).map((f) => [f.name, f]));
  // Indices still to take, outermost first: `data[0]` of `data` that is `(X, y)` is X.
  let path: number[] = [];
  let at: Expression = x;
  let scope = fn;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (at.type === "subscript" && at.index.type === "int") {
      path = [at.index.value, ...path];
      at = at.object;
      continue;
    }
    if (at.type !== "name") return undefined;
    const name = at.id;
    const parameter = scope?.params.find((p) => p.name === name);
    if (scope && parameter) {
      // The function's one call in the file passes the argument (positional by place, or by keyword).
      const calls = callsAnywhere(body).filter((c) => c.func.type === "name" && c.func.id === scope!.name);
      if (calls.length !== 1) return undefined;
      const index = scope.params.indexOf(parameter);
      const argument = keywordArgument(calls[0], name) ?? positionalArgument(calls[0], index);
      if (!argument) return undefined;
      at = argument;
      scope = enclosingFunction(calls[0], body);
      continue;
    }
    const bound = binding(name, scope ? scope.body : body);
    if (!bound) return path.length === 0 ? { name, fn: scope } : undefined;
    path = [...bound.place, ...path];
    // `X_train, X_valid = X_train[5000:], X_train[:5000]`: a tuple written out on the right pairs with the target's.
    let paired = bound.value;
    while (path.length > 0 && (paired.type === "tuple" || paired.type === "list") && bound.place.length > 0) paired = paired.items[path.shift()!] ?? paired;
    if (paired !== bound.value) return path.length === 0 ? { name, fn: scope } : undefined;
    if (bound.value.type === "call" && bound.value.func.type === "name" && functions.has(bound.value.func.id)) {
      // The called function's one return gives the value, its tuple items taken as the path says.
      const callee = functions.get(bound.value.func.id)!;
      const returned = onlyReturn(callee);
      if (!returned) return undefined;
      let value = returned;
      while (path.length > 0 && value.type === "tuple") value = value.items[path.shift()!] ?? value;
      if (path.length > 0) return undefined;
      at = value;
      scope = callee;
      continue;
    }
    // Bound to anything else (a loaded dataset's array, a slice): the name is the origin, where no index is left.
    return path.length === 0 ? { name, fn: scope } : undefined;
  }
  return undefined;
}

/** The last assignment in `body` (not in nested functions) that binds `name`, with its place in a tuple target. */
function binding(name: string, body: Statement[]): { value: Expression; place: number[] } | undefined {
  let found: { value: Expression; place: number[] } | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1) return;
    const place = placeOf(s.targets[0], name);
    if (place) found = { value: s.value, place };
  }, [], () => false);
  return found;
}

/** Where `name` sits in a (nested) tuple target: [] for the target itself, [1, 0] for `(_, (name, _))`. */
function placeOf(target: Expression, name: string): number[] | undefined {
  if (target.type === "name") return target.id === name ? [] : undefined;
  if (target.type !== "tuple" && target.type !== "list") return undefined;
  for (const [i, item] of target.items.entries()) {
    const inner = placeOf(item, name);
    if (inner) return [i, ...inner];
  }
  return undefined;
}

/** The value of a function's only `return` statement (nested functions aside). */
function onlyReturn(fn: FunctionDefinition): Expression | undefined {
  const values: Expression[] = [];
  let count = 0;
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type !== "return") return;
    count++;
    if (s.value) values.push(s.value);
  }, [], () => false);
  return count === 1 ? values[0] : undefined;
}

/** The function of the file whose body holds the call (the innermost), undefined at module level. */
function enclosingFunction(call: CallExpression, body: Statement[]): FunctionDefinition | undefined {
  let found: FunctionDefinition | undefined;
  for (const f of functionsIn(body)) {
    if (f.pos.startIndex <= call.pos.startIndex && call.pos.endIndex <= f.pos.endIndex && (!found || f.pos.startIndex >= found.pos.startIndex)) found = f;
  }
  return found;
}
