// A count named for steps that only caps a counter the code starts again on each pass of an outer loop bounds that
// pass, not the run: an agent's episode loop writes `total_steps = 0`, then in its `while True:` over environment
// steps `total_steps += 1` and `if total_steps >= max_steps: done = True`, so `max_steps` is an episode's length,
// however many updates the episodes take in all. Python rebinds the counter on each turn of the loop that resets it,
// so the comparison can only hold within one turn.
import type { Statement } from "../python/ast";
import { childBodies, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

type LoopStatement = Extract<Statement, { type: "for" | "while" }>;

/** Whether `name` is read somewhere in `body` (functions included) and every read compares it with a counter that a
 *  loop enclosing the comparison resets to a number on each of its passes and raises inside a loop nested in it. */
export function capsPerPassCounter(body: Statement[], name: string): boolean {
  let reads = 0;
  let capped = 0;
  forEachStatement(
    body,
    ({ statement, ancestors }) => {
      // The name's own bindings are no reads (`max_steps = 200`).
      const expressions = statement.type === "assign" ? [statement.value] : statement.type === "augmented" ? [statement.value] : ownExpressions(statement);
      for (const root of expressions) {
        forEachExpression(root, (e) => {
          if (e.type === "name" && e.id === name) reads++;
          if (e.type !== "compare" || e.comparators.length !== 1) return;
          const sides = [e.left, e.comparators[0]];
          const counter = sides.find((x) => !(x.type === "name" && x.id === name));
          if (counter?.type === "name" && sides.some((x) => x.type === "name" && x.id === name) && resetEachPass(ancestors, counter.id)) capped++;
        });
      }
    },
    [],
    () => true,
  );
  return reads > 0 && capped === reads;
}

/** Whether one of `ancestors` (outermost first) is a loop whose own body sets `counter` to a number before a loop it
 *  holds, itself among the ancestors, adds to it. */
function resetEachPass(ancestors: Statement[], counter: string): boolean {
  const loops = ancestors.filter((s): s is LoopStatement => s.type === "for" || s.type === "while");
  return loops.some((outer, i) => {
    const reset = outer.body.findIndex((s) => s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === counter && (s.value.type === "int" || s.value.type === "float"));
    if (reset < 0) return false;
    return loops.slice(i + 1).some((inner) => inner.pos.startIndex > outer.body[reset].pos.startIndex && raises(inner.body, counter));
  });
}

/** Whether a block (nested blocks included) adds to `counter` (`counter += 1`). */
function raises(body: Statement[], counter: string): boolean {
  return body.some((s) => (s.type === "augmented" && s.op.startsWith("+") && s.target.type === "name" && s.target.id === counter) || childBodies(s).some((b) => raises(b, counter)));
}
