// A `while agent.n_episodes < N:` loop whose counter the loop's own body never binds: a method the body calls on that
// object advances it. The loop then runs N passes only if that method adds to the counter on every call; one that
// adds under an `if` or in a loop of its own (an episode counter moved when the environment says `done`, inside a
// rollout of several steps) makes the number of passes the run's, not N.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsInBody, forEachStatement } from "../python/syntax-walk";
import { instanceMethod } from "../interp/classes";
import type { Value } from "../interp/values";

/** Methods read at most: those the loop calls on the object, and those they call on themselves (super()'s too). */
const MAX_METHODS = 8;

/**
 * Whether the counter `obj.attr` of a while loop is advanced, by a method the loop's body calls on `obj` (or one that
 * method calls on its own object, through `super()` too), only under a condition or in a loop of that method. False
 * when no such method binds it, or each binds it straight in its body.
 */
export function advancedConditionally(body: Statement[], counter: Expression, evaluate: (e: Expression) => Value | undefined): boolean {
  if (counter.type !== "attribute" || counter.object.type !== "name") return false;
  const owner = counter.object.id;
  const attribute = counter.name;
  const object = evaluate(counter.object);
  if (object?.kind !== "instance") return false;
  const queue: FunctionDefinition[] = [];
  const add = (name: string) => {
    const method = instanceMethod(object, name);
    if (method && !queue.includes(method.definition) && queue.length < MAX_METHODS) queue.push(method.definition);
  };
  for (const call of callsInBody(body)) if (call.func.type === "attribute" && call.func.object.type === "name" && call.func.object.id === owner) add(call.func.name);
  for (let i = 0; i < queue.length; i++) {
    const self = queue[i].params[0]?.name;
    let conditional = false;
    forEachStatement(queue[i].body, ({ statement: s, ancestors }) => {
      const target = s.type === "augmented" ? s.target : s.type === "assign" && s.targets.length === 1 ? s.targets[0] : undefined;
      if (target?.type !== "attribute" || target.object.type !== "name" || target.object.id !== self || target.name !== attribute) return;
      if (ancestors.some((a) => a.type === "if" || a.type === "for" || a.type === "while" || a.type === "try")) conditional = true;
    }, [], () => false);
    if (conditional) return true;
    for (const call of callsInBody(queue[i].body)) {
      if (call.func.type !== "attribute") continue;
      const on = call.func.object;
      const onSelf = on.type === "name" && on.id === self;
      const onSuper = on.type === "call" && on.func.type === "name" && on.func.id === "super";
      if (onSelf || onSuper) add(call.func.name);
    }
  }
  return false;
}
