// Epoch loops one after another in one block run in turn, as Python runs a block's statements: a generator's
// pre-training epochs over the photos, then the adversarial epochs over the same photos, or a warm-up stage before
// the main one. The run is all of them; only the first was read.
import type { Expression, Statement } from "../python/ast";
import { childBodies, forEachExpression, forEachStatement } from "../python/syntax-walk";
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
): SummedEpochLoops | { note: string; line?: number } | undefined {
  if (loops.length < 2) return undefined;
  let found: CountedEpochLoop[] | undefined;
  const visit = (block: Statement[]) => {
    if (found) return;
    // A loop under an `if` or `with` of the block (`if not args.resume:` around the pre-training) still runs in its
    // turn: the plan counts only loops the plain run reaches.
    const here = block.flatMap((s) => {
      const reached = loops.filter((l) => l.loop === s || reachedThrough(s, l.loop));
      return reached.length === 1 ? reached : [];
    });
    if (here.length >= 2) found = here;
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
    if ([...walked[i]].some((n) => walked[i - 1].has(n))) continue;
    const later = found.slice(1).map((l) => `${l.figure.detail} (line ${l.figure.line})`).join(", ");
    return { note: `epochs: ${later} runs after ${first.figure.detail} (line ${first.figure.line}) over other data; only the first stage is counted`, line: first.figure.line };
  }
  const last = found[found.length - 1];
  const value = found.reduce((sum, l) => sum + l.figure.value, 0);
  const detail = `${found.map((l) => `${l.figure.detail} (line ${l.figure.line})`).join(" + ")}: epoch loops run in turn`;
  return { value, line: first.figure.line, detail, span: { startIndex: first.loop.pos.startIndex, endIndex: last.loop.pos.endIndex }, first: first.loop };
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

/** Whether a statement holds the loop in blocks of `if`, `with` and `try` statements only (no loop or def between). */
function reachedThrough(s: Statement, loop: Statement): boolean {
  if (s.type !== "if" && s.type !== "with" && s.type !== "try") return false;
  return childBodies(s).some((block) => block.some((inner) => inner === loop || reachedThrough(inner, loop)));
}
