// An array whose rows the analyzer cannot count (`rowsUnknown`: keras' pad_sequences over texts read from files it does
// not see) holds a stand-in first dimension of 1 for shapes. The rows a slice (`data[:200]`), an index array
// (`data[indices]`, most often a permutation of the array's own len()) or a mask selects are as uncounted: numpy's
// indexing (numpy.org/doc/stable/user/basics.indexing.html) takes them along the first axis, so the stand-in's 1
// row is not the part's count either. An integer row pick (`data[0]`) drops that axis and keeps no mark.
import type { Value } from "./values";

/** The part `o[key]` of an array of uncounted rows, marked so where the key selects along its first axis. */
export function keepUncountedRows(o: Value, key: Value, part: Value): Value {
  if (o.kind !== "tensor" || !o.rowsUnknown || part.kind !== "tensor" || part.rowsUnknown) return part;
  const first = key.kind === "tuple" ? key.items[0] : key;
  const selects = first?.kind === "slice" || first?.kind === "tensor" || first?.kind === "list";
  return selects ? { ...part, rowsUnknown: o.rowsUnknown } : part;
}
