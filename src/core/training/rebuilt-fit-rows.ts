// An array a Keras fit trains on that the script rebuilt from a loaded dataset's arrays (`x_all =
// np.concatenate([x_train, x_test])`, `x_train = x_train[idx]`, stacked with drawn rows): the interpreter works the
// rebuilt array's rows out from the same load, so those rows are what fit sees (keras.io/api/models/model_training_apis:
// fit's x), and they outrank the table's figure for the split the load returned.
import type { Expression, Statement } from "../python/ast";
import { forEachExpression } from "../python/syntax-walk";
import { pairedBindings, plainBindings } from "./tfdata-parts";

/**
 * The loaded name (one of `loaded`) the array `x` fit takes at `at` is built from through the file's assignments
 * (plain or tuple ones, each read as bound last before the use), other than `x` being that name unchanged; undefined
 * when none is reached within a few assignments.
 */
export function rebuiltFrom(x: Expression, at: number, body: Statement[], loaded: ReadonlySet<string>): string | undefined {
  if (x.type !== "name") return undefined;
  const plain = plainBindings(body);
  const paired = pairedBindings(body);
  const seen = new Set<string>();
  let frontier: { name: string; before: number }[] = [{ name: x.id, before: at }];
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const next: { name: string; before: number }[] = [];
    for (const { name, before } of frontier) {
      if (seen.has(name)) continue;
      seen.add(name);
      const bound = plain(name, before);
      const value = bound?.value ?? paired.get(name);
      if (!value) continue;
      const position = bound?.at ?? value.pos.startIndex;
      let found: string | undefined;
      forEachExpression(value, (node) => {
        if (node.type !== "name") return;
        if (loaded.has(node.id)) found ??= node.id;
        else next.push({ name: node.id, before: position });
      });
      if (found !== undefined) return found;
    }
    frontier = next;
  }
  return undefined;
}
