// A training method that hands the work on to an object it holds: an active-learning strategy's `train()` runs
// `self.net.train(labeled_data)`, a wrapper's `fit()` runs `self.learner.fit(loader)`. Python runs the held object's
// method, so its epoch and step loops are those of the script's call; read alone, the outer method ran no backward
// pass and the script had no training run.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { ModuleNamespaceValue, Value } from "../interp/values";
import { instanceMethod, lookupClassAttribute } from "../interp/classes";
import { callsIn, forEachStatement } from "../python/syntax-walk";
import { stepsOncePerCall } from "./stepping-calls";

/** Levels of the object's own methods (`self.update_q_net(...)`) read for the held object's call. */
const MAX_HELPER_DEPTH = 2;

/** The held object's method a bound method calls, with that object. */
export interface DelegatedTraining {
  definition: FunctionDefinition;
  module: ModuleNamespaceValue;
  self: Value;
  /** The loops of the delegating method that hold the call, outermost first: the held method runs once a pass. */
  loops: Extract<Statement, { type: "for" | "while" }>[];
  /** The held method backpropagates and steps once a call (`self.q_net.optimize(s, a, y)`): a loop of the delegating
   *  method that calls it is a step loop of that method, whose counts are then the run's (stepping-calls.ts). */
  stepsOnce: boolean;
}

/**
 * The first call `self.attr.method(...)` in `definition`'s body whose object (the attribute of `self`, read as
 * `receiver.attr` where the script's call `receiver.method(...)` is) is an instance of a workspace class whose
 * `method` runs backward passes (`trains`); undefined when there is none.
 */
export function delegatedTraining(
  definition: FunctionDefinition,
  self: Value,
  receiver: Expression | undefined,
  evaluate: (e: Expression) => Value | undefined,
  trains: (d: FunctionDefinition, home: string) => boolean,
): DelegatedTraining | undefined {
  if (!definition.params[0] || !receiver || self.kind !== "instance") return undefined;
  const calls: { call: Extract<Expression, { type: "call" }>; loops: Extract<Statement, { type: "for" | "while" }>[]; self: string }[] = [];
  const read = new Set<FunctionDefinition>([definition]);
  const gather = (d: FunctionDefinition, outer: Extract<Statement, { type: "for" | "while" }>[], depth: number) => {
    const name = d.params[0]?.name;
    if (!name) return;
    forEachStatement(d.body, ({ statement, ancestors }) => {
      const loops = [...outer, ...ancestors.filter((a): a is Extract<Statement, { type: "for" | "while" }> => a.type === "for" || a.type === "while")];
      for (const call of callsIn(statement, false)) {
        calls.push({ call, loops, self: name });
        // A method of the same object (`self.update_q_net(s, a, y)`) runs its body here, inside these loops: the held
        // object's training call may sit there (`self.q_net.optimize(s, a, y)`).
        const f = call.func;
        const helper = depth < MAX_HELPER_DEPTH && f.type === "attribute" && f.object.type === "name" && f.object.id === name ? instanceMethod(self, f.name)?.definition : undefined;
        if (helper && !read.has(helper)) {
          read.add(helper);
          gather(helper, loops, depth + 1);
        }
      }
    }, [], () => false);
  };
  gather(definition, [], 0);
  for (const { call, loops, self: selfName } of calls) {
    const func = call.func;
    if (func.type !== "attribute" || func.object.type !== "attribute" || func.object.object.type !== "name" || func.object.object.id !== selfName) continue;
    // `self.net` read as `strategy.net` where the script calls `strategy.train()`: the same object.
    const held = evaluate({ type: "attribute", object: receiver, name: func.object.name, pos: func.object.pos });
    const method = held ? instanceMethod(held, func.name) : undefined;
    const home = method?.module.file;
    if (held && method && home && trains(method.definition, home)) {
      const fn = held.kind === "instance" ? lookupClassAttribute(held.cls, func.name) : undefined;
      const stepsOnce = fn !== undefined && stepsOncePerCall({ kind: "bound", self: held, fn });
      return { definition: method.definition, module: method.module, self: held, loops, stepsOnce };
    }
  }
  return undefined;
}
