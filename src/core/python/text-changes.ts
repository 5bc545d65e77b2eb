import { Edit, type Point } from "web-tree-sitter";

/**
 * One change to a text, as an editor reports it: `deletedLength` characters at `offset` replaced by `insertedText`.
 * Offsets count UTF-16 code units, as JavaScript strings (and VS Code, and web-tree-sitter) do.
 */
export interface TextChange {
  offset: number;
  deletedLength: number;
  insertedText: string;
}

/** True when the change lies inside a text of this length. */
export function changeFits(change: TextChange, length: number): boolean {
  return (
    Number.isInteger(change.offset) &&
    Number.isInteger(change.deletedLength) &&
    change.offset >= 0 &&
    change.deletedLength >= 0 &&
    change.offset + change.deletedLength <= length
  );
}

/** The text after the changes, each applied to the text the previous one left; undefined if one does not fit. */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string | undefined {
  let current = text;
  for (const change of changes) {
    if (!changeFits(change, current.length)) return undefined;
    current = current.slice(0, change.offset) + change.insertedText + current.slice(change.offset + change.deletedLength);
  }
  return current;
}

/** tree-sitter's description of a change made to `before` (rows and columns counted in code units, like offsets). */
export function treeEditFor(before: string, change: TextChange): Edit {
  const start = pointAt(before, change.offset);
  const oldEnd = pointAt(before, change.offset + change.deletedLength, start, change.offset);
  return new Edit({
    startIndex: change.offset,
    oldEndIndex: change.offset + change.deletedLength,
    newEndIndex: change.offset + change.insertedText.length,
    startPosition: start,
    oldEndPosition: oldEnd,
    newEndPosition: advance(start, change.insertedText),
  });
}

/** Row and column of an offset, scanning from a known earlier point. */
function pointAt(text: string, offset: number, from: Point = { row: 0, column: 0 }, fromOffset = 0): Point {
  let row = from.row;
  let lineStart = fromOffset - from.column;
  for (let i = text.indexOf("\n", fromOffset); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The point reached by writing `inserted` at `start`. */
function advance(start: Point, inserted: string): Point {
  const lastNewline = inserted.lastIndexOf("\n");
  if (lastNewline < 0) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf("\n"); i >= 0; i = inserted.indexOf("\n", i + 1)) rows++;
  return { row: start.row + rows, column: inserted.length - lastNewline - 1 };
}
