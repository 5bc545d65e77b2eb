// A `len(x)` call built over an expression of the code, for the interpreter to evaluate where the code builds x
// (a dataset's size where the code never asks for it).
import type { Expression } from "./ast";

/** `len(value)`, at value's position. */
export function lenCall(value: Expression): Expression {
  return { type: "call", func: { type: "name", id: "len", pos: value.pos }, args: [{ kind: "positional", value }], pos: value.pos };
}
