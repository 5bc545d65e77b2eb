// Domain adaptation and semi-supervised scripts walk two loaders at once: `for (xs, ys), (xt, _) in zip(source_loader,
// target_loader):`, or `batches = zip(...)` then `for ... in tqdm(batches):`. Python's zip stops at its shortest
// argument (docs.python.org/3/library/functions.html#zip), so an epoch is as many batches as the shortest loader
// yields, not as many as the training loader alone; `itertools.cycle(loader)` never runs out and does not shorten it.
import type { Expression, Statement } from "../python/ast";
import { attributeChain, forEachStatement, positionalArgument } from "../python/syntax-walk";
import type { LoopStatement } from "./loop-shape";

/** Wrappers that yield their argument's items in order, one for one. */
const WALKERS = /^(enumerate|iter|tqdm|tqdm\.tqdm|trange)$/;
/** Iterators that never run out (`itertools.cycle(target_loader)`): they never end a zip. */
const ENDLESS = /^(itertools\.)?(cycle|repeat|count)$/;

/** The names a step loop walks together through zip (two or more, the endless ones left out), or undefined when it
 *  walks one iterable. `body` is the function (or module) body the loop is in: a name bound to `zip(...)` there
 *  before the loop is followed. */
export function zippedNames(loop: LoopStatement, body: Statement[]): string[] | undefined {
  if (loop.type !== "for") return undefined;
  let iter: Expression | undefined = loop.iter;
  for (let depth = 0; depth < 4 && iter; depth++) {
    if (iter.type === "name") iter = boundBefore(body, iter.id, loop);
    else if (iter.type === "call" && WALKERS.test(attributeChain(iter.func))) iter = positionalArgument(iter, 0);
    else break;
  }
  if (iter?.type !== "call" || attributeChain(iter.func) !== "zip" || iter.args.some((a) => a.kind !== "positional")) return undefined;
  const names: string[] = [];
  for (const a of iter.args) {
    let value = a.value;
    while (value.type === "call" && WALKERS.test(attributeChain(value.func)) && positionalArgument(value, 0)) value = positionalArgument(value, 0)!;
    if (value.type === "call" && ENDLESS.test(attributeChain(value.func))) continue;
    if (value.type !== "name") return undefined;
    names.push(value.id);
  }
  return names.length >= 2 ? names : undefined;
}

/** The value of the last `name = ...` in `body` (at any depth) that comes before `loop`. */
function boundBefore(body: Statement[], name: string, loop: Statement): Expression | undefined {
  let found: Expression | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.pos.endIndex > loop.pos.startIndex) return;
    if (s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === name) found = s.value;
  });
  return found;
}
