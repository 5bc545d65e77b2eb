// The batch a Python generator makes for Keras fit. keras.io/api/models/model_training_apis (Model.fit): "x: ... A
// generator ... returning (inputs, targets)", and batch_size is not given for it "since they generate batches": each
// item the generator yields is a whole batch. A generator function of the project's own that takes its batch size as a
// parameter (`def batch_generator(x, y, batch_size=16): ... yield x[idx], y[idx]`) makes batches of the size its call
// binds to that parameter, or of the parameter's default.
import type { FunctionValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition, Parameter } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Parameter names that hold a batch's size. */
const BATCH_PARAMETER = /^(batch_?size|bs|batch|n_batch|num_batch)$/i;

/** A call of a generator function of the project (a function or a bound method), its definition, its positional
 *  parameters and how many of them the object fills (1 for a bound method's `self`); undefined for anything else. */
export function calledGenerator(callee: Value | undefined): { fn: FunctionValue; definition: FunctionDefinition; params: Parameter[]; offset: number } | undefined {
  if (callee?.kind !== "function" && callee?.kind !== "bound") return undefined;
  const fn: FunctionValue | undefined = callee.kind === "function" ? callee : callee.fn.kind === "function" ? callee.fn : undefined;
  const definition = fn?.definition;
  if (!fn || definition?.type !== "function" || !definition.isGenerator) return undefined;
  // A bound method's first parameter is its object, not an argument of the call.
  return { fn, definition, params: definition.params.filter((p) => p.kind === "normal"), offset: callee.kind === "bound" ? 1 : 0 };
}

/** The argument a call binds to the generator's positional parameter at `index` (by keyword or by place). */
export function argumentAt(call: CallExpression, generator: { params: Parameter[]; offset: number }, index: number): Expression | undefined {
  return keywordArgument(call, generator.params[index].name) ?? positionalArgument(call, index - generator.offset);
}

/** The batch size a call of a generator function binds, and how; undefined for anything else. */
export function generatorCallBatch(
  call: CallExpression,
  callee: Value | undefined,
  evaluate: (e: Expression) => Value | undefined,
  snippet: (e: Expression) => string,
): { value: number; detail: string } | undefined {
  const generator = calledGenerator(callee);
  if (!generator) return undefined;
  const { fn, definition, params, offset } = generator;
  const index = params.findIndex((p, i) => i >= offset && BATCH_PARAMETER.test(p.name));
  if (index < 0) return undefined;
  const name = params[index].name;
  const argument = argumentAt(call, generator, index);
  const value = argument ? evaluate(argument) : fn.defaults.get(name);
  const n = value?.kind === "int" && value.value > 0 ? value.value : undefined;
  if (n === undefined) return undefined;
  return { value: n, detail: `${snippet(call)}: the generator ${definition.name} yields batches of its ${name}=${argument ? snippet(argument) : n}${argument ? "" : " (its default)"}` };
}
