import type { FunctionDefinition, Position, Statement } from "./ast";

/** A function body as lowered from one version of a file, by the span of its body node in that version. */
export interface LoweredBody {
  start: number;
  end: number;
  /** 0-based row where the body node starts. */
  row: number;
  statements: Statement[];
  isGenerator: boolean;
}

/** The bodies one lowering produced: what the lowering of the next, edited version may take over. */
export interface LoweredBodies {
  bySpan: Map<string, LoweredBody>;
  byDefinition: WeakMap<FunctionDefinition, LoweredBody>;
  /** How many bodies were taken over from the previous version rather than lowered (for tests and the benchmark). */
  takenOver: number;
}

/** Creates an empty record of lowered bodies. */
export function emptyLoweredBodies(): LoweredBodies {
  return { bySpan: new Map(), byDefinition: new WeakMap(), takenOver: 0 };
}

/** The span key of a body node. */
export function spanKey(start: number, end: number): string {
  return `${start}:${end}`;
}

/**
 * Where two versions of a text differ: one region, `[start, oldEnd)` before and `[start, newEnd)` after, found by
 * the common prefix and suffix (so any sequence of edits, recorded or not, reduces to it).
 */
export interface TextDifference {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** 0-based row of `oldEnd` in the old text: text on later rows only moved down or up, never sideways. */
  oldEndRow: number;
  /** Rows added (negative: removed) by the change. */
  rowDelta: number;
}

/** The region where `after` differs from `before`. */
export function textDifference(before: string, after: string): TextDifference {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return { start, oldEnd, newEnd, oldEndRow: rowsIn(before, 0, oldEnd), rowDelta: rowsIn(after, start, newEnd) - rowsIn(before, start, oldEnd) };
}

function rowsIn(text: string, from: number, to: number): number {
  let rows = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) rows++;
  return rows;
}

/** How a body that lies wholly before or after the changed region moved: index and row offsets. */
export interface BodyShift {
  indexDelta: number;
  rowDelta: number;
}

/**
 * The previous version's lowering of the body node now at `[start, end)`, if its text cannot have changed: it ends
 * before the changed region, or starts after it on a later row (so only its rows and indices moved, not columns).
 */
export function previousBody(difference: TextDifference, start: number, end: number, previous: LoweredBodies): { body: LoweredBody; shift: BodyShift } | undefined {
  if (end < difference.start) {
    const body = previous.bySpan.get(spanKey(start, end));
    return body && { body, shift: { indexDelta: 0, rowDelta: 0 } };
  }
  if (start <= difference.newEnd) return undefined;
  const indexDelta = difference.newEnd - difference.oldEnd;
  const body = previous.bySpan.get(spanKey(start - indexDelta, end - indexDelta));
  if (!body || body.row <= difference.oldEndRow) return undefined;
  return { body, shift: { indexDelta, rowDelta: difference.rowDelta } };
}

/** Thrown inside `cloneBody` when a nested function's body was never lowered: that body cannot be taken over. */
class NotLowered extends Error {}

/**
 * A copy of a previously lowered body moved by `shift` (positions and `defLine`), with every nested function's
 * body copied too and recorded in `into`; undefined when a nested body was never lowered in the previous version.
 */
export function cloneBody(body: LoweredBody, shift: BodyShift, previous: LoweredBodies, into: LoweredBodies): LoweredBody | undefined {
  try {
    const copy = cloneLowered(body, shift, previous, into);
    into.takenOver++;
    return copy;
  } catch (error) {
    if (error instanceof NotLowered) return undefined;
    throw error;
  }
}

function cloneLowered(body: LoweredBody, shift: BodyShift, previous: LoweredBodies, into: LoweredBodies): LoweredBody {
  const copy: LoweredBody = {
    start: body.start + shift.indexDelta,
    end: body.end + shift.indexDelta,
    row: body.row + shift.rowDelta,
    statements: cloneValue(body.statements, shift, previous, into) as Statement[],
    isGenerator: body.isGenerator,
  };
  into.bySpan.set(spanKey(copy.start, copy.end), copy);
  return copy;
}

function cloneValue(value: unknown, shift: BodyShift, previous: LoweredBodies, into: LoweredBodies): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => cloneValue(item, shift, previous, into));
  const record = value as Record<string, unknown>;
  if (record.type === "function" && "defLine" in record) {
    const definition = record as unknown as FunctionDefinition;
    const lowered = previous.byDefinition.get(definition);
    if (!lowered) throw new NotLowered();
    const nested = cloneLowered(lowered, shift, previous, into);
    const copy: FunctionDefinition = {
      type: "function",
      name: definition.name,
      params: cloneValue(definition.params, shift, previous, into) as FunctionDefinition["params"],
      body: nested.statements,
      decorators: cloneValue(definition.decorators, shift, previous, into) as FunctionDefinition["decorators"],
      pos: shifted(definition.pos, shift),
      defLine: definition.defLine + shift.rowDelta,
      isGenerator: nested.isGenerator,
    };
    into.byDefinition.set(copy, nested);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    copy[key] = key === "pos" ? shifted(record[key] as Position, shift) : cloneValue(record[key], shift, previous, into);
  }
  return copy;
}

function shifted(pos: Position, shift: BodyShift): Position {
  return {
    line: pos.line + shift.rowDelta,
    column: pos.column,
    endLine: pos.endLine + shift.rowDelta,
    endColumn: pos.endColumn,
    startIndex: pos.startIndex + shift.indexDelta,
    endIndex: pos.endIndex + shift.indexDelta,
  };
}
