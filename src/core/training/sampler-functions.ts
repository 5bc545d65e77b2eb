// A loader's sampler built by a function of the code's own (`sampler=stratified_sampler(train.targets, classes)`,
// whose body picks indices of some classes and returns `SubsetRandomSampler(indices)`): each epoch draws those indices
// only (pytorch.org/docs/stable/data.html#torch.utils.data.SubsetRandomSampler), a part of the dataset whose count the
// function works out from the data, not the whole dataset.
import type { Expression, FunctionDefinition } from "../python/ast";
import { dottedName, forEachStatement, targetNames } from "../python/syntax-walk";

const SUBSET_SAMPLER = /(^|\.)SubsetRandomSampler$/;

/** Whether every return of `fn` (one at least, in its own body, not a nested function's) gives a SubsetRandomSampler:
 *  built in the return (`return SubsetRandomSampler(idx)`) or bound to a name the function returns. */
export function returnsSubsetSampler(fn: FunctionDefinition): boolean {
  const built = new Set<string>();
  const returned: (Expression | undefined)[] = [];
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type === "assign" && isSubsetSampler(s.value)) for (const t of s.targets) for (const n of targetNames(t)) built.add(n);
    if (s.type === "return") returned.push(s.value);
  }, [], (inner) => inner === fn);
  return returned.length > 0 && returned.every((e) => e !== undefined && (isSubsetSampler(e) || (e.type === "name" && built.has(e.id))));
}

function isSubsetSampler(e: Expression): boolean {
  return e.type === "call" && SUBSET_SAMPLER.test(dottedName(e.func) ?? "");
}
