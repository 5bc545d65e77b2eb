import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import type { Value } from "../interp/values";

// A run in float64: torch.set_default_dtype(torch.float64) (parameters made after it are float64, pytorch.org/docs/
// stable/generated/torch.set_default_dtype.html), set_default_tensor_type(torch.DoubleTensor), Keras' backend
// set_floatx("float64") (layers built after it hold float64 weights, keras.io/api/utils/config_utils), or a module cast
// with .double() or .to(torch.float64). A tensor's own .double() (`correct.double() / total`) is not the network's.

const FLOAT64_CALLEES = new Set(["set_default_dtype", "set_default_tensor_type", "set_floatx", "double", "to"]);

/** True when a call may set a float64 run, by its callee's last name and its text (a cheap test before anything is
 *  evaluated: `.to(device)` calls are many). */
export function mayCastToFloat64(last: string, callText: () => string): boolean {
  return FLOAT64_CALLEES.has(last) && (last !== "to" || /float64|double/.test(callText()));
}

/** What makes this call set a float64 run, for the plan's detail, or undefined: `evaluate` reads an expression's value. */
export function float64Setting(last: string, call: CallExpression, text: (e: Expression) => string, evaluate: (e: Expression) => Value | undefined): string | undefined {
  const isFloat64 = (v: Value | undefined) => v?.kind === "dtype" && v.name === "float64";
  if (last === "set_default_dtype") {
    const argument = positionalArgument(call, 0) ?? keywordArgument(call, "d");
    return argument && isFloat64(evaluate(argument)) ? `set_default_dtype(${text(argument)}): parameters made after it are float64` : undefined;
  }
  if (last === "set_default_tensor_type") {
    const argument = positionalArgument(call, 0) ?? keywordArgument(call, "t");
    return argument && /(^|\.)DoubleTensor["']?$/.test(text(argument).trim()) ? `set_default_tensor_type(${text(argument)}): tensors made after it are float64` : undefined;
  }
  if (last === "set_floatx") {
    const argument = positionalArgument(call, 0) ?? keywordArgument(call, "value");
    const value = argument ? evaluate(argument) : undefined;
    return value?.kind === "str" && value.value === "float64" ? `set_floatx(${text(argument!)}): Keras layers built after it hold float64 weights` : undefined;
  }
  if (call.func.type !== "attribute") return undefined;
  const receiver = call.func.object;
  const dtype = last === "to" ? keywordArgument(call, "dtype") ?? positionalArgument(call, 0) : undefined;
  if (last === "to" && !(dtype && isFloat64(evaluate(dtype)))) return undefined;
  // Only a module's cast is the run's precision: a tensor cast is a metric's or a loss's input.
  const target = evaluate(receiver);
  if (target?.kind !== "instance" || !target.module) return undefined;
  return last === "double" ? `${text(receiver)}.double()` : `${text(receiver)}.to(${text(dtype!)})`;
}
