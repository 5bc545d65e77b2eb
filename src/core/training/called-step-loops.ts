// A step loop in a function that an epoch loop calls (`for epoch in range(E): train(...)` with `def train(...): for i
// in range(S): ... optimizer.step()`) runs its S steps in each epoch, as a step loop written inside the epoch loop does.
// The call may go through functions of the module that call it in turn (`for e in range(1, 16): train_and_test(e)`,
// which calls `train(epoch)`): Python runs the inner loop once per pass all the same. So does a closure a module-level
// function returns (`one_pass = get_loop(model, optimizer)` then `one_pass(loader)`, returned-closures.ts).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { calleeName, callsIn, callsInBody, childBodies, type CallExpression } from "../python/syntax-walk";
import { argumentsByParameter } from "./call-site-bindings";
import { walkedName } from "./loop-shape";
import { returnedClosures } from "./returned-closures";

interface Span {
  startIndex: number;
  endIndex: number;
}

/** Call levels followed from the loop: the loop's own call, and two functions it runs through. */
const MAX_DEPTH = 3;
const EPOCH_PARAMETER = /epoch/i;

const within = (inner: Span, outer: Span) => inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;

/** The module-level functions of `body` that the calls reach by name (or through a closure one returns), through at
 *  most MAX_DEPTH levels, skipping those that hold `outside` (the loop's own function: a call back into it is
 *  recursion, not a pass of the loop). */
function reachedFunctions(body: Statement[], calls: CallExpression[], outside: Span): FunctionDefinition[] {
  const functions = body.filter((s): s is FunctionDefinition => s.type === "function" && !within(outside, s.pos));
  const reached: FunctionDefinition[] = [];
  let frontier = calls;
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const names = new Set(frontier.flatMap((c) => (c.func.type === "name" ? [calleeName(c)] : [])));
    const found = functions.filter((f) => names.has(f.name) && !reached.includes(f));
    // A call of a name bound to a closure runs the nested function, which sits in the function that returned it.
    const closures = [...names].flatMap((n) => {
      const closure = n !== undefined ? returnedClosures(body).get(n) : undefined;
      const factory = closure && functions.find((f) => within(closure.pos, f.pos));
      return closure && factory && !reached.includes(factory) && !found.includes(factory) ? [{ closure, factory }] : [];
    });
    reached.push(...found, ...closures.map((c) => c.factory));
    frontier = [...found.flatMap((f) => callsInBody(f.body)), ...closures.flatMap((c) => callsInBody(c.closure.body))];
  }
  return reached;
}

/** Whether the step loop at `stepLoop` is in a module-level function that the epoch loop calls by name, directly or
 *  through other functions of the module (the epoch loop itself outside that function), or in a method of the body
 *  that it calls on its own object (`self.train_epoch()`), so its steps are per epoch. */
export function stepLoopCalledPerEpoch(body: Statement[], stepLoop: Span, epochLoop: { pos: Span; body: Statement[] }): boolean {
  const holder = definitionHolding(body, stepLoop);
  const fn = holder?.fn;
  if (fn && within(epochLoop.pos, fn.pos)) return callsNestedDefinition(fn.body, stepLoop, epochLoop);
  if (!fn) return false;
  const caller = definitionHolding(body, epochLoop.pos);
  // A method calls a sibling on its own object: `self._train_phase()` in the class that defines both.
  if (holder.cls !== caller?.cls) return false;
  const self = caller?.fn.params[0]?.name;
  const calls = callsInBody(epochLoop.body);
  return (!holder.cls && reachedFunctions(body, calls, epochLoop.pos).includes(fn)) ||
    calls.some((c) => self !== undefined && c.func.type === "attribute" && c.func.name === fn.name && c.func.object.type === "name" && c.func.object.id === self && fn.params[0]?.name !== undefined);
}

/** The module-level function, or method of a module-level class, whose body holds `span`, with that class. */
function definitionHolding(body: Statement[], span: Span): { fn: FunctionDefinition; cls?: Statement } | undefined {
  for (const s of body) {
    if (s.type === "function" && within(span, s.pos)) return { fn: s };
    if (s.type === "class" && within(span, s.pos)) {
      const method = s.body.find((m): m is FunctionDefinition => m.type === "function" && within(span, m.pos));
      return method ? { fn: method, cls: s } : undefined;
    }
  }
  return undefined;
}

/** Whether the epoch loop calls by name a function defined in the same function as it, before it, that holds the step
 *  loop (Spinning Up's PPO: `def update():` with its `for i in range(train_pi_iters):` inside `ppo()`, then `for epoch
 *  in range(epochs): ...; update()`): Python runs the nested function's loops on each call, once per epoch. */
function callsNestedDefinition(block: Statement[], stepLoop: Span, epochLoop: { pos: Span; body: Statement[] }): boolean {
  const nested = block.find((s): s is FunctionDefinition => s.type === "function" && within(stepLoop, s.pos) && s.pos.endIndex <= epochLoop.pos.startIndex);
  return nested !== undefined && callsInBody(epochLoop.body).some((c) => c.func.type === "name" && c.func.id === nested.name);
}

/** Whether a loop calls, by name and directly or through other functions of the module, a module-level function of
 *  `body` that holds one of `stepLoops` (`for i in range(config.epochs): run(net, loader, optimizer, train=True)`). */
export function callsStepLoopFunction(body: Statement[], loop: { pos: Span; body: Statement[] }, stepLoops: Span[]): boolean {
  return reachedFunctions(body, callsInBody(loop.body), loop.pos).some((f) => stepLoops.some((l) => within(l, f.pos))) || callsStepLoopMethod(body, loop, stepLoops);
}

/** Whether a loop in a method calls, on its own object, a method of the same class that holds one of `stepLoops`
 *  (`while iteration <= limit: self._train_phase()`), directly or through such methods, as Python looks the name up on
 *  the instance's class. */
function callsStepLoopMethod(body: Statement[], loop: { pos: Span; body: Statement[] }, stepLoops: Span[]): boolean {
  const holder = definitionHolding(body, loop.pos);
  const self = holder?.fn.params[0]?.name;
  if (!holder || self === undefined) return false;
  // A method read with its helpers, out of its class (another file's training method: foreign-loops.ts), sits at the
  // top of the body beside them.
  const siblings = holder.cls?.type === "class" ? holder.cls.body : !holder.cls && self === "self" ? body : [];
  const methods = siblings.filter((m): m is FunctionDefinition => m.type === "function" && m !== holder.fn);
  const selfCalls = (calls: CallExpression[]) => new Set(calls.flatMap((c) => (c.func.type === "attribute" && c.func.object.type === "name" && c.func.object.id === self ? [c.func.name] : [])));
  const reached: FunctionDefinition[] = [];
  let names = selfCalls(callsInBody(loop.body));
  for (let depth = 0; depth < MAX_DEPTH && names.size > 0; depth++) {
    const found = methods.filter((m) => names.has(m.name) && !reached.includes(m) && m.params[0]?.name === self);
    reached.push(...found);
    names = selfCalls(found.flatMap((m) => callsInBody(m.body)));
  }
  return reached.some((m) => stepLoops.some((l) => within(l, m.pos)));
}

/** Whether the loop passes its variable as a parameter named for the epoch (`train_and_test(e)` of `def
 *  train_and_test(epoch):`) to a module-level function from which a step loop is reached: the loop counts epochs,
 *  whatever its own variable is called. */
export function passesEpochToStepLoop(body: Statement[], loop: { pos: Span; body: Statement[] }, variable: string, stepLoops: Span[]): boolean {
  const isVariable = (e: Expression | undefined) => e?.type === "name" && e.id === variable;
  for (const call of callsInBody(loop.body)) {
    if (call.func.type !== "name") continue;
    const fn = body.find((s): s is FunctionDefinition => s.type === "function" && s.name === calleeName(call) && !within(loop.pos, s.pos));
    if (!fn) continue;
    const passed = [...argumentsByParameter(fn, call)].some(([name, value]) => EPOCH_PARAMETER.test(name) && isVariable(value));
    if (passed && (stepLoops.some((l) => within(l, fn.pos)) || callsStepLoopFunction(body, fn, stepLoops))) return true;
  }
  return false;
}

/** Whether a counted loop (`for i in range(n_iter):`) calls, by name, a module-level function that is handed a whole
 *  loader bound outside the loop (`run_epoch(model, loader, opt)`, `isLoader` says which names are loaders) and whose
 *  step loop walks that parameter (`for x, y in loader:`, also under enumerate/tqdm): each call is one pass over the
 *  data, so each turn of the loop is an epoch, whatever the loop or its count is named. */
export function passesLoaderToStepLoop(body: Statement[], loop: { pos: Span; body: Statement[] }, stepLoops: Span[], isLoader: (name: string) => boolean): boolean {
  const rebound = new Set<string>();
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (s.type === "assign") for (const t of s.targets) if (t.type === "name") rebound.add(t.id);
      if (s.type === "if" || s.type === "with" || s.type === "try") for (const b of childBodies(s)) visit(b);
    }
  };
  visit(loop.body);
  // Calls of the loop's own statements: one in a loop nested inside (`for run in range(R): for epoch in range(E):
  // train(model, loader)`) makes that inner loop the one passing the loader, and the outer one runs it again.
  for (const call of callsOutsideNestedLoops(loop.body)) {
    if (call.func.type !== "name") continue;
    const fn = body.find((s): s is FunctionDefinition => s.type === "function" && s.name === calleeName(call) && !within(loop.pos, s.pos));
    if (!fn) continue;
    for (const [parameter, value] of argumentsByParameter(fn, call)) {
      if (value.type !== "name" || rebound.has(value.id) || !isLoader(value.id)) continue;
      if (walksParameter(fn.body, parameter, stepLoops)) return true;
    }
  }
  return false;
}

/** Calls of a block and of its if/with/try blocks, not of the loops (or def/class bodies) nested in it. */
function callsOutsideNestedLoops(body: Statement[]): CallExpression[] {
  return body.flatMap((s) => [...callsIn(s, false), ...(s.type === "if" || s.type === "with" || s.type === "try" ? childBodies(s).flatMap(callsOutsideNestedLoops) : [])]);
}

/** Whether a step loop of the function's own body walks the parameter whole (`for batch in loader:`,
 *  `for i, (x, y) in enumerate(tqdm(loader)):`). */
function walksParameter(block: Statement[], parameter: string, stepLoops: Span[]): boolean {
  return block.some((s) => {
    if (s.type === "for" && walkedName(s.iter) === parameter && stepLoops.some((l) => l.startIndex === s.pos.startIndex && l.endIndex === s.pos.endIndex)) return true;
    if (s.type === "function" || s.type === "class") return false;
    return childBodies(s).some((b) => walksParameter(b, parameter, stepLoops));
  });
}
