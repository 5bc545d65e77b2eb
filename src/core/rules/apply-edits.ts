import { SourceText } from "./source-text";
import type { TextEdit } from "./types";

/** Applies text edits (0-based LSP ranges, all against the same original text) and returns the new text. */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, "range" | "newText">[]): string {
  const source = new SourceText(text);
  const resolved = edits.map((edit, order) => {
    const start = source.offsetAt(edit.range.start);
    const end = source.offsetAt(edit.range.end);
    if (end < start) throw new RangeError("an edit's range ends before it starts");
    return { start, end, newText: edit.newText, order };
  });
  // Later edits first so earlier offsets stay valid; insertions at one place keep their given order.
  resolved.sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let out = text;
  let limit = Infinity;
  for (const e of resolved) {
    if (e.end > limit) throw new RangeError("edits overlap");
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
