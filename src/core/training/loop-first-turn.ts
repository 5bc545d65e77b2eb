// What a loop's target holds on the loop's first turn, as Python binds it: the first item of the iterable, unpacked
// into the target's names (`for k, (fit_idx, held_idx) in enumerate(folds):` binds k = 0 and the first pair). A site
// inside the loop is read for one turn; where the analyzer evaluates such a site without running the loop, a name the
// loop binds is read from this first item.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";

/** The value `name` takes on the first turn of `for target in iter`, given the iterable's value (enumerate's pairs are
 *  worked out from the list it numbers); undefined when the target does not bind the name or the item is not known. */
export function firstTurnValue(target: Expression, iter: Expression, name: string, evaluate: (e: Expression) => Value | undefined): Value | undefined {
  const enumerated = iter.type === "call" && iter.func.type === "name" && iter.func.id === "enumerate" && iter.args[0]?.kind === "positional" ? iter.args[0].value : undefined;
  const items = firstItem(evaluate(enumerated ?? iter));
  if (items === undefined) return undefined;
  const item: Value = enumerated ? { kind: "tuple", items: [{ kind: "int", value: 0 }, items] } : items;
  return unpack(target, item, name);
}

/** The first item of a list, tuple or iterator. */
function firstItem(v: Value | undefined): Value | undefined {
  if (v?.kind === "list" || v?.kind === "tuple") return v.items[0];
  if (v?.kind === "iterator") return v.items[v.index];
  return undefined;
}

/** The part of `value` a target pattern binds to `name`. */
function unpack(target: Expression, value: Value, name: string): Value | undefined {
  if (target.type === "name") return target.id === name ? value : undefined;
  if ((target.type !== "tuple" && target.type !== "list") || (value.kind !== "tuple" && value.kind !== "list") || value.items.length !== target.items.length) return undefined;
  for (let i = 0; i < target.items.length; i++) {
    const found = unpack(target.items[i], value.items[i], name);
    if (found !== undefined) return found;
  }
  return undefined;
}
