// A Keras fit in a function the file never reaches (`def train_alexnet(): ... net.fit(x_batch, y_batch)` with its call
// left out, `# train_alexnet()`) beside a fit the plain run does reach (`net.fit(x_batch, y_batch)` at the module's
// level): the run is the reached fit's, so the unreached one gives no figures, nor do the counts set in that function
// (`epoch = 5` for its loop). Where every fit is unreached, each
// still gives its figures, with the note that the plain run trains nothing (uncalled-functions.ts).
import type { CodeSite } from "./code-sites";
import { unreachedHolder } from "./uncalled-functions";
import type { Statement } from "../python/ast";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** Whether a call of Keras' fit, given what to train on. */
function isFitCall(site: CodeSite): site is CallSite {
  if (site.kind !== "call") return false;
  const f = site.call.func;
  return f.type === "attribute" && (f.name === "fit" || f.name === "fit_generator") && site.call.args.length > 0;
}

/** Whether a site (a fit, a count) lies in a function the file never reaches while a fit of the file lies where it runs. */
export function unreachedBesideReachedFit(site: CodeSite, sites: readonly CodeSite[], body: Statement[], text: string): boolean {
  const unreached = (s: CodeSite) => unreachedHolder(s.context.fn, s.context.enclosing, body, text) !== undefined;
  if (!unreached(site)) return false;
  return sites.some((s) => s !== site && isFitCall(s) && !unreached(s));
}
