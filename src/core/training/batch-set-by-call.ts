// A data object of the project's own whose batch size a method sets before the step loop draws from it: `n =
// train_set.initBatch(batch_size=batch_size)` at the top of each epoch, with `def initBatch(self, batch_size=...):
// self.batch_size = batch_size`, then `for i in range(n): x, y = train_set.getBatch()`. Python runs the call before
// the draws, so they read the size the call passed, not the one `__init__` left (often a placeholder 1).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsInBody, forEachStatement, type CallExpression } from "../python/syntax-walk";
import { instanceMethod } from "../interp/classes";
import type { Value } from "../interp/values";

/** The argument of the last call before `before` on `receiver` (a name bound to `object`) whose method assigns
 *  `self.<attribute>` one of its parameters: the expression the call passes for that parameter, keyword or
 *  positional. Undefined when no such call passes one (a default left in place keeps `__init__`'s value). */
export function batchSetByEarlierCall(body: Statement[], before: number, receiver: string, object: Value, attribute: string): Expression | undefined {
  const calls = callsInBody(body).filter((c) => c.pos.endIndex <= before && c.func.type === "attribute" && c.func.object.type === "name" && c.func.object.id === receiver);
  for (const call of calls.reverse()) {
    if (call.func.type !== "attribute") continue;
    const method = instanceMethod(object, call.func.name)?.definition;
    const parameter = method ? parameterAssigned(method, attribute) : undefined;
    const passed = method && parameter ? passedFor(method, call, parameter) : undefined;
    if (passed) return passed;
  }
  return undefined;
}

/** The parameter a method assigns to `self.<attribute>` as it is (`self.batch_size = batch_size`). */
function parameterAssigned(method: FunctionDefinition, attribute: string): string | undefined {
  const self = method.params[0]?.name;
  const parameters = new Set(method.params.slice(1).map((p) => p.name));
  let found: string | undefined;
  forEachStatement(method.body, ({ statement }) => {
    if (found || statement.type !== "assign" || statement.value.type !== "name" || !parameters.has(statement.value.id)) return;
    const value = statement.value.id;
    if (statement.targets.some((t) => t.type === "attribute" && t.name === attribute && t.object.type === "name" && t.object.id === self)) found = value;
  });
  return found;
}

/** What a bound method's call passes for a parameter: by keyword, or by position after `self`. */
function passedFor(method: FunctionDefinition, call: CallExpression, parameter: string): Expression | undefined {
  const keyword = call.args.find((a) => a.kind === "keyword" && a.name === parameter);
  if (keyword) return keyword.value;
  const index = method.params.slice(1).filter((p) => p.kind === "normal").findIndex((p) => p.name === parameter);
  if (index < 0) return undefined;
  const positional = call.args.filter((a) => a.kind === "positional" || a.kind === "star");
  const at = positional[index];
  return at && at.kind === "positional" && !positional.slice(0, index).some((a) => a.kind === "star") ? at.value : undefined;
}
