// Epoch loops one after another in one block run in turn, as Python runs a block's statements: a generator's
// pre-training epochs over the photos, then the adversarial epochs over the same photos, or a warm-up stage before
// the main one. The run is all of them; only the first was read.
import type { Expression, Statement } from "../python/ast";
import { childBodies, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import type { LoopStatement } from "./loop-shape";

/** An epoch loop the plan read, with its count (a plan figure's value, line and detail). */
export interface CountedEpochLoop {
  figure: { value: number; line?: number; detail: string };
  loop: LoopStatement;
}

/** Epoch loops in turn whose epochs add up: their counts summed, with the span from the first to the last. */
export interface SummedEpochLoops {
  value: number;
  line?: number;
  detail: string;
  span: { startIndex: number; endIndex: number };
  first: LoopStatement;
}

/** The epochs of loops that follow one another in one block, each stepping an optimizer over data the one before it
 *  walks too: their counts summed, with the span from the first to the last. When they walk other data (two stages
 *  on two datasets) an epoch is no longer one thing to multiply, so a note says the later stages are left out instead.
 *  Undefined when there are no such loops. */
export function epochLoopsInTurn(
  body: Statement[],
  loops: readonly CountedEpochLoop[],
  steps: (loop: LoopStatement) => boolean,
  stepLoopsIn: (loop: LoopStatement) => LoopStatement[],
  networks: ReadonlySet<string> = new Set(),
): SummedEpochLoops | { note: string; line?: number } | undefined {
  if (loops.length < 2) return undefined;
  let found: CountedEpochLoop[] | undefined;
  let foundBlock: Statement[] = [];
  const visit = (block: Statement[]) => {
    if (found) return;
    // A loop under an `if` or `with` of the block (`if not args.resume:` around the pre-training) still runs in its
    // turn: the plan counts only loops the plain run reaches.
    const here = block.flatMap((s) => {
      const reached = loops.filter((l) => l.loop === s || reachedThrough(s, l.loop));
      return reached.length === 1 ? reached : [];
    });
    // A `for` that repeats a later loop and binds a network afresh in its body (`for trial in range(5): model =
    // Net()`) trains new networks: no more epochs of the one before.
    if (here.length >= 2 && here.slice(1).some((l) => block.some((s) => forsOnPath(s, l.loop).some((f) => freshNetworkInside(f, l.loop, networks))))) return;
    if (here.length >= 2) {
      found = here;
      foundBlock = block;
    }
  };
  visit(body);
  forEachStatement(body, ({ statement }) => {
    for (const child of childBodies(statement)) visit(child);
  });
  if (!found || !found.every((l) => steps(l.loop))) return undefined;
  // Each walks data the one before walks: the same loader, or a zip holding it (so an epoch is a pass of one data).
  const walked = found.map((l) => dataNames(stepLoopsIn(l.loop).flatMap((inner) => (inner.type === "for" ? [inner.iter] : []))));
  const first = found[0];
  for (let i = 1; i < walked.length; i++) {
    // A network bound afresh between the loops (`model = nn.Sequential(...)`, `model, opt = get_model()`): the later
    // loop trains a new one from its initial weights, a run of its own, not more epochs of the first.
    const fresh = freshNetworkBetween(foundBlock, found[i - 1].loop, found[i].loop, networks);
    if (fresh) {
      const later = found.slice(i).map((l) => `${l.figure.detail} (line ${l.figure.line})`).join(", ");
      return { note: `epochs: ${later} trains ${fresh.name}, bound afresh (line ${fresh.line}) after ${first.figure.detail} (line ${first.figure.line}): a network of its own, so only the first run is counted`, line: first.figure.line };
    }
    if ([...walked[i]].some((n) => walked[i - 1].has(n))) continue;
    const later = found.slice(1).map((l) => `${l.figure.detail} (line ${l.figure.line})`).join(", ");
    return { note: `epochs: ${later} runs after ${first.figure.detail} (line ${first.figure.line}) over other data; only the first stage is counted`, line: first.figure.line };
  }
  const last = found[found.length - 1];
  const value = found.reduce((sum, l) => sum + l.figure.value, 0);
  const detail = `${found.map((l) => `${l.figure.detail} (line ${l.figure.line})`).join(" + ")}: epoch loops run in turn`;
  return { value, line: first.figure.line, detail, span: { startIndex: first.loop.pos.startIndex, endIndex: last.loop.pos.endIndex }, first: first.loop };
}

/** A network name (one whose `.parameters()` the code hands an optimizer) that a statement of the block between two
 *  loops binds without reading it (so not `model = model.to(device)`), and that the later loop reads. */
function freshNetworkBetween(block: Statement[], before: LoopStatement, after: LoopStatement, networks: ReadonlySet<string>): { name: string; line: number } | undefined {
  if (networks.size === 0) return undefined;
  const between = block.filter((s) => s.pos.startIndex >= before.pos.endIndex && s.pos.endIndex <= after.pos.startIndex);
  const readIn = (roots: Expression[]) => {
    const names = new Set<string>();
    for (const root of roots) forEachExpression(root, (e) => {
      if (e.type === "name") names.add(e.id);
    });
    return names;
  };
  const laterReads = new Set<string>();
  forEachStatement([after], ({ statement }) => {
    for (const n of readIn(ownExpressions(statement))) laterReads.add(n);
  });
  for (const s of between) {
    if (s.type !== "assign") continue;
    const bound = s.targets.flatMap(targetNames);
    const valueReads = readIn([s.value]);
    const name = bound.find((n) => networks.has(n) && laterReads.has(n) && !valueReads.has(n));
    if (name) return { name, line: s.pos.line };
  }
  return undefined;
}

/** Whether a statement of a `for` body before the loop it holds binds a network name afresh, without reading it in
 *  the value (`model = Net()`, not `model = model.to(device)`): the loop, or a function it calls, then trains the new
 *  one. */
function freshNetworkInside(around: Statement, loop: LoopStatement, networks: ReadonlySet<string>): boolean {
  if (networks.size === 0) return false;
  let fresh = false;
  forEachStatement(childBodies(around).flat(), ({ statement }) => {
    if (fresh || statement.type !== "assign" || statement.pos.endIndex > loop.pos.startIndex) return;
    const valueReads = new Set<string>();
    forEachExpression(statement.value, (e) => {
      if (e.type === "name") valueReads.add(e.id);
    });
    fresh = statement.targets.flatMap(targetNames).some((n) => networks.has(n) && !valueReads.has(n));
  });
  return fresh;
}

/** The plain names an assignment target binds (`model`, and each of `model, loss_fn, opt`). */
function targetNames(t: Expression): string[] {
  if (t.type === "name") return [t.id];
  return t.type === "tuple" || t.type === "list" ? t.items.flatMap(targetNames) : [];
}

/** The names an iterable reads as data, not the functions it calls (`enumerate(loader)` gives loader). */
function dataNames(iterables: Expression[]): Set<string> {
  const names = new Set<string>();
  const called = new Set<Expression>();
  for (const root of iterables) forEachExpression(root, (e) => {
    if (e.type === "call") called.add(e.func);
    else if (e.type === "name" && !called.has(e)) names.add(e.id);
  });
  return names;
}

/** Whether a statement holds the loop in blocks of `if`, `with` and `try` statements, or of `for` loops that run it
 *  again (no `while` or def between). A `for` around the loop (`for i in range(5): prune(); for epoch in ...:`,
 *  rounds of pruning and retraining) repeats it: its figure already holds those turns (the counted loops around an
 *  epoch loop multiply its epochs), so it still adds its epochs to the loop before it. */
function reachedThrough(s: Statement, loop: Statement): boolean {
  if (s.type !== "if" && s.type !== "with" && s.type !== "try" && s.type !== "for") return false;
  return childBodies(s).some((block) => block.some((inner) => inner === loop || reachedThrough(inner, loop)));
}

/** The `for` statements of the path from `s` down to the loop (empty when the loop is reached through `if`, `with`
 *  and `try` only). */
function forsOnPath(s: Statement, loop: Statement): Statement[] {
  if (s === loop) return [];
  for (const block of childBodies(s)) for (const inner of block) {
    if (inner !== loop && !reachedThrough(inner, loop)) continue;
    const below = forsOnPath(inner, loop);
    return s.type === "for" ? [s, ...below] : below;
  }
  return [];
}
