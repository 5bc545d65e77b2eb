// Learning starts on a run-wide counter: an agent stores one transition each environment step and learns only once
// its memory holds enough (`ddpg.store_transition(s, a, r, s_)` then `if ddpg.pointer > MEMORY_CAPACITY: ddpg.learn()`,
// `replay_buffer.add(...)` then `if replay_buffer.size() > MINIBATCH_SIZE:`). The counter goes up by one on each pass
// of the step loop and is never reset, so across all episodes the first passes until it passes the bound take no step:
// the run's optimizer steps are the loop's passes less those (Mnih et al. 2015's replay start size, issue 21).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { ClassValue, Value } from "../interp/values";
import { lookupClassAttribute } from "../interp/classes";
import { positiveOrZero } from "../interp/value-figures";
import { callsIn, dottedName, forEachStatement } from "../python/syntax-walk";
import { conjuncts } from "./loop-shape";
import { addsOne, counterStart } from "./while-epochs";
import type { GatedPasses } from "./gated-passes";

type LoopStatement = Extract<Statement, { type: "for" | "while" }>;
type IfStatement = Extract<Statement, { type: "if" }>;

/** Methods that store one item in a buffer: Python's list and deque `append`, and the names replay buffers give it. */
const STORES = /^(append|add|push|store(_\w+)?|remember|insert|put)$/;
/** Methods that say how many items a buffer holds. */
const SIZES = /^(size|count|__len__|length)$/;

/** What the gate reads: a counter (`agent.pointer`, `memory_counter`) or a buffer's size (`len(memory)`, `rb.size()`). */
interface Counted {
  expression: Expression;
  kind: "counter" | "size";
  /** The counter's dotted name, or the buffer's. */
  name: string;
}

/**
 * The passes of a step loop that take their step when the `if` holding every step (`gate`) tests only a run-wide
 * counter against a bound (`counter > K`, `counter >= K`), the counter going up by one on each of the loop's passes
 * (`x += 1`, a buffer's `append`/`add`/`push` or a method of the counter's object that does so) and bound nowhere
 * else in `scope` (the function around the loops, so no episode resets it). `total` is the loop's passes over the
 * whole run; `perCall` when they add up the calls of the loop's function. Undefined when the gate reads anything else
 * or a value is unknown.
 */
export function counterStartPasses(loop: LoopStatement, gate: IfStatement, total: number, scope: Statement[], before: Statement[], evaluate: (e: Expression) => Value | undefined, text: string, perCall = false): GatedPasses | undefined {
  const parts = conjuncts(gate.test);
  if (parts.length !== 1) return undefined;
  const start = startGate(parts[0]);
  const counted = start ? countedBy(start.counter) : undefined;
  // A function's own name starts again on each call (an episode helper called per episode): no run-wide count.
  if (!start || !counted || (perCall && counted.kind === "counter" && !counted.name.includes("."))) return undefined;
  const own = unconditionalStatements(loop.body);
  const at = own.findIndex((s) => s === gate);
  const moves = (s: Statement) => advancesByOne(s, counted, (held) => classOf(held, scope, evaluate));
  const advance = own.findIndex(moves);
  if (at < 0 || advance < 0 || own.filter(moves).length !== 1) return undefined;
  if (counted.kind === "counter" && boundElsewhere(scope, counted.name, loop, own[advance])) return undefined;
  const bound = positiveOrZero(evaluate(start.bound));
  // A buffer built empty holds nothing yet; a counter starts at its last binding before the loops, else where its
  // object's constructor sets it (the value read at the loop would be the interpreter's, after its passes).
  const counter = counted.expression;
  const ownerClass = counter.type === "attribute" && counter.object.type === "name" ? classOf(counter.object, scope, evaluate) : undefined;
  const from = counted.kind === "counter" ? counterStart(counter, before, ownerClass ? methodOf(ownerClass, "__init__") : undefined) : undefined;
  const initial = counted.kind === "size" ? 0 : from ? positiveOrZero(evaluate(from)) : undefined;
  if (bound === undefined || initial === undefined) return undefined;
  const first = start.inclusive ? bound : bound + 1;
  // The k-th pass (from 1) sees initial + k when the counter moves before the test, initial + k - 1 after it.
  const movesFirst = advance < at;
  const firstPass = Math.max(1, first - initial + (movesFirst ? 0 : 1));
  const value = Math.max(0, total - firstPass + 1);
  const code = text.slice(gate.test.pos.startIndex, gate.test.pos.endIndex);
  return { value, detail: `stepping when ${code}, ${counted.name} going up by one a pass from ${initial}: ${value.toLocaleString("en-US")} of the ${total.toLocaleString("en-US")} passes` };
}

/** `X > K`, `X >= K` (or `K < X`, `K <= X`): the counter read and its bound. */
function startGate(test: Expression): { counter: Expression; bound: Expression; inclusive: boolean } | undefined {
  if (test.type !== "compare" || test.ops.length !== 1) return undefined;
  const [op, left, right] = [test.ops[0], test.left, test.comparators[0]];
  if (op === ">" || op === ">=") return { counter: left, bound: right, inclusive: op === ">=" };
  if (op === "<" || op === "<=") return { counter: right, bound: left, inclusive: op === "<=" };
  return undefined;
}

/** A counter held on an object or in a name (`self.memory_counter`, `agent.pointer`, `steps`), or a buffer's size. */
function countedBy(e: Expression): Counted | undefined {
  if (e.type === "call" && e.func.type === "name" && e.func.id === "len" && e.args.length === 1 && e.args[0].kind === "positional") {
    const name = dottedName(e.args[0].value);
    return name ? { expression: e, kind: "size", name } : undefined;
  }
  if (e.type === "call" && e.args.length === 0 && e.func.type === "attribute" && SIZES.test(e.func.name)) {
    const name = dottedName(e.func.object);
    return name ? { expression: e, kind: "size", name } : undefined;
  }
  const name = e.type === "attribute" || e.type === "name" ? dottedName(e) : undefined;
  return name ? { expression: e, kind: "counter", name } : undefined;
}

/** A block's statements that run on every pass: its own and those of `with`/`try` bodies, not under an `if`. */
function unconditionalStatements(body: Statement[]): Statement[] {
  const out: Statement[] = [];
  for (const s of body) {
    if (s.type === "with" || s.type === "try") out.push(s, ...unconditionalStatements(s.body));
    else out.push(s);
  }
  return out;
}

/** Whether a statement moves the counter by one: `x += 1`, a store on the buffer, or a method of the counter's
 *  object (`agent.store_transition(...)`) whose own body does either, outside any `if` or loop. */
function advancesByOne(s: Statement, counted: Counted, classOfName: (held: Extract<Expression, { type: "name" }>) => ClassValue | undefined): boolean {
  if (counted.kind === "counter" && addsOne(s, counted.name)) return true;
  if (s.type !== "expression" && s.type !== "assign") return false;
  return callsIn(s, false).some((call) => {
    if (call.func.type !== "attribute") return false;
    const receiver = dottedName(call.func.object);
    if (counted.kind === "size" && receiver === counted.name && STORES.test(call.func.name)) return true;
    // A method of the object that holds the counter (`agent.pointer`) or the buffer (`agent.memory`).
    const owner = counted.name.includes(".") ? counted.name.slice(0, counted.name.lastIndexOf(".")) : undefined;
    if (!owner || receiver !== owner || call.func.object.type !== "name") return false;
    const cls = classOfName(call.func.object);
    const method = cls ? methodOf(cls, call.func.name) : undefined;
    const attribute = counted.name.slice(owner.length + 1);
    return method !== undefined && methodAdvances(method, attribute, counted.kind);
  });
}

/** Whether a method's own statements (not under an `if` or in a loop) add one to `self.attribute` or store one item on
 *  the buffer `self.attribute`. */
function methodAdvances(definition: FunctionDefinition, attribute: string, kind: Counted["kind"]): boolean {
  const self = definition.params[0]?.name;
  if (!self) return false;
  const name = `${self}.${attribute}`;
  return unconditionalStatements(definition.body).some((s) => (kind === "counter" ? addsOne(s, name) : (s.type === "expression" || s.type === "assign") && callsIn(s, false).some((c) => c.func.type === "attribute" && dottedName(c.func.object) === name && STORES.test(c.func.name))));
}

/** Whether `scope` binds the counter inside the step loop (but for its advance) or in a loop around it (a reset at
 *  each episode makes it no run-wide count); bindings before the loops set where it starts. */
function boundElsewhere(scope: Statement[], name: string, loop: LoopStatement, advance: Statement): boolean {
  const within = (outer: Statement, inner: Statement) => outer.pos.startIndex <= inner.pos.startIndex && inner.pos.endIndex <= outer.pos.endIndex;
  let bound = false;
  forEachStatement(scope, ({ statement: s, ancestors }) => {
    if (s === advance || bound) return;
    const targets = s.type === "assign" ? s.targets : s.type === "augmented" ? [s.target] : [];
    if (!targets.some((t) => dottedName(t) === name)) return;
    if (within(loop, s) || ancestors.some((a) => (a.type === "for" || a.type === "while") && within(a, loop))) bound = true;
  });
  return bound;
}

/** The class of the object a name holds: the object's own when it could be built, else the class the call that binds
 *  the name makes (`ddpg = DDPG(a_dim, s_dim, a_bound)`, a constructor the analysis cannot run through a graph). */
function classOf(held: Extract<Expression, { type: "name" }>, scope: Statement[], evaluate: (e: Expression) => Value | undefined): ClassValue | undefined {
  const value = evaluate(held);
  if (value?.kind === "instance") return value.cls;
  const name = held.id;
  let made: ClassValue | undefined;
  forEachStatement(scope, ({ statement: s }) => {
    if (made || s.type !== "assign" || s.value.type !== "call" || !s.targets.some((t) => t.type === "name" && t.id === name)) return;
    const cls = evaluate(s.value.func);
    if (cls?.kind === "class") made = cls;
  });
  return made;
}

/** A method a class defines or inherits, as Python source. */
function methodOf(cls: ClassValue, name: string): FunctionDefinition | undefined {
  const found = lookupClassAttribute(cls, name);
  return found?.kind === "function" && found.definition.type === "function" ? found.definition : undefined;
}
