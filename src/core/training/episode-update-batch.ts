// The batch of an update over whole episodes (REINFORCE, a vanilla policy gradient; issue 21): each pass of the step
// loop plays one or more episodes to their end (`while not done: ... env.step(a)`, or `for t in range(MAX_T)` left by
// `if done: break`), summing the loss as it goes (`total_loss += log_prob * ret`) or listing the transitions
// (`moves.append((s, a, r))`, then `torch.Tensor([s for s, a, r in moves])`), and backpropagates once after them
// (Williams 1992; Sutton & Barto 2018, section 13.3: the update waits for the episode's return). Its batch is those
// episodes' transitions, a count the environment decides: the network's own input as it acts (one state) is not it.
// A rollout of fixed length (`for step in range(num_steps)` with no way out) is rollout-batch.ts's, and a batch
// sampled from a replay buffer is no list turned whole into a tensor: both are left to their rules.
import type { Expression, Statement } from "../python/ast";
import { callsIn, forEachExpression, forEachStatement, namesIn, dottedName } from "../python/syntax-walk";
import { stepsEnvironment } from "./rollout-batch";
import { FROM_LIST } from "./gathered-list-batch";

type Loop = Extract<Statement, { type: "for" | "while" }>;
type Call = Extract<Expression, { type: "call" }>;

/** An update over whole episodes: the line of its backward pass and of the loop that plays them. */
export interface EpisodeUpdate {
  line: number;
  episodeLine: number;
}

/** The update over whole episodes that a step loop's pass makes, or undefined for any other loop. */
export function episodeUpdateBatch(loop: Loop): EpisodeUpdate | undefined {
  const own = ownStatements(loop.body);
  const backward = own.flatMap((s) => callsIn(s, false)).find((c) => c.func.type === "attribute" && c.func.name === "backward");
  if (!backward || backward.func.type !== "attribute") return undefined;
  const nested = nestedLoops(loop.body).filter((l) => l.pos.endIndex <= backward.pos.startIndex);
  const played = nested.find((l) => playsToTheEnd(l));
  if (!played) return undefined;
  const region = nested.filter((l) => l.pos.startIndex <= played.pos.startIndex && l.pos.endIndex >= played.pos.endIndex);
  // The names the backward pass's loss is computed from, through the pass's own assignments before it.
  const feeding = namesIn([backward.func.object], new Set());
  for (let grown = true; grown; ) {
    grown = false;
    for (const s of own) {
      if (s.type !== "assign" || s.pos.startIndex > backward.pos.startIndex) continue;
      if (!s.targets.some((t) => t.type === "name" && feeding.has(t.id))) continue;
      for (const n of namesIn([s.value], new Set())) if (!feeding.has(n)) {
        feeding.add(n);
        grown = true;
      }
    }
  }
  const summed = region.some((l) => {
    let found = false;
    forEachStatement(l.body, ({ statement: s }) => {
      if (s.type === "augmented" && (s.op === "+" || s.op === "-") && s.target.type === "name" && feeding.has(s.target.id)) found = true;
    }, [], () => false);
    return found;
  });
  const listed = () => {
    const appended = new Set<string>();
    for (const l of region) for (const c of callsIn(l, true)) if (c.func.type === "attribute" && (c.func.name === "append" || c.func.name === "extend") && c.func.object.type === "name") appended.add(c.func.object.id);
    return own.some((s) => s.pos.startIndex < backward.pos.startIndex && callsIn(s, false).some((c) => FROM_LIST.test(dottedName(c.func) ?? "") && wholeList(c, appended)));
  };
  return summed || listed() ? { line: backward.pos.line, episodeLine: played.pos.line } : undefined;
}

/** The statements of a loop's pass outside the loops nested in it (those of its `if`, `with` and `try` blocks too). */
function ownStatements(body: Statement[]): Statement[] {
  const out: Statement[] = [];
  for (const s of body) {
    out.push(s);
    if (s.type === "if") out.push(...ownStatements(s.body), ...ownStatements(s.orelse));
    else if (s.type === "with") out.push(...ownStatements(s.body));
    else if (s.type === "try") out.push(...ownStatements(s.body), ...ownStatements(s.orelse), ...ownStatements(s.finalbody));
  }
  return out;
}

/** The loops nested in a block, at any depth (function bodies left out). */
function nestedLoops(body: Statement[]): Loop[] {
  const out: Loop[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "for" || s.type === "while") out.push(s);
  }, [], () => false);
  return out;
}

/** Whether a loop steps an environment in its own pass and runs until the episode ends: a `while`, or a `for` it can leave by `break`. */
function playsToTheEnd(l: Loop): boolean {
  const own = ownStatements(l.body);
  if (!own.some((s) => callsIn(s, false).some((c) => stepsEnvironment(c, () => undefined)))) return false;
  return l.type === "while" || own.some((s) => s.type === "break");
}

/** Whether a call's first argument is one of the lists, whole or walked by a comprehension (`[s for s, a, r in moves]`). */
function wholeList(c: Call, lists: ReadonlySet<string>): boolean {
  const first = c.args[0]?.value;
  if (!first) return false;
  if (first.type === "name") return lists.has(first.id);
  if (first.type !== "comprehension") return false;
  let walked = false;
  for (const clause of first.clauses) if (clause.kind === "for") forEachExpression(clause.iter, (e) => { if (e.type === "name" && lists.has(e.id)) walked = true; });
  return walked;
}
