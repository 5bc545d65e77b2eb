// The batch a step loop draws from a data object of the project's own by calling one of its methods, as recommender
// and knowledge-graph code does (`batch_data = data_generator.generate_train_batch()`, `users, pos, neg =
// data_generator.sample()`): the method reads the object's `self.batch_size`, set in `__init__` from the script's
// argument, and Python runs it with that object as `self`, so each call draws that many items.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsAnywhere, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { lookupClassAttribute } from "../interp/classes";
import type { Value } from "../interp/values";

/** An attribute that holds a batch's size. */
const BATCH_ATTRIBUTE = /^(batch_?size|bs)$/i;

/** The object's batch size a method of the project's own draws when a block calls it on a data object (an instance of
 *  a workspace class that is not a module), followed through the methods it calls on `self`, two deep; undefined when
 *  no such call reads one. `evaluate` works out the call's receiver where the block is. */
export function methodDrawnBatch(block: Statement[], evaluate: (e: Expression) => Value | undefined): { value: Value; call: Expression; attribute: string; className: string } | undefined {
  for (const call of callsAnywhere(block)) {
    if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id === "self") continue;
    const object = evaluate(call.func.object);
    if (object?.kind !== "instance" || object.module !== undefined) continue;
    const method = lookupClassAttribute(object.cls, call.func.name);
    if (method?.kind !== "function" || method.definition.type !== "function") continue;
    const attribute = batchAttributeRead(method.definition, (name) => lookupClassAttribute(object.cls, name), 2);
    const value = attribute ? object.attributes.get(attribute) : undefined;
    if (attribute && value) return { value, call, attribute, className: object.cls.name };
  }
  return undefined;
}

/** The `self.<batch size>` attribute a method reads, in its body or in the methods of its class it calls on `self`. */
function batchAttributeRead(definition: FunctionDefinition, method: (name: string) => Value | undefined, depth: number): string | undefined {
  const self = definition.params[0]?.name;
  if (!self) return undefined;
  let found: string | undefined;
  const called: string[] = [];
  forEachStatement(definition.body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type !== "attribute" || e.object.type !== "name" || e.object.id !== self) return;
      if (!found && BATCH_ATTRIBUTE.test(e.name)) found = e.name;
      called.push(e.name);
    });
  });
  if (found || depth <= 1) return found;
  for (const name of new Set(called)) {
    const next = method(name);
    if (next?.kind !== "function" || next.definition.type !== "function" || next.definition === definition) continue;
    const inner = batchAttributeRead(next.definition, method, depth - 1);
    if (inner) return inner;
  }
  return undefined;
}
