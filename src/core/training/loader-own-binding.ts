// A training loader fed a name or `self.attribute` that the code binds to a dataset of its own whose size is not
// known (`self.train_dataset = FilesDataset("training")` in a data module's setup) trains on that object, not on a
// dataset the same function sizes for other names (`self.val_dataset, self.test_dataset = random_split(test_set,
// [5000, 5000])`): Python gives the loader what the name holds. The samples are then unknown, not the other part's.
import type { Expression } from "../python/ast";
import { forEachExpression } from "../python/syntax-walk";
import type { CodeSite } from "./code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** A dataset the plan sized, bound to some names where its call is. */
export interface SizedDataset {
  site: CallSite;
  names: string[];
}

/**
 * Whether the loader's `fed` name or `self.x` holds a call that no sized dataset is, which reads none of them, while
 * every sized dataset is bound to other names or attributes in that same function: the loader's samples are unknown.
 */
export function fedOwnUnsizedDataset(fed: Expression | undefined, loader: CallSite, sites: readonly CodeSite[], datasets: readonly SizedDataset[]): boolean {
  if (!fed || datasets.length === 0) return false;
  const attribute = fed.type === "attribute" && fed.object.type === "name" ? fed.name : undefined;
  const name = fed.type === "name" ? fed.id : undefined;
  if (attribute === undefined && name === undefined) return false;
  // An attribute is set in any method (setup before train_dataloader); a name before the loader, where it is.
  const binding = sites.filter((s): s is CallSite => s.kind === "call" && (attribute !== undefined ? !!s.assignedAttributes?.includes(attribute) : s.assignedTo.includes(name!) && s.context.fn === loader.context.fn && s.call.pos.startIndex < loader.call.pos.startIndex)).pop();
  if (!binding || datasets.some((d) => d.site === binding)) return false;
  const read = new Set<string>();
  const calls = new Set<Expression>();
  forEachExpression(binding.call, (e) => {
    if (e.type === "name") read.add(e.id);
    else if (e.type === "attribute") read.add(e.name);
    else if (e.type === "call") calls.add(e);
  });
  return datasets.every((d) => {
    const bound = [...d.names, ...(d.site.assignedAttributes ?? [])];
    return d.site.context.fn === binding.context.fn && bound.length > 0 && !bound.some((b) => b === (attribute ?? name) || read.has(b)) && !calls.has(d.site.call);
  });
}
