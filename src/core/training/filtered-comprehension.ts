// A list built by a comprehension with an `if` clause keeps only the items the test passes (docs.python.org/3/
// reference/expressions.html#displays-for-lists-sets-and-dictionaries): `cifar2 = [(img, label_map[label]) for img,
// label in cifar10 if label in [0, 2]]` holds two classes of CIFAR-10, not its 50,000 images. A loader fed such a
// list trains on a part of the dataset whose size the code does not state, unless its length is worked out.
import type { Expression, Statement } from "../python/ast";
import { forEachStatement, targetNames } from "../python/syntax-walk";

/** The value the last assignment of `body` (nested blocks too, function bodies not) ending before `before` binds to
 *  `name`, or undefined when that assignment unpacks or chains targets (or none binds it). */
function valueBoundBefore(body: readonly Statement[], name: string, before: number): Expression | undefined {
  let last: Expression | undefined;
  forEachStatement(body as Statement[], ({ statement: s }) => {
    if (s.type !== "assign" || s.pos.endIndex > before) return;
    if (s.targets.some((t) => targetNames(t).includes(name))) last = s.targets.length === 1 && s.targets[0].type === "name" ? s.value : undefined;
  }, [], () => false);
  return last;
}

/** Whether `name` holds a list the code builds (a list display or list comprehension) where a loop at `before`
 *  walks it: the loop then takes the list's items one by one, not batches of a loader built elsewhere. */
export function walksBuiltList(body: readonly Statement[], name: string, before: number): boolean {
  const value = valueBoundBefore(body, name, before);
  return value?.type === "list" || (value?.type === "comprehension" && value.kind === "list");
}

/**
 * The filtered comprehension (one with an `if` clause) bound to `name` by the last assignment of `body` (its nested
 * blocks too, function bodies not) that ends before `before`, or undefined when that assignment binds anything else.
 */
export function filteredComprehensionBefore(body: readonly Statement[], name: string, before: number): Extract<Expression, { type: "comprehension" }> | undefined {
  const last = valueBoundBefore(body, name, before);
  return last?.type === "comprehension" && last.kind !== "dict" && last.clauses.some((c) => c.kind === "if") ? last : undefined;
}

/** Why the samples are unknown where the run walks `name`, a filtered comprehension's list. */
export function filteredSamplesNote(name: string, comprehension: Expression): string {
  return `samples: ${name} keeps only the items that the if clause of its comprehension (line ${comprehension.pos.line}) passes, a count the code does not state: pass --samples N`;
}
