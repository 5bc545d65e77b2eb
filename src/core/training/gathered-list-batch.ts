// A step loop that gathers its data into a list each pass and trains on the whole list once enough has come in:
// `batch_states.append(exp.state)` on every transition, then, when some episodes have ended, `states_v =
// torch.FloatTensor(batch_states)`, a backward pass, the step, and `batch_states.clear()` (REINFORCE over several
// episodes, a policy-gradient agent's episode stacked as one batch). The step's batch is the transitions gathered since
// the last one, a count the episodes decide: the network's own input shape (one state) is not it. A loop that waits
// for the list's length (`if len(batch_states) < BATCH_SIZE: continue`) fixes the batch, and is left to other rules.
import type { Statement } from "../python/ast";
import { callsInBody, dottedName, forEachExpression, forEachStatement } from "../python/syntax-walk";
import { emptiesList } from "./rollout-batch";

type Loop = Extract<Statement, { type: "for" | "while" }>;

/** Calls that make a tensor or array of a list's items, one row an item (torch.tensor, np.array and kin). */
export const FROM_LIST = /^(torch\.(tensor|Tensor|FloatTensor|LongTensor|as_tensor|stack)|(np|numpy)\.(array|asarray|stack|vstack))$/;

/**
 * The list a step loop appends to each pass, turns into a tensor before its backward pass and empties after it (by
 * `.clear()` or `= []`: rollout-batch.ts's emptiesList), where no test of the loop reads its length. Undefined for any
 * other loop.
 */
export function gatheredListBatch(loop: Loop): { name: string; line: number } | undefined {
  const calls = callsInBody(loop.body);
  const backward = calls.find((c) => c.func.type === "attribute" && c.func.name === "backward");
  if (!backward) return undefined;
  const appended = new Set<string>();
  for (const c of calls) if (c.func.type === "attribute" && (c.func.name === "append" || c.func.name === "extend") && c.func.object.type === "name") appended.add(c.func.object.id);
  if (appended.size === 0) return undefined;
  // Turned into the step's data before the backward pass.
  const fed = new Set<string>();
  for (const c of calls) {
    if (c.pos.startIndex > backward.pos.startIndex || !FROM_LIST.test(dottedName(c.func) ?? "")) continue;
    const first = c.args[0]?.value;
    if (first?.type === "name" && appended.has(first.id)) fed.add(first.id);
  }
  if (fed.size === 0) return undefined;
  // Emptied after the backward pass, and no test reads its length.
  const emptied = new Set<string>();
  const measured = new Set<string>();
  forEachStatement(loop.body, ({ statement: s }) => {
    if (s.type === "if" || s.type === "while") forEachExpression(s.test, (e) => { if (e.type === "call" && dottedName(e.func) === "len" && e.args[0]?.value.type === "name") measured.add(e.args[0].value.id); });
    if (s.pos.startIndex < backward.pos.endIndex) return;
    for (const n of fed) if (emptiesList(s, new Set([n]))) emptied.add(n);
  }, [], () => false);
  const name = [...fed].find((n) => emptied.has(n) && !measured.has(n));
  return name ? { name, line: backward.pos.line } : undefined;
}
