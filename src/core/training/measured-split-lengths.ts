// random_split's lengths are often worked out from the dataset's size: `n_train = int(0.9 * len(ds))`, then
// `random_split(ds, [n_train, len(ds) - n_train])`. Where `ds` is a dataset whose size the plan knows from a table or a
// chain that sizes it (`load_dataset(...).select(range(50000))`), `len(ds)` is that size (Dataset.__len__), though the
// interpreter, which does not build the dataset, cannot answer it. The lengths are then the arithmetic Python does.
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { forEachStatement } from "../python/syntax-walk";

/** Assignments followed back from a name, at most: `val = total - n_train` needs `n_train`, which needs `total`. */
const MAX_DEPTH = 4;

/**
 * The lengths a list or tuple of `random_split` holds, worked out with `len(name)` of a dataset `sizeOf` knows, the
 * names assigned in `body` before `before` (their last assignment), and `evaluate` for any other name; undefined where
 * an item is not a non-negative whole number.
 */
export function measuredSplitLengths(
  lengths: Expression,
  body: Statement[],
  before: number,
  sizeOf: (name: string) => number | undefined,
  evaluate: (e: Expression) => Value | undefined,
): number[] | undefined {
  if (lengths.type !== "list" && lengths.type !== "tuple") return undefined;
  const assigned = (name: string): Expression | undefined => {
    let value: Expression | undefined;
    forEachStatement(body, ({ statement: s }) => {
      if (s.type === "assign" && s.pos.startIndex < before && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === name) value = s.value;
    });
    return value;
  };
  // Only a `len(...)` of a sized dataset makes this read differ from the interpreter's.
  let measured = false;
  const number = (e: Expression, depth: number): number | undefined => {
    if (e.type === "int" || e.type === "float") return e.value;
    if (e.type === "unary" && e.op === "-") {
      const v = number(e.operand, depth);
      return v === undefined ? undefined : -v;
    }
    if (e.type === "binary") {
      const a = number(e.left, depth);
      const b = number(e.right, depth);
      if (a === undefined || b === undefined) return undefined;
      if (e.op === "+") return a + b;
      if (e.op === "-") return a - b;
      if (e.op === "*") return a * b;
      if (e.op === "/") return b === 0 ? undefined : a / b;
      if (e.op === "//") return b === 0 ? undefined : Math.floor(a / b);
      return undefined;
    }
    if (e.type === "call" && e.func.type === "name" && e.args.length === 1 && e.args[0].kind === "positional") {
      const argument = e.args[0].value;
      if (e.func.id === "len" && argument.type === "name") {
        const size = sizeOf(argument.id);
        if (size !== undefined) measured = true;
        return size;
      }
      const v = number(argument, depth);
      if (v === undefined) return undefined;
      // int() truncates toward zero; round() rounds half to even, as Python 3 does.
      if (e.func.id === "int") return Math.trunc(v);
      if (e.func.id === "round") return roundHalfEven(v);
      return undefined;
    }
    if (e.type === "name") {
      const value = depth < MAX_DEPTH ? assigned(e.id) : undefined;
      if (value) return number(value, depth + 1);
      const v = evaluate(e);
      return v?.kind === "int" || v?.kind === "float" ? v.value : undefined;
    }
    return undefined;
  };
  const items = lengths.items.map((item) => number(item, 0));
  if (!measured || items.some((v) => v === undefined || !Number.isInteger(v) || v < 0)) return undefined;
  return items as number[];
}

/** Python 3's round(): halves go to the even neighbour. */
function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const diff = v - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
