// How nn.Module's native methods read their arguments: self, a name, a flag, and the registries' prefixed names.
import { PythonError, Unresolved, type InstanceValue, type ModuleState, type NativeCall, type Value } from "../../interp/values";

/** The module a method is called on; Unresolved when it is not one. */
export function self(call: NativeCall): InstanceValue {
  const s = call.args[0];
  if (s?.kind !== "instance" || !s.module) throw new Unresolved("module method called on a non-module");
  return s;
}

/** A str argument at `index` of a module method's call (a name); Python's TypeError when it is not one. */
export function textArgument(call: NativeCall, index: number, method: string): string {
  const v = call.args[index];
  if (v?.kind === "str") return v.value;
  if (v === undefined) throw new PythonError(`${method}() missing required argument`);
  throw new Unresolved(`${method}() with a name whose text is unknown`);
}

/** A str argument's text, "" when it is none. */
export const text = (v: Value | undefined): string => (v?.kind === "str" ? v.value : "");
/** A bool argument, true when absent (recurse=True, remove_duplicate=True). */
export const flag = (v: Value | undefined): boolean => (v?.kind === "bool" ? v.value : v?.kind === "int" ? v.value !== 0 : true);

/** named_parameters / named_buffers entries under a prefix; without recursion only the module's own (no dot). */
export function prefixed<T>(entries: [string, T][], prefix: string, recurse: boolean): [string, T][] {
  return entries.filter(([n]) => recurse || !n.includes(".")).map(([n, v]) => [prefix ? `${prefix}.${n}` : n, v]);
}

/** The module state of a value that is a module. */
export function moduleState(v: Value): ModuleState | undefined {
  return v.kind === "instance" ? v.module : undefined;
}
