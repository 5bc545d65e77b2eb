// A loop that leaves on its first pass: `if config.debug: break` (or `if args.dry_run: break`) after the pass's work,
// its test reading nothing the loop sets, so it holds on every pass or on none. Python tests it on the first pass
// already: where the defaults make it true (a Hydra config's `debug: true`), the loop runs that one pass whatever
// its range says (`for st in range(config.train.num_train_steps)` takes one step).
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { boundNames, childBodies, forEachExpression, forEachStatement, namesIn, targetNames } from "../python/syntax-walk";
import { knownTruth } from "./evaluate-site";

type Loop = Extract<Statement, { type: "for" | "while" }>;

/** A block that leaves the loop when it runs: a `break` among its own statements (not in a loop or definition). */
function breaksOut(body: Statement[]): boolean {
  return body.some((s) => s.type === "break" || (s.type !== "for" && s.type !== "while" && s.type !== "function" && s.type !== "class" && childBodies(s).some(breaksOut)));
}

/** Names the loop binds on a pass: its target and whatever its body (nested blocks too, definitions not) assigns. */
function namesSetByLoop(loop: Loop): Set<string> {
  const names = new Set<string>(loop.type === "for" ? targetNames(loop.target) : []);
  forEachStatement(loop.body, ({ statement: s }) => {
    for (const n of boundNames(s)) names.add(n);
    if (s.type === "for") for (const n of targetNames(s.target)) names.add(n);
    if (s.type === "with") for (const i of s.items) if (i.target) for (const n of targetNames(i.target)) names.add(n);
  }, [], () => false);
  return names;
}

/** Whether a test reads no call: an attribute or name the code set before the loop, not something a call works out. */
function callFree(test: Expression): boolean {
  let call = false;
  forEachExpression(test, (e) => {
    if (e.type === "call") call = true;
  });
  return !call;
}

/**
 * One pass, where an `if T: break` among the loop body's own top-level statements comes after a statement doing the
 * pass's work (`isWork`: the optimizer step of a step loop) and T, reading no call and no name the loop binds, is true
 * by the defaults. Undefined otherwise (T false or unknown: the loop runs its count).
 */
export function firstPassBreak(loop: Loop, isWork: (s: Statement) => boolean, evaluate: (e: Expression) => Value | undefined, text: string): { value: 1; detail: string } | undefined {
  const set = namesSetByLoop(loop);
  for (const [at, s] of loop.body.entries()) {
    if (s.type !== "if" || !breaksOut(s.body)) continue;
    // The first breaking test decides: a later one is never reached on a pass this one ends.
    if (!loop.body.slice(0, at).some(isWork)) return undefined;
    if (!callFree(s.test) || [...namesIn([s.test], new Set())].some((n) => set.has(n))) return undefined;
    if (knownTruth(evaluate(s.test)) !== true) return undefined;
    return { value: 1, detail: `one pass: \`if ${text.slice(s.test.pos.startIndex, s.test.pos.endIndex)}: break\` (line ${s.pos.line}) holds by default, so the loop leaves after its first` };
  }
  return undefined;
}
