import type { Statement } from "../python/ast";
import { forEachStatement, namesIn, ownExpressions } from "../python/syntax-walk";
import type { Value } from "./values";

// A `while` whose test the interpreter can decide but whose body it cannot advance: `while len(pairs) < SIZE:` around
// `key = (random.randint(...), ...)`, `if key in seen: continue`, `pairs.append(...)`. The draws are unknown, the
// `if` takes its first arm each pass, and the list never grows: the interpreter would run the same pass until the
// statement's share of the time ran out (about 18 s). When a pass leaves every name the loop reads or binds as it
// found it, the next pass is the same computation: after a run of such passes the loop is left as undecided.

/** Passes in a row that change nothing the loop reads or binds, after which it is taken as making no progress. */
export const STALLED_PASSES = 64;

/** The names a `while` loop's test and body read or bind (function and class bodies left out), or undefined when a
 *  pass could change state those names do not show: an item or attribute assigned, a `global` or `nonlocal`, or
 *  when the loop yields. */
export function whileLoopNames(loop: Extract<Statement, { type: "while" }>): string[] | undefined {
  // Read once per loop of a parsed file: a loop in a function called many times is entered again and again.
  if (loopNames.has(loop)) return loopNames.get(loop);
  const found = readLoopNames(loop);
  loopNames.set(loop, found);
  return found;
}

const loopNames = new WeakMap<Statement, string[] | undefined>();

function readLoopNames(loop: Extract<Statement, { type: "while" }>): string[] | undefined {
  const names = namesIn([loop.test], new Set());
  let hidden = false;
  forEachStatement(loop.body, ({ statement: s }) => {
    if (s.type === "global" || s.type === "nonlocal" || s.type === "function" || s.type === "class") hidden = true;
    const targets = s.type === "assign" ? s.targets : s.type === "augmented" || s.type === "annotated" ? [s.target] : s.type === "for" ? [s.target] : [];
    if (targets.some((t) => t.type === "subscript" || t.type === "attribute")) hidden = true;
    namesIn(ownExpressions(s), names);
  }, [], () => false);
  // A generator's loop (`while True: for x in xs: yield x`) hands out an item each pass: the eager run counts those.
  if (names.has("__greenlight_yield__") || names.has("__greenlight_yield_from__")) return undefined;
  return hidden ? undefined : [...names];
}

/** What a value shows of its state for comparing passes: scalars by value, containers by identity and size, tuples by
 *  their items, unknowns alike; undefined for an object whose state it cannot see (an instance, a tensor). */
function print(v: Value, depth = 0): unknown {
  switch (v.kind) {
    case "none": return "None";
    case "bool": case "int": case "float": case "str": return `${v.kind}:${String(v.value)}`;
    case "unknown": return "?";
    case "list": return `list:${v.id}:${v.items.length}`;
    case "dict": return `dict:${v.id}:${v.entries.size}`;
    case "set": return `set:${v.id}:${v.entries.size}`;
    case "tuple": {
      if (depth > 2) return undefined;
      const items = v.items.map((x) => print(x, depth + 1));
      return items.some((x) => x === undefined) ? undefined : `(${items.map(String).join(",")})`;
    }
    case "function": case "native": case "class": case "namespace": return v;
    default: return undefined;
  }
}

/** One pass's fingerprint of the loop's names, or undefined when one of them cannot be compared. */
export function passPrint(values: readonly Value[]): unknown[] | undefined {
  const out: unknown[] = [];
  for (const v of values) {
    const p = print(v);
    if (p === undefined) return undefined;
    out.push(p);
  }
  return out;
}

/** Whether two passes' fingerprints are the same. */
export function samePrint(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
