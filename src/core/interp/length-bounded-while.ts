// `while len(questions) < TRAINING_SIZE:` whose body appends one item to `questions` a pass at most (a `continue`
// skipping a duplicate before the append): Python leaves the loop when the list holds TRAINING_SIZE items, whatever
// each pass drew. The analyzer cannot run such a loop through (random draws, thousands of passes), but the list's
// length after it is the bound.
import type { Expression, Statement } from "../python/ast";
import { childBodies } from "../python/syntax-walk";
import { namesBoundIn, namesChangedInPlaceIn } from "./loop-bindings";

/** The list a `while len(name) < bound:` loop fills, and its bound (`<=` fills one more): for a loop whose body
 *  appends to the list once (in no nested loop), changes and rebinds it in no other way, and has no break, return,
 *  raise or else block, so the loop ends exactly when the list reaches the bound. */
export function lengthBoundedList(loop: Extract<Statement, { type: "while" }>): { name: string; bound: Expression; inclusive: boolean } | undefined {
  const test = loop.test;
  if (test.type !== "compare" || test.ops.length !== 1 || loop.orelse.length > 0) return undefined;
  const lenOf = (e: Expression): string | undefined =>
    e.type === "call" && e.func.type === "name" && e.func.id === "len" && e.args.length === 1 && e.args[0].kind === "positional" && e.args[0].value.type === "name" ? e.args[0].value.id : undefined;
  const op = test.ops[0];
  const left = lenOf(test.left);
  const right = lenOf(test.comparators[0]);
  const read = left !== undefined && (op === "<" || op === "<=") ? { name: left, bound: test.comparators[0], inclusive: op === "<=" }
    : right !== undefined && (op === ">" || op === ">=") ? { name: right, bound: test.left, inclusive: op === ">=" } : undefined;
  if (!read) return undefined;
  let exits = false;
  let appends = 0;
  const walk = (body: Statement[], nested: boolean): void => {
    for (const s of body) {
      if (s.type === "function" || s.type === "class") continue;
      if (s.type === "break" || s.type === "return" || s.type === "raise") exits = true;
      if (s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "append" && s.value.func.object.type === "name" && s.value.func.object.id === read.name) appends += nested ? 2 : 1;
      const inner = nested || s.type === "for" || s.type === "while";
      for (const child of childBodies(s)) walk(child, inner);
    }
  };
  walk(loop.body, false);
  if (exits || appends !== 1) return undefined;
  if (namesChangedInPlaceIn(loop.body).filter((n) => n === read.name).length !== 1) return undefined;
  if (namesBoundIn(loop.body).some((e) => e.type === "name" && e.id === read.name)) return undefined;
  return read;
}
