// An expression's source on one line, for the detail a figure or finding gives of where it came from.
import type { Expression } from "./ast";

/** The code of an expression, whitespace folded and shortened to 60 characters for a one-line detail. */
export function snippet(text: string, e: Expression): string {
  const code = text.slice(e.pos.startIndex, e.pos.endIndex).replace(/\s+/g, " ");
  return code.length > 60 ? `${code.slice(0, 57)}...` : code;
}
