import type { Expression, Statement } from "../python/ast";
import type { PlacedCall, PythonFile } from "./python-file";
import type { StatementPlace } from "../python/syntax-walk";

/** The innermost function a statement sits in (undefined at module level): a name's scope. */
function scopeOf(place: StatementPlace): Statement | undefined {
  return [...place.ancestors].reverse().find((a) => a.type === "function");
}

/** The names an expression is built from by arithmetic alone (`(loss / steps)` → loss), not through attributes,
 *  subscripts or calls: `outputs.loss` is a field of what a model returned, not the value a criterion returned. */
function arithmeticNames(e: Expression): string[] {
  if (e.type === "name") return [e.id];
  if (e.type === "binary") return [...arithmeticNames(e.left), ...arithmeticNames(e.right)];
  if (e.type === "unary") return arithmeticNames(e.operand);
  return [];
}

/** The names `variable` is known by where it is called: itself, and the parameters of this file's functions it is
 *  passed to (`validate(model, criterion=criterion)` → `criterion` inside validate). */
function callNames(file: PythonFile, variable: string): Set<string> {
  const names = new Set([variable]);
  const functions = new Map<string, Extract<Statement, { type: "function" }>>();
  for (const { statement: s } of file.places) if (s.type === "function") functions.set(s.name, s);
  for (const { call } of file.calls) {
    call.args.forEach((a, i) => {
      if (a.value.type !== "name" || a.value.id !== variable) return;
      if (a.kind === "keyword") names.add(a.name);
      else if (a.kind === "positional" && call.func.type === "name") {
        const params = functions.get(call.func.id)?.params.filter((p) => p.kind === "normal" && p.name !== "self");
        const param = params?.[i];
        if (param) names.add(param.name);
      }
    });
  }
  return names;
}

/** True when an argument of the call is another callable's output: a call of a plain name (`model(x)`) or a name
 *  assigned from one in the same scope (`out = model(x)`). A criterion compares a prediction with a target. */
function takesAnotherOutput(file: PythonFile, { call, place }: PlacedCall, self: Set<string>): boolean {
  const isOther = (e: Expression) => e.type === "call" && e.func.type === "name" && !self.has(e.func.id);
  return call.args.some((a) => {
    if (isOther(a.value)) return true;
    if (a.value.type !== "name") return false;
    const id = a.value.id;
    return file.places.some((p) => p.statement.type === "assign" && scopeOf(p) === scopeOf(place) && isOther(p.statement.value) &&
      p.statement.targets.some((t) => t.type === "name" && t.id === id));
  });
}

/**
 * True when `variable` is a loss criterion, not a model: a call of it (or of the parameter it is passed to) takes
 * another module's output and its result is what `.backward()` differentiates, directly or by arithmetic
 * (`loss = criterion(model(x), y)`, then `(loss / steps).backward()`). eval() changes nothing a user needs of it.
 */
export function isLossCriterion(file: PythonFile, variable: string): boolean {
  const names = callNames(file, variable);
  const backwards = file.calls.filter(({ call }) => call.func.type === "attribute" && call.func.name === "backward");
  for (const name of names) {
    for (const use of file.callsOf(name)) {
      if (!takesAnotherOutput(file, use, names)) continue;
      if (backwards.some(({ call }) => call.func.type === "attribute" && call.func.object === use.call)) return true;
      const s = use.place.statement;
      if (s.type !== "assign" || s.value !== use.call || s.targets.length !== 1 || s.targets[0].type !== "name") continue;
      const target = s.targets[0].id;
      if (backwards.some(({ call, place }) => call.func.type === "attribute" && scopeOf(place) === scopeOf(use.place) && arithmeticNames(call.func.object).includes(target))) return true;
    }
  }
  return false;
}
