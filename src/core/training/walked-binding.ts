// A notebook (or a script written like one) binds one loader name several times at module level: `train_dl =
// DataLoader(tabular_ds, 8)` and its loop in one cell, `train_dl = DataLoader(mnist, 64)` and another loop in a later
// cell. Python runs the statements in order, so a module-level loop walks what the name holds when the loop runs: the
// last binding before it, not the first of the file. This finds the bindings a later one replaces before the loop.
import type { CodeSite } from "./code-sites";

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
