// Where a file binds the instances of a class it builds (`generator = Generator()`, `self.actor = Actor(...)`): a
// model reported by its class is trained through those names, whatever scope binds them.
import type { Statement } from "../python/ast";
import { dottedName, forEachStatement } from "../python/syntax-walk";

/** The last part of each name or attribute the file assigns a call of `className` to, anywhere in it (function and
 *  class bodies included): `generator` of `generator = Generator()`, `actor` of `self.actor = Actor(s, a)`. */
export function classBindings(body: Statement[], className: string): string[] {
  const out = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.value.type !== "call" || dottedName(s.value.func)?.split(".").pop() !== className) return;
    for (const t of s.targets) {
      const name = dottedName(t)?.split(".").pop();
      if (name) out.add(name);
    }
  });
  return [...out];
}
