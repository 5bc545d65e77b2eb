// A notebook (or a script written like one) binds one loader name several times at module level: `train_dl =
// DataLoader(tabular_ds, 8)` and its loop in one cell, `train_dl = DataLoader(mnist, 64)` and another loop in a later
// cell. Python runs the statements in order, so a module-level loop walks what the name holds when the loop runs: the
// last binding before it, not the first of the file. This finds the bindings a later one replaces before the loop.
// A function's loop over a global name (`def train_epoch(model): for xb, yb in dl:`) walks it where the module calls
// the function, directly or through another of its functions (`train_model(net, 20)` calling `train_epoch`): a demo
// `dl = DataLoader(range(15), batch_size=5)` a later cell replaces before those calls is not the one walked.
import type { CodeSite } from "./code-sites";
import type { FunctionDefinition, Statement } from "../python/ast";
import { callsIn, callsInBody, isLocalTo } from "../python/syntax-walk";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** A module-level step loop walking a name: the name and where the loop starts in the text. */
export interface WalkedAt {
  name: string;
  start: number;
}

/**
 * The loader sites, among `sites`, that a module-level step loop does not walk although it walks their name: each is
 * a module-level binding of that name followed by another before the first module-level loop walking the name
 * (`train_dl = DataLoader(a)`, `train_dl = DataLoader(b)`, `for x, y in train_dl:` walks b), or one made after every
 * such loop. Names no module-level loop walks, and bindings inside functions, are left alone.
 */
export function replacedLoaderBindings(sites: readonly CallSite[], walked: readonly WalkedAt[]): Set<CallSite> {
  const replaced = new Set<CallSite>();
  for (const name of new Set(walked.map((w) => w.name))) {
    const first = Math.min(...walked.filter((w) => w.name === name).map((w) => w.start));
    const bindings = sites.filter((s) => s.context.fn === undefined && s.assignedTo.includes(name));
    if (bindings.length < 2) continue;
    const before = bindings.filter((s) => s.call.pos.endIndex <= first);
    // The loop walks the last binding before it; with none before it, the name is not walked by what is bound here.
    const walkedSite = before.length > 0 ? before.reduce((a, b) => (a.call.pos.startIndex > b.call.pos.startIndex ? a : b)) : undefined;
    if (!walkedSite) continue;
    for (const s of bindings) if (s !== walkedSite) replaced.add(s);
  }
  return replaced;
}

/** Where the module's own statements run a module-level function: the starts of the statements that call it by name,
 *  directly or through other module-level functions that do (the walks its loop makes happen there). */
export function moduleCallStarts(fn: FunctionDefinition, body: Statement[], seen: Set<FunctionDefinition> = new Set()): number[] {
  if (seen.has(fn)) return [];
  seen.add(fn);
  const calls = (calls: ReturnType<typeof callsInBody>) => calls.some((c) => c.func.type === "name" && c.func.id === fn.name);
  const starts = body.filter((s) => s.type !== "function" && s.type !== "class" && calls(callsIn(s, true))).map((s) => s.pos.startIndex);
  for (const caller of body) if (caller.type === "function" && caller !== fn && calls(callsInBody(caller.body))) starts.push(...moduleCallStarts(caller, body, seen));
  return starts;
}

/** The walks of a global name by a module-level function's loop, one where each module statement runs the function;
 *  none for a name the function binds or takes as a parameter, or a function not defined at the module's level. */
export function globalWalks(fn: FunctionDefinition, name: string, body: Statement[]): WalkedAt[] {
  if (!body.includes(fn) || isLocalTo(fn, name)) return [];
  return moduleCallStarts(fn, body).map((start) => ({ name, start }));
}

