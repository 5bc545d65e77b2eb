// keras.datasets that split one published set by `test_split` (default 0.2) inside load_data: boston_housing keeps
// `x[: int(len(x) * (1 - test_split))]` for training, reuters `int(len(xs) * (1 - test_split))` of its newswires
// (Keras 2.x and 3 keras/datasets/boston_housing.py, reuters.py; keras.io/api/datasets). The training rows follow
// from the published size and the split the call passes.
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import type { Value } from "../interp/values";

interface SplitDataset {
  /** Rows of the whole set before the split. */
  rows: number;
  /** Where `test_split` sits among load_data's positional parameters. */
  testSplitPosition: number;
  /** Arguments that drop rows (reuters' `maxlen` filters long newswires): given, the count is not known. */
  filters?: readonly { name: string; position: number }[];
  /** Columns of each row where load_data returns a table of numbers (float64 arrays x of (rows, columns), y of
   *  (rows,)): boston_housing's 13 attributes. */
  columns?: number;
  source: string;
}

const SPLIT_DATASETS: Readonly<Record<string, SplitDataset>> = {
  boston_housing: { rows: 506, testSplitPosition: 1, columns: 13, source: "keras.io/api/datasets/boston_housing: 506 samples of 13 attributes (Harrison and Rubinfeld 1978), split by test_split=0.2" },
  reuters: { rows: 11_228, testSplitPosition: 4, filters: [{ name: "maxlen", position: 3 }], source: "keras.io/api/datasets/reuters: 11,228 newswires over 46 topics, split by test_split=0.2" },
};

/** The training rows of `<name>.load_data(...)` for a keras dataset split by test_split, with where the figure comes
 *  from; undefined for other names, a split it cannot read, or a filter that drops an unknown count. */
export function kerasSplitTrainRows(name: string, call: CallExpression, evaluate: (e: Expression) => Value | undefined): { value: number; source: string } | undefined {
  const d = SPLIT_DATASETS[name];
  if (!d) return undefined;
  const given = (keyword: string, position: number) => keywordArgument(call, keyword) ?? positionalArgument(call, position);
  for (const f of d.filters ?? []) {
    const e = given(f.name, f.position);
    if (e && evaluate(e)?.kind !== "none") return undefined;
  }
  const split = given("test_split", d.testSplitPosition);
  const value = split ? evaluate(split) : undefined;
  const fraction = !split ? 0.2 : value?.kind === "float" || value?.kind === "int" ? Number(value.value) : undefined;
  if (fraction === undefined || !(fraction >= 0 && fraction < 1)) return undefined;
  const rows = Math.floor(d.rows * (1 - fraction));
  return { value: rows, source: `${d.source}${split ? `; test_split=${fraction}` : ""}: ${rows} training rows` };
}

/** The keras.datasets tables split by test_split (boston_housing): name, columns, rows before the split and where
 *  test_split sits among load_data's positional parameters, for the interpreter's load_data. */
export function kerasSplitTables(): { name: string; columns: number; rows: number; testSplitPosition: number }[] {
  return Object.entries(SPLIT_DATASETS).flatMap(([name, d]) => (d.columns === undefined ? [] : [{ name, columns: d.columns, rows: d.rows, testSplitPosition: d.testSplitPosition }]));
}
