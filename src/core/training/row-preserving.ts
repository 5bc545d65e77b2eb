// Arrays that keep another array's rows: `x_train = vectorize_sequences(train_data)` (a function of the file that
// fills `np.zeros((len(sequences), dimension))`), `y_train = np.asarray(train_labels).astype("float32")`,
// `x = pad_sequences(x, maxlen=200)`. A row slice of such an array (`partial_x_train = x_train[10000:]`) then cuts the
// rows of the array it came from, so the loaded dataset's count reaches the slice (array-slices.ts).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { perModuleText } from "../python/module-memo";
import { calleeName, forEachStatement, functionsIn, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/**
 * Calls whose result has one row per row of their first argument: numpy's array constructors
 * (numpy.org/doc/stable/reference/generated/numpy.asarray.html), Keras' to_categorical and pad_sequences
 * (keras.io/api/utils/python_utils: "a binary matrix representation of the input"; keras.io/api/data_loading/sequence:
 * "array with shape (len(sequences), maxlen)"), the Tokenizer's texts_to_sequences / texts_to_matrix (one entry per
 * text), scikit-learn's transform / fit_transform (scikit-learn.org glossary: "X_new of shape (n_samples, ...)"),
 * and torch's and TensorFlow's tensor constructors from data.
 */
const ROW_PRESERVING_CALLS = new Set([
  "asarray", "array", "ascontiguousarray", "float32", "float64", "int32", "int64",
  "to_categorical", "pad_sequences", "texts_to_sequences", "texts_to_matrix", "sequences_to_matrix",
  "transform", "fit_transform", "preprocess_input",
  "tensor", "as_tensor", "from_numpy", "Tensor", "FloatTensor", "LongTensor", "convert_to_tensor",
]);

/** Methods of an array that keep its rows (numpy's astype/copy, torch's casts and device moves). */
const ROW_PRESERVING_METHODS = new Set(["astype", "copy", "float", "double", "long", "int", "numpy", "to", "cuda", "cpu"]);

/** numpy's array builders whose first argument is the shape (numpy.org/doc/stable/reference/routines.array-creation.html). */
const SHAPE_BUILDERS = new Set(["zeros", "ones", "empty", "full"]);

/** A binding of a name to an array with another name's rows. */
export interface RowPreservingBinding {
  name: string;
  from: string;
  line: number;
  code: Expression;
}

/** The name whose rows `e` keeps, reading the file's own functions through `functions`; undefined where none. */
function rowSource(e: Expression, functions: Map<string, FunctionDefinition>, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  if (e.type === "name") return e.id;
  // Arithmetic with a scalar (`x / 255.`) keeps the array's shape.
  if (e.type === "binary" && /^[-+*/]$/.test(e.op) && (e.right.type === "int" || e.right.type === "float")) return rowSource(e.left, functions, depth + 1);
  if (e.type !== "call") return undefined;
  if (e.func.type === "attribute" && ROW_PRESERVING_METHODS.has(e.func.name)) return rowSource(e.func.object, functions, depth + 1);
  // `x.reshape(-1, 28, 28, 1)` or `x.reshape(len(x), ...)`: the first dimension kept.
  if (e.func.type === "attribute" && e.func.name === "reshape") {
    const first = positionalArgument(e, 0);
    const lead = first?.type === "tuple" ? first.items[0] : first;
    const source = rowSource(e.func.object, functions, depth + 1);
    return source && lead && countsRowsOf(lead, source) ? source : undefined;
  }
  const name = calleeName(e);
  if (!name) return undefined;
  // `np.expand_dims(x, -1)`: a new axis anywhere but first.
  if (name === "expand_dims") {
    const axis = keywordArgument(e, "axis") ?? positionalArgument(e, 1);
    const first = positionalArgument(e, 0);
    return first && axis && !(axis.type === "int" && axis.value === 0) ? rowSource(first, functions, depth + 1) : undefined;
  }
  const own = e.func.type === "name" ? functions.get(e.func.id) : undefined;
  if (own) return ownFunctionRows(own, e, functions, depth);
  const first = positionalArgument(e, 0);
  return first && ROW_PRESERVING_CALLS.has(name) ? rowSource(first, functions, depth + 1) : undefined;
}

/** Whether `lead` is the row count of `source`: `len(source)`, `source.shape[0]`, or -1 (reshape's "the rest"). */
function countsRowsOf(lead: Expression, source: string): boolean {
  if (lead.type === "unary" && lead.op === "-" && lead.operand.type === "int" && lead.operand.value === 1) return true;
  if (lead.type === "int" && lead.value === -1) return true;
  if (lead.type === "call" && lead.func.type === "name" && lead.func.id === "len") {
    const a = positionalArgument(lead, 0);
    return a?.type === "name" && a.id === source;
  }
  return lead.type === "subscript" && lead.index.type === "int" && lead.index.value === 0 && lead.object.type === "attribute" && lead.object.name === "shape" && lead.object.object.type === "name" && lead.object.object.id === source;
}

/**
 * A call of a function of the file that returns one row per row of a parameter: its return is that parameter kept
 * row for row, a comprehension over it, or a name bound to a numpy array shaped `(len(parameter), ...)` (which the
 * body then fills).
 */
function ownFunctionRows(fn: FunctionDefinition, call: CallExpression, functions: Map<string, FunctionDefinition>, depth: number): string | undefined {
  const returns: Expression[] = [];
  forEachStatement(fn.body, ({ statement: s }) => { if (s.type === "return" && s.value) returns.push(s.value); }, [], (f) => f === fn);
  if (returns.length !== 1) return undefined;
  const parameter = rowsParameter(fn, returns[0]);
  if (!parameter) return undefined;
  const index = fn.params.findIndex((p) => p.name === parameter);
  const argument = keywordArgument(call, parameter) ?? positionalArgument(call, index);
  return argument ? rowSource(argument, functions, depth + 1) : undefined;
}

/** The parameter of `fn` whose rows `returned` keeps, read in the function's body. */
function rowsParameter(fn: FunctionDefinition, returned: Expression): string | undefined {
  const isParameter = (n: string) => fn.params.some((p) => p.name === n);
  if (returned.type === "comprehension" && returned.kind === "list") {
    const loop = returned.clauses.find((c) => c.kind === "for");
    const over = returned.clauses.every((c) => c.kind === "for" && c === loop) && loop?.kind === "for" ? loop.iter : undefined;
    return over?.type === "name" && isParameter(over.id) ? over.id : undefined;
  }
  if (returned.type === "call" && calleeName(returned) && ["array", "asarray"].includes(calleeName(returned)!)) {
    const inner = positionalArgument(returned, 0);
    return inner ? rowsParameter(fn, inner) : undefined;
  }
  if (returned.type !== "name") return undefined;
  if (isParameter(returned.id)) return returned.id;
  // The one binding of the returned name in the body: `results = np.zeros((len(sequences), dimension))`.
  const bindings: Expression[] = [];
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === returned.id) bindings.push(s.value);
  });
  if (bindings.length !== 1 || bindings[0].type !== "call") return undefined;
  const built = bindings[0];
  if (!SHAPE_BUILDERS.has(calleeName(built) ?? "")) return undefined;
  const shape = keywordArgument(built, "shape") ?? positionalArgument(built, 0);
  const lead = shape?.type === "tuple" || shape?.type === "list" ? shape.items[0] : shape;
  return lead ? fn.params.map((p) => p.name).find((p) => countsRowsOf(lead, p) && !(lead.type === "int" || lead.type === "unary")) : undefined;
}

/** Each plain binding in the file (at any depth) of a name to an array with another name's rows, in source order. */
export const rowPreservingBindings = perModuleText((body: Statement[]): RowPreservingBinding[] => {
  const functions = new Map(functionsIn(body).map((f) => [f.name, f]));
  const found: RowPreservingBinding[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name" || s.value.type === "name") return;
    const from = rowSource(s.value, functions);
    if (from && from !== s.targets[0].id) found.push({ name: s.targets[0].id, from, line: s.pos.line, code: s.value });
  });
  return found;
});
