import type { Expression, Statement } from "../python/ast";
import { attributeChain, forEachExpression, forEachStatement, ownExpressions, targetNames } from "../python/syntax-walk";

// A step loop that walks the items of an array one by one and gives each a leading axis of one before the model
// sees it (`for x in data: t = torch.from_numpy(x).unsqueeze(0)`, `x[None]`, `np.expand_dims(x, 0)`) steps on a batch
// of one item: PyTorch's `unsqueeze(0)` and numpy's `None` index add the batch axis of size 1.

/** The name a `for` loop binds to each item: its target, or the second of `for i, x in enumerate(...)`. */
function itemName(loop: Extract<Statement, { type: "for" }>): string | undefined {
  if (loop.target.type === "name") return loop.target.id;
  const enumerated = loop.iter.type === "call" && attributeChain(loop.iter.func) === "enumerate";
  if (enumerated && loop.target.type === "tuple" && loop.target.items.length === 2 && loop.target.items[1].type === "name") return loop.target.items[1].id;
  return undefined;
}

function readsAny(e: Expression, names: ReadonlySet<string>): boolean {
  let found = false;
  forEachExpression(e, (x) => {
    if (x.type === "name" && names.has(x.id)) found = true;
  });
  return found;
}

/** `x.unsqueeze(0)`, `torch.unsqueeze(x, 0)`, `np.expand_dims(x, 0)` or `x[None]` of an expression reading `names`. */
function addsBatchAxis(e: Expression, names: ReadonlySet<string>): boolean {
  if (e.type === "subscript") return e.index.type === "constant" && e.index.value === "None" && readsAny(e.object, names);
  if (e.type !== "call") return false;
  const zero = (a: Expression | undefined) => a?.type === "int" && a.value === 0;
  const args = e.args.filter((a) => a.kind === "positional").map((a) => a.value);
  if (e.func.type === "attribute" && e.func.name === "unsqueeze" && args.length === 1) return zero(args[0]) && readsAny(e.func.object, names);
  const callee = attributeChain(e.func);
  if (/(^|\.)(unsqueeze|expand_dims)$/.test(callee) && args.length === 2) return zero(args[1]) && readsAny(args[0], names);
  return false;
}

/** True when the loop's body gives the item it walks (or a value made from it) a leading batch axis of one. */
export function itemMadeBatchOfOne(loop: Extract<Statement, { type: "for" }>): boolean {
  const item = itemName(loop);
  if (!item) return false;
  const derived = new Set([item]);
  let found = false;
  forEachStatement(loop.body, (place) => {
    const s = place.statement;
    if (found || s.type === "function" || s.type === "class") return;
    for (const e of ownExpressions(s)) forEachExpression(e, (x) => {
      if (!found && addsBatchAxis(x, derived)) found = true;
    });
    // Names assigned from the item carry it on (`tensor = torch.from_numpy(elem)`, then `tensor.unsqueeze(0)`).
    if (s.type === "assign" && readsAny(s.value, derived)) for (const t of s.targets) for (const n of targetNames(t)) derived.add(n);
  });
  return found;
}
