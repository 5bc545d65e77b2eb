// An array a Keras fit trains on that the script selected from a loaded dataset's arrays by a boolean mask
// (`x_six = x_train[y_train == 6]`, `x = x_train[(y_train == 3) | (y_train == 7)]`): numpy keeps the rows where the
// mask is True (numpy.org/doc/stable/user/basics.indexing.html#boolean-array-indexing), a count the data's contents
// decide, so the loaded split's published rows are not the fit's.
import type { Expression, Statement } from "../python/ast";
import { forEachExpression } from "../python/syntax-walk";
import { plainBindings } from "./tfdata-parts";

/** A mask written as a comparison of arrays (`y == 6`, `y < 2`), its negation, or such masks joined by `|`/`&`. */
function isMask(e: Expression): boolean {
  if (e.type === "compare") return true;
  if (e.type === "unary" && e.op === "~") return isMask(e.operand);
  if (e.type === "binary" && (e.op === "|" || e.op === "&")) return isMask(e.left) && isMask(e.right);
  return false;
}

/** Whether an expression selects rows by a boolean mask anywhere in it (`x[y == 6]`, `x[y == 6].copy()`). */
function selectsByMask(e: Expression): boolean {
  let found = false;
  forEachExpression(e, (node) => {
    if (!found && node.type === "subscript" && isMask(node.index)) found = true;
  });
  return found;
}

/**
 * The loaded name (one of `loaded`) the array `x` a fit takes at `at` comes from through the file's assignments, read
 * as bound last before each use, when one of those assignments selects rows by a boolean mask; undefined otherwise
 * or when no loaded name is reached within a few assignments.
 */
export function maskedFrom(x: Expression, at: number, body: Statement[], loaded: ReadonlySet<string>): string | undefined {
  if (x.type !== "name") return undefined;
  const plain = plainBindings(body);
  const seen = new Set<string>();
  let masked = false;
  let reached: string | undefined;
  let frontier: { name: string; before: number }[] = [{ name: x.id, before: at }];
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const next: { name: string; before: number }[] = [];
    for (const { name, before } of frontier) {
      const key = `${name}@${before}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const bound = plain(name, before);
      if (!bound) {
        if (loaded.has(name)) reached ??= name;
        continue;
      }
      if (selectsByMask(bound.value)) masked = true;
      forEachExpression(bound.value, (node) => {
        if (node.type !== "name") return;
        if (loaded.has(node.id)) reached ??= node.id;
        next.push({ name: node.id, before: bound.at });
      });
    }
    frontier = next;
  }
  return masked ? reached : undefined;
}
