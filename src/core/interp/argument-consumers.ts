// Which submodule each tensor argument of a forward() is handed to first, read from the syntax: the input advice
// (defaults for a model that builds, hints for one that needs constructor arguments) gives each argument the input
// its own first layer reads, instead of one input for all of them.
import type { Expression, FunctionDefinition } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

/** A required argument of a forward and the `self.<attribute>` module that first reads it, if one does. */
export interface ArgumentConsumer {
  name: string;
  attribute?: string;
  /** Every module that reads it, in the order the forward's text calls them (`attribute` first): where the first is
   *  not built (a branch the constructor skipped, `self.rbr_reparam` only when deploying), the next one is. */
  attributes: string[];
}

/**
 * The required positional arguments of a forward (self left out), each with the `self.<attribute>(...)` module call
 * it first reaches as the first argument, through names derived from it alone (`x = x.view(b, -1)`, `h = x * 2`).
 * What a module computed, or what mixes two arguments (`emb(ids) * mask`), no longer stands for an argument.
 */
export function argumentConsumers(forward: FunctionDefinition): ArgumentConsumer[] {
  const params = requiredArguments(forward);
  const consumers: ArgumentConsumer[] = params.map((p) => ({ name: p.name, attributes: [] }));
  const origin = new Map<string, number>(params.map((p, i) => [p.name, i]));
  // Loop names that walk a module list (`for i, block in enumerate(self.blocks): x = block(x)`): a call of one is a
  // call of that list's modules, its first one first.
  const walked = new Map<string, string>();
  forEachStatement(forward.body, ({ statement }) => {
    if (statement.type === "for") {
      const list = walkedModuleList(statement.target, statement.iter);
      if (list) walked.set(list.name, list.attribute);
    }
    for (const e of ownExpressions(statement)) {
      forEachExpression(e, (x) => {
        if (x.type !== "call") return;
        const attribute = moduleAttribute(x.func) ?? (x.func.type === "name" ? walked.get(x.func.id) : undefined);
        const first = x.args.find((a) => a.kind === "positional");
        const i = first && attribute ? soleArgument(first.value, origin, walked) : undefined;
        if (i === undefined || !attribute) return;
        if (consumers[i].attribute === undefined) consumers[i].attribute = attribute;
        if (!consumers[i].attributes.includes(attribute)) consumers[i].attributes.push(attribute);
      });
    }
    if (statement.type === "assign" && statement.targets.length === 1 && statement.targets[0].type === "name") {
      const target = statement.targets[0].id;
      const i = soleArgument(statement.value, origin, walked);
      if (i !== undefined) origin.set(target, i);
      else origin.delete(target);
    }
  });
  return consumers;
}

/** The required positional parameters of a forward, self left out: read from the signature, the body left unlowered. */
export function requiredArguments(forward: FunctionDefinition): FunctionDefinition["params"] {
  return forward.params.filter((p) => p.kind === "normal").slice(1).filter((p) => !p.default);
}

/** The name a loop binds to each module of `self.<attribute>` (`for block in self.blocks`, `for i, block in
 *  enumerate(self.blocks)`), or undefined. */
function walkedModuleList(target: Expression, iter: Expression): { name: string; attribute: string } | undefined {
  const enumerated = iter.type === "call" && iter.func.type === "name" && iter.func.id === "enumerate" && iter.args[0]?.kind === "positional";
  const list = enumerated ? (iter as Extract<Expression, { type: "call" }>).args[0].value : iter;
  const attribute = list.type === "attribute" && list.object.type === "name" && list.object.id === "self" ? list.name : undefined;
  const name = enumerated ? (target.type === "tuple" && target.items.length === 2 && target.items[1].type === "name" ? target.items[1].id : undefined) : target.type === "name" ? target.id : undefined;
  return attribute && name ? { name, attribute } : undefined;
}

/** The argument an expression stands for: it reads names of exactly one argument and calls no module (nor a loop
 *  name standing for one, `walked`). */
export function soleArgument(e: Expression, origin: ReadonlyMap<string, number>, walked: ReadonlyMap<string, string> = new Map()): number | undefined {
  if (hasModuleCall(e, walked)) return undefined;
  const sources = new Set<number>();
  forEachExpression(e, (x) => {
    if (x.type === "name" && origin.has(x.id)) sources.add(origin.get(x.id)!);
  });
  return sources.size === 1 ? [...sources][0] : undefined;
}

/** `a` of `self.a(...)` and `self.a[i](...)`; undefined for any other callee. */
export function moduleAttribute(func: Expression): string | undefined {
  const target = func.type === "subscript" ? func.object : func;
  return target.type === "attribute" && target.object.type === "name" && target.object.id === "self" ? target.name : undefined;
}

function hasModuleCall(e: Expression, walked: ReadonlyMap<string, string>): boolean {
  let found = false;
  forEachExpression(e, (x) => {
    if (x.type === "call" && (moduleAttribute(x.func) || (x.func.type === "name" && walked.has(x.func.id)))) found = true;
  });
  return found;
}
