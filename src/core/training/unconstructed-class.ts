// A class that nothing in its file names (no `Cls(...)`, no subclass, no `fire.Fire(Cls)`): a module another file
// imports (`from model.trainer import Trainer`), or a class left for an interactive session. The plain run of the file
// never makes its object; the run its training method stands for is the one whoever builds the class with its
// `__init__` defaults starts, as for a function nothing calls (uncalled-functions.ts): `self.max_steps = max_steps`
// with `max_steps=250` reads 250 there, and a required parameter stays unknown.
import type { Expression, Statement } from "../python/ast";
import type { CodeSite } from "./code-sites";

type ClassStatement = Extract<Statement, { type: "class" }>;
type CallSite = Extract<CodeSite, { kind: "call" }>;

/** Whether `cls`'s name appears as a word in the file's text (comments aside; a string may name it for `getattr`)
 *  anywhere but its own `class` line. `code` is the file's comment-free text (python/comment-free-text.ts). */
export function namedOutsideItself(cls: ClassStatement, code: string): boolean {
  const pattern = new RegExp(`\\b${cls.name}\\b`, "g");
  const header = code.indexOf(":", cls.pos.startIndex);
  for (const m of code.matchAll(pattern)) {
    const at = m.index ?? 0;
    if (at >= cls.pos.startIndex && at < header) continue;
    return true;
  }
  return false;
}

/** Whether `cls` derives from nothing but `object`: a subclass of a library's class (a LightningDataModule, a Dataset)
 *  is built by that library where the analysis reads it, not by whoever imports the file. */
export function plainClass(cls: ClassStatement): boolean {
  return cls.bases.every((b) => b.kind === "positional" && b.value.type === "name" && b.value.id === "object");
}

/** A module-level call `Cls()` with no arguments, at the class's own place: what builds the object with its defaults. */
export function defaultsMaker(cls: ClassStatement): CallSite {
  const func: Expression = { type: "name", id: cls.name, pos: cls.pos };
  return { kind: "call", call: { type: "call", func, args: [], pos: cls.pos }, callee: cls.name, context: { before: [] }, assignedTo: [] };
}
