// A module's text with its comments blanked, for tests that read names as words (which functions a file calls): a
// name that only a comment holds (`# train_alexnet()`, a call left out) is not code. Strings stay: a name in a
// string may still be called (`getattr(module, "train")`). A comment after a statement of `...` alone stays too: a
// notebook's IPython line (`%time train()`) is read as `...#...` of the same length (notebook/notebook-program.ts),
// and the magic runs the Python it holds.

/** `text` with each comment's characters (from `#` outside a string to the line's end) made spaces, its length kept. */
export function commentFreeText(text: string): string {
  let out = "";
  let quote: string | undefined;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") lineStart = i + 1;
    if (quote !== undefined) {
      if (c === "\\") {
        out += text.slice(i, i + 2);
        i++;
        continue;
      }
      if (text.startsWith(quote, i)) {
        out += quote;
        i += quote.length - 1;
        quote = undefined;
        continue;
      }
      out += c;
      continue;
    }
    if (c === "#") {
      let end = text.indexOf("\n", i);
      if (end < 0) end = text.length;
      const kept = /^\s*\.\.\.$/.test(text.slice(lineStart, i));
      out += kept ? text.slice(i, end) : " ".repeat(end - i);
      i = end - 1;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      out += quote;
      i += quote.length - 1;
      continue;
    }
    out += c;
  }
  return out;
}
