// An on-policy agent's update that waits for a full rollout: `def train(self): if self.memory.length < 64: return`,
// then `self.memory.sample()`, which empties the buffer (`self.reset()` setting `self.length = 0`), the buffer's own
// `update(...)` adding one to `length` on each transition the loop stores. Python runs the guard on every call, so a
// loop storing one transition and calling the update once a pass steps on one pass in 64: on the 64th, the 128th...
// A buffer that is never emptied (a replay memory's `if batch_size > self.memory.size: return`) only delays the first
// update, and is no cadence.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { lookupClassAttribute } from "../interp/classes";
import { callsInBody, dottedName } from "../python/syntax-walk";
import { addsOne } from "./while-epochs";

/** The rollout length an update method waits for before each step, the buffer emptied by the update; undefined when
 *  the method has no such guard. `self` is the object the method runs on; `value` reads the guard's bound. */
export function rolloutPeriod(method: FunctionDefinition, self: Value | undefined, value: (e: Expression) => number | undefined): number | undefined {
  const selfName = method.params[0]?.name;
  if (!selfName || self?.kind !== "instance") return undefined;
  const guard = method.body.find((s) => s.type === "if");
  if (guard?.type !== "if" || !returnsOnly(guard.body) || guard.orelse.length > 0) return undefined;
  // Only a guard ahead of the method's work: the statements before it must not hold its training.
  if (method.body.indexOf(guard) > 0 && method.body.slice(0, method.body.indexOf(guard)).some((s) => s.type !== "expression" && s.type !== "assign")) return undefined;
  const test = guard.test;
  if (test.type !== "compare" || test.ops.length !== 1 || (test.ops[0] !== "<" && test.ops[0] !== ">")) return undefined;
  // `buffer.length < K` or `K > buffer.length`.
  const [counted, bound] = test.ops[0] === "<" ? [test.left, test.comparators[0]] : [test.comparators[0], test.left];
  const counter = dottedName(counted)?.split(".");
  if (!counter || counter.length !== 3 || counter[0] !== selfName) return undefined;
  const [, holder, field] = counter;
  const buffer = self.attributes.get(holder);
  if (buffer?.kind !== "instance") return undefined;
  const period = value(bound);
  if (period === undefined || period <= 1) return undefined;
  const methodOf = (name: string): FunctionDefinition | undefined => {
    const fn = lookupClassAttribute(buffer.cls, name);
    return fn?.kind === "function" && fn.definition.type === "function" ? fn.definition : undefined;
  };
  // The buffer counts one item a store: some method of its class adds one to the field.
  const methods = buffer.cls.mro.flatMap((c) => [...c.attributes.values()]).flatMap((v) => (v.kind === "function" && v.definition.type === "function" ? [v.definition] : []));
  if (!methods.some((m) => storesOne(m, field))) return undefined;
  // The update empties it: a method it calls on the buffer sets the field to 0, itself or through the buffer's own method.
  const called = callsInBody(method.body).flatMap((c) => (c.func.type === "attribute" && dottedName(c.func.object) === `${selfName}.${holder}` ? [c.func.name] : []));
  return called.some((name) => emptiesField(methodOf(name), field, methodOf)) ? period : undefined;
}

/** Whether a block is a bare `return` (or `return None`). */
function returnsOnly(body: Statement[]): boolean {
  if (body.length !== 1 || body[0].type !== "return") return false;
  const v = body[0].value;
  return !v || (v.type === "constant" && v.value === "None");
}

/** Whether a method adds one to `self.<field>` at its own level. */
function storesOne(method: FunctionDefinition, field: string): boolean {
  const self = method.params[0]?.name;
  return self !== undefined && method.body.some((s) => addsOne(s, `${self}.${field}`));
}

/** Whether a method sets `self.<field> = 0`, or calls a method of its own object that does (one level). */
function emptiesField(method: FunctionDefinition | undefined, field: string, methodOf: (name: string) => FunctionDefinition | undefined, depth = 0): boolean {
  const self = method?.params[0]?.name;
  if (!method || !self) return false;
  if (method.body.some((s) => s.type === "assign" && s.targets.length === 1 && dottedName(s.targets[0]) === `${self}.${field}` && s.value.type === "int" && s.value.value === 0)) return true;
  if (depth > 0) return false;
  return method.body.some((s) => s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && dottedName(s.value.func.object) === self && emptiesField(methodOf(s.value.func.name), field, methodOf, depth + 1));
}
