// numpy.loadtxt and numpy.genfromtxt of a text table the workspace holds (`data = np.loadtxt("german.data-numeric")`,
// then `data[:900]` for training): the array's shape is the file's rows and columns, so a slice of it, and the
// training on it, have known rows. As numpy 1.26 documents them (numpy.org/doc/stable/reference/generated/
// numpy.loadtxt.html, numpy.genfromtxt.html): lines are split on `delimiter` (whitespace when None), text after
// `comments` ("#") is dropped and blank lines skipped, `skiprows` (loadtxt) or `skip_header` (genfromtxt) lines come
// off the top first, `usecols` keeps some columns, `max_rows` caps the rows; a result of one column or one row is
// squeezed to 1-D (loadtxt's ndmin=0), and `unpack=True` returns it transposed. Only the shape is read; the values
// stay unknown. A file the workspace lacks, or one too large to be a small table, stays unknown as before.
import { unknown } from "../construct";
import { numpyArray } from "../numpy-arrays";
import type { NativeCall, TensorDtype, Value } from "../values";
import { pathLikeValue, pathPlaces } from "./path-like";
import { fn, type StandardLibrary } from "./native";

/** Characters of a table read for its shape, at most (a small data set, not a large one). */
const MAX_TABLE_TEXT = 20_000_000;

/** `np.loadtxt` and `np.genfromtxt`, for the numpy module. */
export function numpyTextLoaders({ interp, call }: StandardLibrary): Record<string, Value> {
  const load = (name: string, skipKeyword: string) => fn(`numpy.${name}`, (c: NativeCall) => {
    const given = c.args[0] ?? c.kwargs.get("fname");
    const path = given ? pathLikeValue(given, call) : undefined;
    if (path?.kind !== "str") return unknown(`numpy.${name} of a file not named in the code`);
    const places = pathPlaces(interp(), path.value);
    const found = places.map((p) => ({ p, text: interp().loader.sourceText?.(p) })).find((f) => f.text !== undefined);
    if (!found?.text) return unknown(`numpy.${name}: the file ${path.value} is not in the workspace`);
    if (found.text.length > MAX_TABLE_TEXT) return unknown(`numpy.${name}: the file ${path.value} is too large to read for its shape`);
    interp().loader.noteFileRead?.(found.p, true);
    const shape = tableShape(found.text, c, skipKeyword);
    if (!shape) return unknown(`numpy.${name}: the table in ${path.value} could not be read`);
    return numpyArray(shape, dtypeOf(c.kwargs.get("dtype")));
  });
  return { loadtxt: load("loadtxt", "skiprows"), genfromtxt: load("genfromtxt", "skip_header") };
}

/** The shape numpy gives the table in `text`, as the call's options read it; undefined for options it cannot read. */
function tableShape(text: string, c: NativeCall, skipKeyword: string): number[] | undefined {
  const option = (key: string) => c.kwargs.get(key);
  const count = (v: Value | undefined, fallback: number) => (v === undefined || v.kind === "none" ? fallback : v.kind === "int" && v.value >= 0 ? v.value : undefined);
  const skip = count(option(skipKeyword), 0);
  const maxRows = count(option("max_rows"), Infinity);
  const delimiter = option("delimiter");
  const comments = option("comments");
  if (skip === undefined || maxRows === undefined) return undefined;
  if (delimiter !== undefined && delimiter.kind !== "none" && delimiter.kind !== "str") return undefined;
  if (comments !== undefined && comments.kind !== "none" && comments.kind !== "str") return undefined;
  const mark = comments === undefined ? "#" : comments.kind === "str" ? comments.value : undefined;
  const lines = text.replace(/\r\n?/g, "\n").split("\n").slice(skip);
  // Only the first row's fields are split: the others are counted (this runs on every analysis of the file).
  let first: string[] | undefined;
  let rows = 0;
  for (const line of lines) {
    if (rows >= maxRows) break;
    const kept = mark ? line.split(mark)[0] : line;
    if (kept.trim() === "") continue;
    first ??= delimiter?.kind === "str" ? kept.split(delimiter.value) : kept.trim().split(/\s+/);
    rows++;
  }
  if (!first) return undefined;
  const usecols = option("usecols");
  const columns = usecols === undefined || usecols.kind === "none" ? first.length : usecols.kind === "int" ? 1 : usecols.kind === "list" || usecols.kind === "tuple" ? usecols.items.length : undefined;
  if (columns === undefined) return undefined;
  // ndmin=0: a single row or a single column comes back 1-D.
  const shape = rows === 1 ? [columns] : columns === 1 ? [rows] : [rows, columns];
  const unpack = option("unpack");
  return unpack?.kind === "bool" && unpack.value && shape.length === 2 ? [shape[1], shape[0]] : shape;
}

/** The array's dtype: float64 unless `dtype=` names an integer type. */
function dtypeOf(v: Value | undefined): TensorDtype {
  const name = v?.kind === "str" ? v.value : v?.kind === "class" ? v.name : v?.kind === "dtype" ? v.name : v?.kind === "native" ? v.name : "";
  return /int/.test(name) ? "int64" : /float32/.test(name) ? "float32" : "float64";
}

