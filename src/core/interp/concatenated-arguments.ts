// Forward arguments that reach a Linear only concatenated along features: a critic's forward(state, action) cats
// them before its first layer, which reads their total width. Each argument's own width comes from what else is in
// the cat (a layer's output of known width) or from the sum the Linear's width was written as (summed-widths.ts).
import type { Expression, FunctionDefinition } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { moduleAttribute, requiredArguments, soleArgument } from "./argument-consumers";
import { namedModules } from "../torch/module-tree";
import type { InstanceValue } from "./values";

/** A part of a concatenation: a forward argument (index), or a width known from the layer that computed it. */
type Part = { argument: number } | { width: number };

/** torch's concatenations along a 2-D input's features (dim 1 or -1); hstack joins along dim 1 itself. */
const CONCATENATIONS = /^(torch\.)?(cat|concat|concatenate)$/;

/** Widths of forward arguments that reach a Linear concatenated with others (argument index -> features). */
export function concatenatedArgumentWidths(model: InstanceValue, forward: FunctionDefinition): Map<number, number> {
  const widths = new Map<number, number>();
  const params = requiredArguments(forward);
  const origin = new Map<string, number>(params.map((p, i) => [p.name, i]));
  const joined = new Map<string, Part[]>();
  // Names bound to a layer's output (`xs = F.relu(self.fcs1(state))`), with its width.
  const computed = new Map<string, number>();
  forEachStatement(forward.body, ({ statement }) => {
    for (const e of ownExpressions(statement)) {
      forEachExpression(e, (x) => {
        if (x.type !== "call") return;
        const attribute = moduleAttribute(x.func);
        const first = x.args.find((a) => a.kind === "positional")?.value;
        if (!attribute || !first) return;
        const parts = first.type === "call" ? concatenation(first, model, origin, computed) : first.type === "name" ? joined.get(first.id) : undefined;
        if (parts) resolve(parts, inputLinear(model, attribute), widths);
      });
    }
    if (statement.type === "assign" && statement.targets.length === 1 && statement.targets[0].type === "name") {
      const target = statement.targets[0].id;
      // The parts are read before the target rebinds a name they use (`x = torch.cat([x, a], 1)`).
      const parts = statement.value.type === "call" ? concatenation(statement.value, model, origin, computed) : undefined;
      if (parts) joined.set(target, parts);
      else joined.delete(target);
      const width = parts ? undefined : outputWidth(statement.value, model);
      if (width !== undefined) computed.set(target, width);
      else computed.delete(target);
      const i = soleArgument(statement.value, origin);
      if (i !== undefined) origin.set(target, i);
      else origin.delete(target);
    }
  });
  return widths;
}

/** The parts of `torch.cat([a, b], 1)` (or dim=-1), each an argument or a layer output of known width. */
function concatenation(call: Extract<Expression, { type: "call" }>, model: InstanceValue, origin: ReadonlyMap<string, number>, computed: ReadonlyMap<string, number>): Part[] | undefined {
  const name = dottedName(call.func);
  if (!name || !CONCATENATIONS.test(name)) return undefined;
  const positional = call.args.filter((a) => a.kind === "positional").map((a) => a.value);
  const keyword = call.args.find((a) => a.kind === "keyword" && a.name === "dim");
  const dim = keyword?.kind === "keyword" ? keyword.value : positional[1];
  const along = dim?.type === "int" ? dim.value : dim?.type === "unary" && dim.op === "-" && dim.operand.type === "int" ? -dim.operand.value : undefined;
  const list = positional[0];
  if ((along !== 1 && along !== -1) || (list?.type !== "list" && list?.type !== "tuple") || list.items.length < 2) return undefined;
  const parts: Part[] = [];
  for (const item of list.items) {
    const argument = soleArgument(item, origin);
    if (argument !== undefined) parts.push({ argument });
    else {
      const width = item.type === "name" ? computed.get(item.id) : outputWidth(item, model);
      if (width === undefined) return undefined;
      parts.push({ width });
    }
  }
  return parts;
}

/** Features out of the one module call an item applies (`F.relu(self.fc(state))`): its last Linear's width. */
function outputWidth(item: Expression, model: InstanceValue): number | undefined {
  const attributes: string[] = [];
  forEachExpression(item, (x) => {
    const a = x.type === "call" ? moduleAttribute(x.func) : undefined;
    if (a) attributes.push(a);
  });
  if (attributes.length === 0) return undefined;
  const sub = model.module?.children.get(attributes[0]);
  if (sub?.kind !== "instance") return undefined;
  const linears = namedModules(sub).map(([, m]) => m).filter((m) => m.module!.parameters.get("weight")?.kind === "tensor");
  const last = linears[linears.length - 1];
  const weight = last?.module!.parameters.get("weight");
  return last && isLinear(last) && weight?.kind === "tensor" ? weight.shape[0] : undefined;
}

/** The Linear a module attribute first applies (itself, or the first layer with weights of a Sequential). */
function inputLinear(model: InstanceValue, attribute: string): InstanceValue | undefined {
  const sub = model.module?.children.get(attribute);
  if (sub?.kind !== "instance") return undefined;
  const first = namedModules(sub).map(([, m]) => m).find((m) => m.module!.parameters.get("weight")?.kind === "tensor");
  return first && isLinear(first) ? first : undefined;
}

function isLinear(m: InstanceValue): boolean {
  return (m.cls.layer ?? m.cls.mro.find((c) => c.layer)?.layer)?.name === "Linear";
}

/** Widths for a concatenation's arguments: one unknown part is the rest of the Linear's width; several take the
 *  parts of the sum the width was written as, in order, when the known parts agree with it. */
function resolve(parts: Part[], linear: InstanceValue | undefined, widths: Map<number, number>): void {
  const weight = linear?.module!.parameters.get("weight");
  if (weight?.kind !== "tensor") return;
  const total = weight.shape[1];
  const unknown = parts.filter((p): p is { argument: number } => "argument" in p);
  const known = parts.reduce((s, p) => s + ("width" in p ? p.width : 0), 0);
  const set = (argument: number, width: number) => {
    if (width > 0 && !widths.has(argument)) widths.set(argument, width);
  };
  if (unknown.length === 1) return set(unknown[0].argument, total - known);
  const sum = linear!.module!.summedWidths;
  if (!sum || sum.length !== parts.length || parts.some((p, i) => "width" in p && p.width !== sum[i])) return;
  parts.forEach((p, i) => "argument" in p && set(p.argument, sum[i]));
}
