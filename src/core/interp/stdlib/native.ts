// The pieces every standard-library module is built from: module objects, typed native functions, and the
// interpreter's services the modules call back into.
import { withPublishedSignature } from "../../signatures/published";
import { NONE, toNumber } from "../construct";
import type { Interpreter } from "../interpreter";
import type { ClassValue, ModuleNamespaceValue, NativeCall, Value } from "../values";

export type Native = (call: NativeCall) => Value;

/** What each module's installer reaches: the table it adds its modules to and the interpreter's services. */
export interface StandardLibrary {
  modules: Map<string, ModuleNamespaceValue>;
  interp: () => Interpreter;
  objectClass: ClassValue;
  call: (f: Value, args: Value[], kwargs?: Map<string, Value>) => Value;
  iterate: (v: Value) => Value[];
  /** The decorator that returns what it decorates (functools.lru_cache, typing.overload, contextlib.contextmanager). */
  identityDecorator: Value;
}

/** The services of `interp` and an empty module table, for the installers to share. */
export function standardLibrary(interp: () => Interpreter, objectClass: ClassValue): StandardLibrary {
  return {
    modules: new Map(),
    interp,
    objectClass,
    call: (f, args, kwargs = new Map<string, Value>()) => interp().call(f, args, kwargs),
    iterate: (v) => interp().iterate(v),
    identityDecorator: fn("decorator", ({ args }) => (args.length === 1 && ["function", "native", "class"].includes(args[0].kind) ? args[0] : fn("decorator", ({ args: inner }) => inner[0]))),
  };
}

/** A module object holding `entries`. */
export function namespace(name: string, entries: Record<string, Value>): ModuleNamespaceValue {
  return { kind: "namespace", name, scope: { names: new Map(Object.entries(entries)) } };
}

/** A standard-library function; keywords bind as typeshed's signature of `name` says, where it has one. */
export function fn(name: string, call: Native): Value {
  return { kind: "native", name, call: (c) => call(withPublishedSignature(name, c)) };
}

/** A function whose only effects lie outside the model (logging, seeding, sleeping): it returns None. */
export const quiet = (name: string): Value => fn(name, () => NONE);

/** A Python number as a JavaScript one. */
export const num = (v: Value): number => toNumber(v);
