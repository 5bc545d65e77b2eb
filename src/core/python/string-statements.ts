// A string that stands alone as a statement runs nothing: a docstring, or a block of code quoted out with
// `''' ... '''` (a training loop kept for later in a script that now loads the saved weights and evaluates them).
// Python evaluates the literal and drops it (docs.python.org/3/reference/simple_stmts.html#expression-statements), so
// the `loss.backward()` it holds is no more code than a comment's. Tests that ask whether a file's text names
// training read the text with such strings blanked, as comment-free-text.ts blanks comments; a string handed to a
// call (`getattr(module, "train")`) is no statement and stays.
import type { Statement } from "./ast";
import { forEachStatement } from "./syntax-walk";

/** Text that may open a multi-line string: functions without it are not entered (their bodies lower lazily). */
const TRIPLE_QUOTE = /'''|"""/;

/** `text` with the characters of every string statement (module, class and function level) made spaces, its length
 *  and line breaks kept. */
export function stringStatementsBlanked(body: Statement[], text: string): string {
  if (!TRIPLE_QUOTE.test(text)) return text;
  const ranges: [number, number][] = [];
  forEachStatement(
    body,
    ({ statement: s }) => {
      if (s.type === "expression" && s.value.type === "str") ranges.push([s.pos.startIndex, s.pos.endIndex]);
    },
    [],
    (def) => TRIPLE_QUOTE.test(text.slice(def.pos.startIndex, def.pos.endIndex)),
  );
  if (ranges.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\n]/g, " ");
    at = end;
  }
  return out + text.slice(at);
}
