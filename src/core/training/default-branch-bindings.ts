// Bindings of a name that a plain run makes: one written under an `if` branch the run's defaults do not take
// (`if limit_size: ds = part` / `else: ds = whole`, limit_size=True by default) binds nothing, so the name's last binding
// before a use is the one the taken branch wrote, not the later one in source order.
import type { Expression } from "../python/ast";
import type { CodeSite } from "./code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** The bindings whose value starts with a call site the run's defaults reach (`reaches`), and those with no such site. */
export function bindingsRunByDefault<T extends { value: Expression }>(bindings: T[], sites: CodeSite[], reaches: (site: CallSite) => boolean): T[] {
  // A chain's value starts where its innermost call does (`load_dataset(...)["train"].select(...)`): one lookup each.
  const byStart = new Map<number, CallSite>();
  for (const site of sites) if (site.kind === "call" && site.context.conditions && !byStart.has(site.call.pos.startIndex)) byStart.set(site.call.pos.startIndex, site);
  if (byStart.size === 0) return bindings;
  return bindings.filter((b) => {
    const site = byStart.get(b.value.pos.startIndex);
    return !site || reaches(site);
  });
}
