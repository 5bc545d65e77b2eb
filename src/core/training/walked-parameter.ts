// A training function walks its parameter: `def train(dataloader): for x, y in dataloader:` walks what each call
// passes (`train(train_dl)`), even where the module also binds a loader to the parameter's name (`dataloader =
// DataLoader(ds, batch_size=4)` to peek at a batch, as notebooks do): a parameter shadows the global name in the
// function's body (docs.python.org/3/reference/executionmodel.html#resolution-of-names). This maps such a walked
// parameter to the names the module-level calls pass, and where each call is. A function that hands its own parameter
// on (`def train_epochs(model, dl): for e in range(5): train_one_epoch(model, dl)`) walks what its callers pass, so the
// name is followed through such calls to the module-level ones, where the name's binding is read.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsInBody, keywordArgument, positionalArgument } from "../python/syntax-walk";

/** A name a module-level call hands a function for the parameter its loop walks, and where that call starts. */
export interface PassedName {
  name: string;
  start: number;
}

/**
 * What the step loop's walked `name` is at module level: undefined when it is not a parameter of `fn` (a global or a
 * local name, read as before); else the plain names the module's calls of `fn` by name pass for it (positionally or
 * by keyword), empty when those calls pass no name (what it walks is then not a module binding of that name); undefined
 * too when the module never calls `fn` by name (a method, a function handed elsewhere): nothing then says what it walks.
 * `only`: the one call of `fn` the plan is read for, when it is read a call at a time.
 */
export function namesPassedFor(fn: FunctionDefinition, name: string, body: readonly Statement[], only?: Extract<Expression, { type: "call" }>, depth = 0): PassedName[] | undefined {
  const index = fn.params.findIndex((p) => p.name === name && (p.kind === "normal" || p.kind === "keywordOnly"));
  if (index < 0) return undefined;
  const param = fn.params[index];
  const given = (call: Extract<Expression, { type: "call" }>): Expression | undefined => keywordArgument(call, name) ?? (param.kind === "normal" ? positionalArgument(call, index) : undefined) ?? param.default;
  const out: PassedName[] = [];
  let calls = 0;
  for (const call of callsInBody(body as Statement[])) {
    if (call.func.type !== "name" || call.func.id !== fn.name) continue;
    // One call read alone (calls-in-turn.ts: `train(loader_a)` then `train(loader_b)`) walks what that call passes.
    if (only && call !== only) continue;
    calls++;
    const passed = given(call);
    if (passed?.type === "name") out.push({ name: passed.id, start: call.pos.startIndex });
  }
  if (calls > 0 || depth >= MAX_HAND_ON) return calls > 0 ? out : undefined;
  // No module-level call: the module-level functions that call `fn` handing on a parameter of their own.
  for (const caller of body) {
    if (caller.type !== "function" || caller === fn) continue;
    for (const call of callsInBody(caller.body)) {
      if (call.func.type !== "name" || call.func.id !== fn.name) continue;
      const passed = given(call);
      const outer = passed?.type === "name" ? namesPassedFor(caller, passed.id, body, undefined, depth + 1) : undefined;
      if (!outer) continue;
      calls++;
      out.push(...outer);
    }
  }
  return calls > 0 ? out : undefined;
}

// How many functions deep a handed-on parameter is followed (train_one_epoch ← train_epochs ← fit ← the module).
const MAX_HAND_ON = 3;
