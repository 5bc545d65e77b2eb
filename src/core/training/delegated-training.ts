// A training method that hands the work on to an object it holds: an active-learning strategy's `train()` runs
// `self.net.train(labeled_data)`, a wrapper's `fit()` runs `self.learner.fit(loader)`. Python runs the held object's
// method, so its epoch and step loops are those of the script's call; read alone, the outer method ran no backward
// pass and the script had no training run.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { ModuleNamespaceValue, Value } from "../interp/values";
import { instanceMethod } from "../interp/classes";
import { callsIn, forEachStatement } from "../python/syntax-walk";

/** The held object's method a bound method calls, with that object. */
export interface DelegatedTraining {
  definition: FunctionDefinition;
  module: ModuleNamespaceValue;
  self: Value;
  /** The loops of the delegating method that hold the call, outermost first: the held method runs once a pass. */
  loops: Extract<Statement, { type: "for" | "while" }>[];
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
  const selfName = definition.params[0]?.name;
  if (!selfName || !receiver || self.kind !== "instance") return undefined;
  const calls: { call: Extract<Expression, { type: "call" }>; loops: Extract<Statement, { type: "for" | "while" }>[] }[] = [];
  forEachStatement(definition.body, ({ statement, ancestors }) => {
    const loops = ancestors.filter((a): a is Extract<Statement, { type: "for" | "while" }> => a.type === "for" || a.type === "while");
    for (const call of callsIn(statement, false)) calls.push({ call, loops });
  }, [], () => false);
  for (const { call, loops } of calls) {
    const func = call.func;
    if (func.type !== "attribute" || func.object.type !== "attribute" || func.object.object.type !== "name" || func.object.object.id !== selfName) continue;
    // `self.net` read as `strategy.net` where the script calls `strategy.train()`: the same object.
    const held = evaluate({ type: "attribute", object: receiver, name: func.object.name, pos: func.object.pos });
    const method = held ? instanceMethod(held, func.name) : undefined;
    const home = method?.module.file;
    if (held && method && home && trains(method.definition, home)) return { definition: method.definition, module: method.module, self: held, loops };
  }
  return undefined;
}
