// Domain adaptation and semi-supervised scripts walk two loaders at once: `for (xs, ys), (xt, _) in zip(source_loader,
// target_loader):`, or `batches = zip(...)` then `for ... in tqdm(batches):`. Python's zip stops at its shortest
// argument (docs.python.org/3/library/functions.html#zip), so an epoch is as many batches as the shortest loader
// yields, not as many as the training loader alone; `itertools.cycle(loader)` never runs out and does not shorten it.
// Domain-adaptation code (DANN and its ports) writes the same bound by hand: `len_dataloader = min(len(source_loader),
// len(target_loader))`, then `for i in range(len_dataloader):` or `while i < len_dataloader:` drawing `next()` from each.
import type { Expression, Statement } from "../python/ast";
import { attributeChain, forEachExpression, forEachStatement, positionalArgument } from "../python/syntax-walk";
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

/** The names whose lengths `min(len(a), len(b), ...)` compares (two or more), or undefined for any other expression. */
function minOfLengths(e: Expression): string[] | undefined {
  if (e.type !== "call" || attributeChain(e.func) !== "min" || e.args.length < 2) return undefined;
  const names: string[] = [];
  for (const a of e.args) {
    const v = a.value;
    if (a.kind !== "positional" || v.type !== "call" || attributeChain(v.func) !== "len" || v.args.length !== 1) return undefined;
    const inner = v.args[0].value;
    if (inner.type !== "name") return undefined;
    names.push(inner.id);
  }
  return names;
}

/** Names bound to `min(len(a), len(b), ...)` in a block (`len_dataloader = min(len(src), len(tgt))`). */
function minBounds(body: Statement[]): Map<string, string[]> {
  const bounds = new Map<string, string[]>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name") return;
    const names = minOfLengths(s.value);
    if (names) bounds.set(s.targets[0].id, names);
  });
  return bounds;
}

/** The names one loop walks together, and the code that says so: `zip(a, b)` in a `for` loop's header, or a bound of
 *  `min(len(a), len(b))` (in its `range(...)`, or through a name bound to it in `body` that a `range(...)` or a
 *  `while i < n` test reads). */
export function loopWalkedTogether(loop: LoopStatement, body: Statement[], bounds: Map<string, string[]> = minBounds(body)): { names: string[]; code: string } | undefined {
  const zipped = loop.type === "for" ? zippedNames(loop, body) : undefined;
  if (zipped) return { names: zipped, code: `zip(${zipped.join(", ")})` };
  const bound = (e: Expression): string[] | undefined => minOfLengths(e) ?? (e.type === "name" ? bounds.get(e.id) : undefined);
  let found: string[] | undefined;
  forEachExpression(loop.type === "for" ? loop.iter : loop.test, (e) => {
    if (found) return;
    if (e.type === "call" && /^(range|trange|tqdm\.trange)$/.test(attributeChain(e.func))) found = e.args.map((a) => bound(a.value)).find((n) => n);
    else if (e.type === "compare" && e.ops.length === 1 && (e.ops[0] === "<" || e.ops[0] === "<=")) found = bound(e.comparators[0]);
  });
  return found && { names: found, code: `min(${found.map((n) => `len(${n})`).join(", ")})` };
}

/**
 * The names a block's loops walk together, each epoch as long as the shortest (`loopWalkedTogether` on each loop),
 * and the first such loop's line. Undefined when no loop of the block does. Read on a training function's body, whose
 * parameters the names usually are.
 */
export function walkedTogether(body: Statement[]): { names: string[]; line: number } | undefined {
  const bounds = minBounds(body);
  let found: { names: string[]; line: number } | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (found || (s.type !== "for" && s.type !== "while")) return;
    const walked = loopWalkedTogether(s, body, bounds);
    if (walked) found = { names: walked.names, line: s.pos.line };
  });
  return found;
}

/** What the plan knows of a loader the script binds to a name: its batch, drop_last and samples an epoch. */
export interface KnownLoader {
  batch?: number;
  dropLast?: boolean;
  samples?: number;
}

/** Of loaders walked together, the one whose epoch is shortest (fewest batches: ⌊samples / batch⌋ with drop_last,
 *  else ⌈samples / batch⌉, as torch's DataLoader.__len__ counts them); undefined when any of them is not known. */
export function shortestLoader(names: string[], loaders: ReadonlyMap<string, KnownLoader>): { name: string; samples: number; batch: number; batches: number } | undefined {
  let shortest: { name: string; samples: number; batch: number; batches: number } | undefined;
  for (const name of names) {
    const l = loaders.get(name);
    if (l?.samples === undefined || l.batch === undefined) return undefined;
    const batches = l.dropLast ? Math.floor(l.samples / l.batch) : Math.ceil(l.samples / l.batch);
    if (!shortest || batches < shortest.batches) shortest = { name, samples: l.samples, batch: l.batch, batches };
  }
  return shortest;
}
