// A training call that a loop of uncounted passes repeats: a PPO agent's `agent.learn()` under an every-N gate inside
// `while not done:` episodes, or a body called on each item of data of unstated length. Python runs the callee's epoch
// loop again on every call, so those epochs are one call's (an update's epochs over its rollout), not the run's, and
// the run's count is not known from them.
import type { Expression, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

/** The innermost `while` or `for` loop that encloses `call` within its own function (or at module level), as a
 *  statement; undefined when none does. The caller decides whether a `for` loop's turns are counted. */
export function loopAroundCall(call: Expression, body: Statement[]): Extract<Statement, { type: "while" | "for" }> | undefined {
  let found: Statement[] | undefined;
  forEachStatement(body, ({ statement, ancestors }) => {
    if (found || statement.pos.startIndex > call.pos.startIndex || call.pos.endIndex > statement.pos.endIndex) return;
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e === call) found = ancestors;
    });
  });
  if (!found) return undefined;
  // Only the call's own function: a loop around the function's definition does not repeat the call by itself.
  const own = found.slice(found.map((s) => s.type === "function").lastIndexOf(true) + 1);
  return own.reverse().find((s): s is Extract<Statement, { type: "while" | "for" }> => s.type === "while" || s.type === "for");
}
