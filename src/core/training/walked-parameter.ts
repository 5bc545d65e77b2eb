// A training function walks its parameter: `def train(dataloader): for x, y in dataloader:` walks what each call
// passes (`train(train_dl)`), even where the module also binds a loader to the parameter's name (`dataloader =
// DataLoader(ds, batch_size=4)` to peek at a batch, as notebooks do): a parameter shadows the global name in the
// function's body (docs.python.org/3/reference/executionmodel.html#resolution-of-names). This maps such a walked
// parameter to the names the module-level calls pass, and where each call is.
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
export function namesPassedFor(fn: FunctionDefinition, name: string, body: readonly Statement[], only?: Extract<Expression, { type: "call" }>): PassedName[] | undefined {
  const index = fn.params.findIndex((p) => p.name === name && (p.kind === "normal" || p.kind === "keywordOnly"));
  if (index < 0) return undefined;
  const param = fn.params[index];
  const out: PassedName[] = [];
  let calls = 0;
  for (const call of callsInBody(body as Statement[])) {
    if (call.func.type !== "name" || call.func.id !== fn.name) continue;
    // One call read alone (calls-in-turn.ts: `train(loader_a)` then `train(loader_b)`) walks what that call passes.
    if (only && call !== only) continue;
    calls++;
    const given: Expression | undefined = keywordArgument(call, name) ?? (param.kind === "normal" ? positionalArgument(call, index) : undefined) ?? param.default;
    if (given?.type === "name") out.push({ name: given.id, start: call.pos.startIndex });
  }
  return calls > 0 ? out : undefined;
}
