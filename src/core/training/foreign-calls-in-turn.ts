// A script that trains through another file's method or function more than once in turn: a frozen stage, then the
// rest (`model.train(num_epochs=5, freeze=True)`, then `model.train(num_epochs=num_epochs - 5, freeze=False)`).
// Python runs that body once a call, each with its own arguments, so the run's epochs and steps are all the calls'.
import type { Expression, Statement } from "../python/ast";
import { childBodies, forEachStatement } from "../python/syntax-walk";

/** A plan figure as the plan reads it (training-plan.ts's PlanFigure, which imports this file). */
interface Figure {
  value: number;
  line?: number;
  detail: string;
}

type Call = Extract<Expression, { type: "call" }>;

/** Most later calls read: each is another file's body read again. */
const MAX_LATER = 6;

/** The call a statement makes: `f(...)`, `obj.m(...)`, or one whose result is bound. */
export function statementCall(s: Statement): Call | undefined {
  const value = s.type === "expression" || s.type === "assign" ? s.value : undefined;
  return value?.type === "call" ? value : undefined;
}

/** The calls after `first` in its block whose callee is written the same (the same object's method, the same function):
 *  the later calls in turn. None when `first` is not a statement of a block. */
export function laterCallsInTurn(body: Statement[], text: string, first: Call): Call[] {
  const callee = (c: Call) => text.slice(c.func.pos.startIndex, c.func.pos.endIndex);
  const find = (block: Statement[]): Call[] | undefined => {
    const at = block.findIndex((s) => statementCall(s) === first);
    if (at >= 0) return block.slice(at + 1).flatMap((s) => {
      const call = statementCall(s);
      if (call) return callee(call) === callee(first) ? [call] : [];
      // The same call made in a later loop (active learning's query rounds after the first training): each of the
      // loop's turns is a call in turn, which the plan counts by the loops around it (loops-around-call.ts).
      const inLoop: Call[] = [];
      if (s.type === "for") forEachStatement(s.body, ({ statement }) => {
        const nested = statementCall(statement);
        if (nested && callee(nested) === callee(first)) inLoop.push(nested);
      });
      return inLoop;
    });
    for (const s of block) for (const child of childBodies(s)) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  return (find(body) ?? []).slice(0, MAX_LATER);
}

/** One figure over calls in turn: their sum when each call's is known, its detail naming each call's line (and the
 *  function called, where given). */
export function figureOverCalls(figures: (Figure | undefined)[], calls: Call[], line: number, callee?: string): { value: number; source: "code"; line: number; detail: string } | undefined {
  if (!figures.every((f) => f !== undefined)) return undefined;
  const all = figures as Figure[];
  const detail = `${all.length} calls${callee ? ` of ${callee}` : ""} in turn: ${all.map((f, i) => `${f.value} (line ${calls[i].pos.line}: ${f.detail})`).join(" + ")}`;
  return { value: all.reduce((sum, f) => sum + f.value, 0), source: "code", line, detail };
}
