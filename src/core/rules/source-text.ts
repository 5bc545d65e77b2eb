import type { TextPosition, TextRange } from "./types";

/**
 * A file's text with what edits need to match its style: line starts, the line ending it uses (CRLF or LF) and its
 * indentation unit (a tab, or N spaces).
 */
export class SourceText {
  readonly lineStarts: number[] = [0];
  readonly eol: "\r\n" | "\n";
  readonly indentUnit: string;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    const crlf = (text.match(/\r\n/g) ?? []).length;
    const lf = (text.match(/\n/g) ?? []).length - crlf;
    this.eol = crlf > lf ? "\r\n" : "\n";
    this.indentUnit = detectIndentUnit(this);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Text of a 0-based line without its line ending. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return "";
    const next = this.lineStarts[line + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** Leading whitespace of a 0-based line. */
  indentation(line: number): string {
    return /^[ \t]*/.exec(this.lineText(line))![0];
  }

  positionAt(offset: number): TextPosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  /** Offset of a position; throws when the position is outside the text (an edit computed for another version). */
  offsetAt(position: TextPosition): number {
    const start = this.lineStarts[position.line];
    if (start === undefined || position.character < 0) throw new RangeError(`position ${position.line + 1}:${position.character + 1} is outside the text`);
    const length = this.lineText(position.line).length;
    if (position.character > length) throw new RangeError(`position ${position.line + 1}:${position.character + 1} is past the end of its line`);
    return start + position.character;
  }

  range(startOffset: number, endOffset: number): TextRange {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** An empty range at the start of a 0-based line (where whole lines are inserted). */
  lineStartRange(line: number): TextRange {
    return { start: { line, character: 0 }, end: { line, character: 0 } };
  }

  /** True when the last line has no line ending (inserting after it must add one first). */
  get endsWithoutNewline(): boolean {
    return this.text.length > 0 && !this.text.endsWith("\n");
  }
}

/** The indentation unit: the smallest step between a block opener's line and the first line of its block. */
function detectIndentUnit(source: SourceText): string {
  const counts = new Map<string, number>();
  let previous: { indent: string; opens: boolean } | undefined;
  for (let line = 0; line < source.lineCount; line++) {
    const text = source.lineText(line);
    if (text.trim() === "" || text.trimStart().startsWith("#")) continue;
    const indent = /^[ \t]*/.exec(text)![0];
    if (previous?.opens && indent.length > previous.indent.length && indent.startsWith(previous.indent)) {
      const step = indent.slice(previous.indent.length);
      if (/^(\t+| +)$/.test(step)) counts.set(step, (counts.get(step) ?? 0) + 1);
    }
    previous = { indent, opens: /:\s*(#.*)?$/.test(text) };
  }
  let best = "    ";
  let bestCount = 0;
  for (const [step, count] of counts) if (count > bestCount) [best, bestCount] = [step, count];
  return best;
}
