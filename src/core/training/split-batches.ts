// Batches cut from a tensor or array by a split call that the step loop walks, with no loader:
// `for xb, yb in zip(torch.split(X, 64), torch.split(Y, 64)):`, `for xb in X.chunk(10):`,
// `for xb, yb in zip(np.array_split(X, n), np.array_split(Y, n)):`. Along the first dimension:
// - torch.split(t, k) gives pieces of k rows, the last smaller (pytorch.org/docs/stable/generated/torch.split.html);
// - torch.chunk(t, c) gives pieces of ⌈n / c⌉ rows (pytorch.org/docs/stable/generated/torch.chunk.html);
// - numpy.array_split(a, s) gives s sections, the first n % s of them ⌊n / s⌋ + 1 rows, the rest ⌊n / s⌋
//   (numpy.org/doc/stable/reference/generated/numpy.array_split.html), and numpy.split(a, s) s equal ones.
// Each piece is one batch, the largest the batch a step takes; a pass walks all n rows.
import type { Expression } from "../python/ast";
import { dottedName, keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { LoopStatement } from "./loop-shape";

/** The data a loop's split cuts into batches, the split's count argument, and how that count reads. */
export interface SplitBatches {
  data: Expression;
  count: Expression;
  /** "rows": each piece has `count` rows (torch.split); "pieces": the data is cut into `count` pieces. */
  counts: "rows" | "pieces";
  /** numpy's sections (array_split, split) rather than torch.chunk's ⌈n / c⌉-row pieces. */
  sections: boolean;
  call: Expression;
}

/** The split a loop walks: its iterable, the first iterable of a `zip(...)`, or what `enumerate(...)` wraps. */
export function splitLoopBatches(loop: LoopStatement): SplitBatches | undefined {
  if (loop.type !== "for") return undefined;
  let iter = loop.iter;
  for (let depth = 0; depth < 3 && iter.type === "call" && iter.func.type === "name" && (iter.func.id === "zip" || iter.func.id === "enumerate"); depth++) {
    const first = positionalArgument(iter, 0);
    if (!first) return undefined;
    iter = first;
  }
  return splitCall(iter);
}

function splitCall(e: Expression): SplitBatches | undefined {
  if (e.type !== "call" || e.func.type !== "attribute") return undefined;
  const method = e.func.name;
  const owner = dottedName(e.func.object);
  // Only the first dimension is a batch: `dim=`/`axis=` other than 0 cuts features or time.
  const along = keywordArgument(e, "dim") ?? keywordArgument(e, "axis");
  if (along && !(along.type === "int" && along.value === 0)) return undefined;
  if ((owner === "np" || owner === "numpy") && (method === "array_split" || method === "split")) {
    const data = positionalArgument(e, 0);
    const count = positionalArgument(e, 1) ?? keywordArgument(e, "indices_or_sections");
    if (!data || !count || positionalArgument(e, 2)) return undefined;
    return { data, count, counts: "pieces", sections: true, call: e };
  }
  if (method !== "split" && method !== "chunk") return undefined;
  const module = owner === "torch";
  const data = module ? positionalArgument(e, 0) : e.func.object;
  const count = positionalArgument(e, module ? 1 : 0) ?? keywordArgument(e, method === "split" ? "split_size_or_sections" : "chunks");
  if (!data || !count || positionalArgument(e, module ? 2 : 1)) return undefined;
  return { data, count, counts: method === "split" ? "rows" : "pieces", sections: false, call: e };
}

/** The batch (the largest piece) and the pieces a split of `rows` rows makes; undefined for counts that do not fit. */
export function splitPieces(split: SplitBatches, rows: number, count: number): { batch: number; pieces: number } | undefined {
  if (!(rows > 0 && count > 0)) return undefined;
  if (split.counts === "rows") return { batch: Math.min(count, rows), pieces: Math.ceil(rows / count) };
  if (split.sections) {
    // numpy.split needs equal sections; array_split makes `count` of them, empty ones past the rows.
    if (count > rows || (split.call.type === "call" && split.call.func.type === "attribute" && split.call.func.name === "split" && rows % count !== 0)) return undefined;
    return { batch: Math.ceil(rows / count), pieces: count };
  }
  const batch = Math.ceil(rows / count);
  return { batch, pieces: Math.ceil(rows / batch) };
}
