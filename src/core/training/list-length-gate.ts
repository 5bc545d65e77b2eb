// An update taken once a list gathered pass by pass holds N items (an actor-critic that stores one transition each
// environment step and learns on `if len(rewards) == batch_size:`, then empties its lists). Python's list grows by one
// on each `append`, and the gate empties it, so the update runs on one pass in N: floor(passes / N) updates of the
// loop, each over the N items gathered since the last (issue 21). The pass where the gate first holds is the N-th
// when the append comes before the test, the (N + 1)-th when it comes after.
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { emptiesList } from "./rollout-batch";

type LoopStatement = Extract<Statement, { type: "for" | "while" }>;
type IfStatement = Extract<Statement, { type: "if" }>;

/** The list a gate waits on, the count it waits for, and whether the loop appends to it before the test. */
export interface ListLengthGate {
  /** The dotted name of the list (`rewards`, `self.buffer`). */
  list: string;
  /** N of `len(list) == N`. */
  size: Expression;
  /** Whether the loop's append comes before the gate in each pass. */
  appendFirst: boolean;
}

/**
 * The list the `if` holding a loop's steps (`gate`, one of the loop's own statements) waits on: its test is only
 * `len(L) == N` or `len(L) >= N`, the loop appends to L once on each pass (one `L.append(...)` among its own
 * statements, none under an `if`), the gate's body reads L and then empties it (`L = []`, `L.clear()`), and nothing
 * else in the loop binds L. Undefined for any other gate.
 */
export function listLengthGate(loop: LoopStatement, gate: IfStatement): ListLengthGate | undefined {
  const waited = lengthTest(gate.test);
  if (!waited) return undefined;
  const { list, size } = waited;
  const own = loop.body;
  const gateAt = own.indexOf(gate);
  if (gateAt < 0) return undefined;
  const appends = own.flatMap((s, i) => (appendsTo(s, list) ? [i] : []));
  if (appends.length !== 1) return undefined;
  // Emptied in the gate's own statements, after a statement that reads the list (the update's data).
  const emptiedAt = gate.body.findIndex((s) => emptiesList(s, new Set([list])));
  if (emptiedAt <= 0 || !gate.body.slice(0, emptiedAt).some((s) => readsName(s, list))) return undefined;
  // No other binding or append of the list in the loop: it grows only by the one append and empties only at the gate.
  if (rebindsElsewhere(own, list, own[appends[0]], gate.body[emptiedAt])) return undefined;
  return { list, size, appendFirst: appends[0] < gateAt };
}

/** The updates a list-length gate lets through over `passes` passes of its loop, the list starting empty. */
export function listGatePasses(gate: ListLengthGate, passes: number, size: number): number {
  if (size <= 0 || passes <= 0) return 0;
  return Math.floor((gate.appendFirst ? passes : passes - 1) / size);
}

/** `len(L) == N`, `N == len(L)` or `len(L) >= N`: the list's dotted name and N. */
function lengthTest(test: Expression): { list: string; size: Expression } | undefined {
  if (test.type !== "compare" || test.ops.length !== 1) return undefined;
  const op = test.ops[0];
  const [left, right] = [test.left, test.comparators[0]];
  const length = (e: Expression) => (e.type === "call" && e.func.type === "name" && e.func.id === "len" && e.args.length === 1 && e.args[0].kind === "positional" ? dottedName(e.args[0].value) : undefined);
  if ((op === "==" || op === ">=") && length(left)) return { list: length(left)!, size: right };
  if ((op === "==" || op === "<=") && length(right)) return { list: length(right)!, size: left };
  return undefined;
}

/** `L.append(x)` as a statement. */
function appendsTo(s: Statement, list: string): boolean {
  return s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "append" && dottedName(s.value.func.object) === list;
}

/** Whether a statement (its nested blocks too) reads the list in an expression (`torch.FloatTensor(rewards)`). */
function readsName(s: Statement, list: string): boolean {
  let found = false;
  forEachStatement([s], ({ statement }) => {
    for (const e of ownExpressions(statement)) forEachExpression(e, (x) => {
      if ((x.type === "name" || x.type === "attribute") && dottedName(x) === list) found = true;
    });
  }, [], () => false);
  return found;
}

/** Whether the loop binds, extends or empties the list anywhere but the one append and the gate's emptying. */
function rebindsElsewhere(body: Statement[], list: string, append: Statement, emptying: Statement): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    if (s === append || s === emptying) return;
    if (s.type === "assign" && s.targets.some((t) => targetBinds(t, list))) found = true;
    else if (s.type === "augmented" && dottedName(s.target) === list) found = true;
    else if (s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && dottedName(s.value.func.object) === list && /^(append|extend|insert|clear|pop)$/.test(s.value.func.name)) found = true;
  }, [], () => false);
  return found;
}

function targetBinds(t: Expression, list: string): boolean {
  if (t.type === "tuple" || t.type === "list") return t.items.some((x) => targetBinds(x, list));
  return dottedName(t) === list;
}
