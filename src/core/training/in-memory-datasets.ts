// Hugging Face datasets built from Python objects the script holds (huggingface.co/docs/datasets/package_reference/
// main_classes, datasets 2.x and later): `Dataset.from_list(records)` makes a row of each item of the list,
// `Dataset.from_pandas(df)` a row of each row of the frame. Their rows are len() of what they are given, which the
// interpreter works out where the script builds it (`json.load` of a shipped file, a list it builds).
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";

/** The constructors and the parameter that holds the rows (first positional, or this keyword). */
const ROWS_PARAMETER: Record<string, string> = { from_list: "mapping", from_pandas: "df" };

/** The expression whose len() is the rows of `Dataset.from_list(x)` / `Dataset.from_pandas(x)` (also
 *  `datasets.Dataset.from_list(x)`); undefined for any other expression. */
export function inMemoryRowsSource(e: Expression): Expression | undefined {
  if (e.type !== "call" || e.func.type !== "attribute" || !(e.func.name in ROWS_PARAMETER)) return undefined;
  const owner = e.func.object;
  const named = owner.type === "name" ? owner.id : owner.type === "attribute" ? owner.name : undefined;
  if (named !== "Dataset") return undefined;
  return positionalArgument(e, 0) ?? keywordArgument(e, ROWS_PARAMETER[e.func.name]!);
}
