// The batch a step loop draws from a data object of the project's own by calling one of its methods, as recommender
// and knowledge-graph code does (`batch_data = data_generator.generate_train_batch()`, `users, pos, neg =
// data_generator.sample()`): the method reads the object's `self.batch_size`, set in `__init__` from the script's
// argument, and Python runs it with that object as `self`, so each call draws that many items.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsAnywhere, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { methodsReached } from "../interp/classes";
import type { Value } from "../interp/values";

/** Methods read on the data object, at most: the called one and those it calls on itself. */
const MAX_METHODS = 6;
/** An attribute that holds a batch's size: named so, or `B`, the batch dimension of the B, T, C convention that
 *  GPT training code writes its shapes in (`x = buf[:-1].view(B, T)` after `B, T = self.B, self.T`). */
const BATCH_ATTRIBUTE = /^(batch_?size|bs)$/i;
const isBatchAttribute = (name: string) => BATCH_ATTRIBUTE.test(name) || name === "B";

/** The object's batch size a method of the project's own draws when a block calls it on a data object (an instance of
 *  a workspace class that is not a module), followed through the methods it calls on `self`, one call deep; undefined when
 *  no such call reads one. `evaluate` works out the call's receiver where the block is; `setBefore` gives what an
 *  earlier call on the receiver sets the attribute to, if one does. */
export function methodDrawnBatch(block: Statement[], evaluate: (e: Expression) => Value | undefined, setBefore?: (receiver: string, object: Value, attribute: string) => Expression | undefined): { value: Value; call: Expression; attribute: string; className: string } | undefined {
  for (const call of callsAnywhere(block)) {
    if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id === "self") continue;
    const object = evaluate(call.func.object);
    if (object?.kind !== "instance" || object.module !== undefined) continue;
    const attribute = batchAttributeRead(methodsReached(object, call.func.name, 1, MAX_METHODS));
    // A property (`@property def batch_size(self): return self._batch_size`) is read as Python reads it, through the getter.
    // A method called on the object before the loop that sets the attribute from its argument (batch-set-by-call.ts)
    // leaves the value the draws read.
    const set = attribute ? setBefore?.(call.func.object.id, object, attribute) : undefined;
    const value = attribute ? (set ? evaluate(set) : undefined) ?? object.attributes.get(attribute) ?? evaluate({ type: "attribute", object: call.func.object, name: attribute, pos: call.func.pos }) : undefined;
    if (attribute && value) return { value, call, attribute, className: object.cls.name };
  }
  return undefined;
}

/** The first `self.<batch size>` attribute the methods read, in the order given. */
function batchAttributeRead(methods: FunctionDefinition[]): string | undefined {
  for (const definition of methods) {
    const self = definition.params[0]?.name;
    let found: string | undefined;
    forEachStatement(definition.body, ({ statement }) => {
      for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
        if (!found && e.type === "attribute" && e.object.type === "name" && e.object.id === self && isBatchAttribute(e.name)) found = e.name;
      });
    });
    if (found) return found;
  }
  return undefined;
}
