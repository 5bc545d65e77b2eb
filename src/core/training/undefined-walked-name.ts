import type { Expression, Statement } from "../python/ast";
import { boundNames, forEachExpression, forEachStatement, ownExpressions, targetNames } from "../python/syntax-walk";

// A fragment (a lesson's snippet, a cell cut from a notebook) may step over a loader it never defines
// (`for images, labels in train_loader:` with no `train_loader =` anywhere): Python stops there with a NameError, and
// the batch the loop would take is nowhere in the code. The model input's batch (1 by default) is no figure of that
// run: the plan says the batch is unknown instead.

/** Code that may bind names the syntax does not show: `exec`, `globals()`, a notebook's `%run`. */
const HIDDEN_BINDINGS = /\bexec\s*\(|\bglobals\s*\(\s*\)|\blocals\s*\(\s*\)|%run\b|__builtins__|\bbuiltins\b/;

/** True when no statement of the file binds `name` (no assignment, loop or `with` target, import, definition,
 *  parameter, handler or walrus), no star import could, and no code binds names the syntax does not show. */
export function neverBound(body: Statement[], text: string, name: string): boolean {
  if (HIDDEN_BINDINGS.test(text)) return false;
  let bound = false;
  forEachStatement(body, ({ statement: s }) => {
    if (bound) return;
    if (s.type === "unsupported") bound = true;
    else if (s.type === "importFrom") bound = s.names === "*" || s.names.some((n) => (n.alias ?? n.name) === name);
    else if (s.type === "import") bound = s.names.some((n) => (n.alias ?? n.module.split(".")[0]) === name);
    else if (s.type === "function") bound = s.name === name || s.params.some((p) => p.name === name);
    else if (s.type === "class") bound = s.name === name;
    else if (s.type === "for") bound = targetNames(s.target).includes(name);
    else if (s.type === "with") bound = s.items.some((i) => i.target !== undefined && targetNames(i.target).includes(name));
    else if (s.type === "try") bound = s.handlers.some((h) => h.name === name);
    else if (s.type === "global" || s.type === "nonlocal") bound = false;
    else bound = boundNames(s).includes(name);
    if (!bound) for (const e of ownExpressions(s)) forEachExpression(e, (x: Expression) => {
      if ((x.type === "walrus" && x.name === name) || (x.type === "lambda" && x.params.some((p) => p.name === name))) bound = true;
      if (x.type === "comprehension") for (const c of x.clauses) if (c.kind === "for" && targetNames(c.target).includes(name)) bound = true;
    });
  });
  return !bound;
}
