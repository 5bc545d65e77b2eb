// The samples a minibatch generator of the project's own walks each pass. Tutorial and research code often batches by
// hand with a generator instead of a DataLoader (d2l's `def data_iter(batch_size, features, labels): num_examples =
// len(features); ... for i in range(0, num_examples, batch_size): ... yield features[j], labels[j]`). Python's
// `range(0, n, b)` yields ⌈n / b⌉ starts (docs.python.org/3/library/stdtypes.html#range), so one pass over the
// generator is one pass over the n items of the parameter whose size bounds that loop: the call that binds the
// parameter names the data, and its size is the epoch's samples.
import type { Value } from "../interp/values";
import { argumentAt, calledGenerator } from "./generator-batch";
import type { Expression, FunctionDefinition } from "../python/ast";
import { forEachStatement, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { lenCall } from "../python/len-call";

/** The samples one pass over a generator call walks, and how it was read; undefined when the generator does not
 *  walk a parameter's items by a counted stride. `evaluate` reads an expression where the call is made. */
export function generatorCallSamples(
  call: CallExpression,
  callee: Value | undefined,
  evaluate: (e: Expression) => Value | undefined,
  snippet: (e: Expression) => string,
): { value: number; detail: string } | undefined {
  const generator = calledGenerator(callee);
  if (!generator) return undefined;
  const { definition, params, offset } = generator;
  const walked = walkedParameter(definition);
  if (!walked) return undefined;
  const index = params.findIndex((p) => p.name === walked);
  if (index < offset) return undefined;
  const argument = argumentAt(call, generator, index);
  if (!argument) return undefined;
  // `len(argument)` read where the call is made: a tensor's or array's first dimension, a list's items.
  const length = evaluate(lenCall(argument));
  const n = length?.kind === "int" && length.value > 0 ? length.value : undefined;
  if (n === undefined) return undefined;
  return { value: n, detail: `${snippet(call)}: the generator ${definition.name} walks the ${n} items of its ${walked}=${snippet(argument)} in strides of its batch` };
}

/** The parameter whose size bounds a `for i in range(start, n, step)` loop of the generator's own body, where n is
 *  `len(p)`, `p.shape[0]`, `p.size(0)` or a local name bound to one of them. */
function walkedParameter(definition: FunctionDefinition): string | undefined {
  const params = new Set(definition.params.filter((p) => p.kind === "normal").map((p) => p.name));
  const locals = new Map<string, Expression>();
  let found: string | undefined;
  forEachStatement(definition.body, ({ statement }) => {
    if (found) return;
    if (statement.type === "assign" && statement.targets.length === 1 && statement.targets[0].type === "name") locals.set(statement.targets[0].id, statement.value);
    if (statement.type !== "for") return;
    const iter = statement.iter;
    if (iter.type !== "call" || iter.func.type !== "name" || iter.func.id !== "range" || iter.args.length !== 3) return;
    const stop = positionalArgument(iter, 1);
    const bound = stop?.type === "name" ? locals.get(stop.id) ?? stop : stop;
    const sized = bound ? sizedParameter(bound) : undefined;
    if (sized && params.has(sized)) found = sized;
  }, [], () => false);
  return found;
}

/** `len(p)`, `p.shape[0]`, `p.size(0)`: the name p whose first dimension the expression reads. */
function sizedParameter(e: Expression): string | undefined {
  if (e.type === "call" && e.func.type === "name" && e.func.id === "len" && e.args.length === 1 && e.args[0].kind === "positional" && e.args[0].value.type === "name") return e.args[0].value.id;
  if (e.type === "subscript" && e.index.type === "int" && e.index.value === 0 && e.object.type === "attribute" && e.object.name === "shape" && e.object.object.type === "name") return e.object.object.id;
  if (e.type === "call" && e.func.type === "attribute" && e.func.name === "size" && e.func.object.type === "name" && e.args.length === 1 && e.args[0].kind === "positional" && e.args[0].value.type === "int" && e.args[0].value.value === 0) return e.func.object.id;
  return undefined;
}
