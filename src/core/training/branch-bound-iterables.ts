// A loop's iterable is often chosen by an `if` just before it: a run resumed from a checkpoint walks the epochs after
// the saved one, a fresh run all of them:
//     if config.pre_trained:
//         start = int(path[path.find('epoch-') + 6:...])
//         epochs = tqdm(range(start, start + config.n_epochs))
//     else:
//         epochs = tqdm(range(config.n_epochs))
//     for epoch_i in epochs:
// Python binds the name in the branch the test selects, so the loop walks `range(start, start + n) if test else
// range(n)`: the conditional expression of the branches' iterables, which the interpreter evaluates where the loop is.
import type { Expression, Statement } from "../python/ast";
import { boundNames } from "../python/syntax-walk";

/** The iterable an `if` statement binds `name` to, as a conditional expression over its branches
 *  (`A if test else B`, elif chains nested), each branch's value passed through `iterable` (a progress bar's wrapped
 *  range); undefined unless every branch binds the name last to a value `iterable` accepts. */
export function branchBoundIterable(s: Statement, name: string, iterable: (value: Expression) => Expression | undefined): Expression | undefined {
  if (s.type !== "if") return undefined;
  const then = lastBinding(s.body, name, iterable);
  const otherwise = lastBinding(s.orelse, name, iterable);
  if (!then || !otherwise) return undefined;
  return { type: "conditional", test: s.test, body: then, orelse: otherwise, pos: s.pos };
}

/** The iterable a block binds `name` to last: a plain assignment, or a nested `if` (an `elif`) binding it in each branch. */
function lastBinding(block: Statement[], name: string, iterable: (value: Expression) => Expression | undefined): Expression | undefined {
  for (let i = block.length - 1; i >= 0; i--) {
    const s = block[i]!;
    if (s.type === "if") {
      const nested = branchBoundIterable(s, name, iterable);
      if (nested) return nested;
      continue;
    }
    if (!boundNames(s).includes(name)) continue;
    return s.type === "assign" && s.targets.length === 1 ? iterable(s.value) : undefined;
  }
  return undefined;
}
