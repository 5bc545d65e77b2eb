// What each group of builtins is built from: typed native functions and the interpreter's services.
import { withPublishedSignature } from "../../signatures/published";
import type { Interpreter } from "../interpreter";
import type { ClassValue, NativeCall, Value } from "../values";

export type Native = (call: NativeCall) => Value;

/** What each installer reaches: the builtins scope's names it adds to, `object`, and the interpreter's services. */
export interface BuiltinScope {
  names: Map<string, Value>;
  interp: () => Interpreter;
  object: ClassValue;
  iterate: (v: Value) => Value[];
  call: (fn: Value, args: Value[]) => Value;
}

/** A builtin; keyword arguments reach it as typeshed's signature of the builtin binds them (see withPublishedSignature). */
export function builtin(name: string, call: Native): Value {
  const published = `builtins.${name}`;
  return { kind: "native", name, call: (c) => call(withPublishedSignature(published, c)) };
}
