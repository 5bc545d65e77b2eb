// A loop that fills a list the run needs often names each item first (`for f in os.listdir(d): img = load_img(d + f);
// img = img_to_array(img); x.append(img)`): the names it binds for that are the loop's own temporaries, and the loop
// still only fills the list. Module-level code runs in the interpreter; the same loop under the `__main__` guard or in
// a function is replayed for the value the site needs (evaluate-site.ts), and it is replayed whole only where each of
// its statements configures what is needed or binds such a temporary.
import type { Expression, Statement } from "../python/ast";

/** Whether a loop-body statement binds only plain names the site does not need otherwise (`img = load_img(path)`). */
export function bindsLoopTemporary(s: Statement, binds: (target: Expression) => boolean): s is Extract<Statement, { type: "assign" }> {
  return s.type === "assign" && s.targets.every((t) => t.type === "name" && !binds(t));
}
