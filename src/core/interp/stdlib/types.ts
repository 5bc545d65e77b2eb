import { NONE, freshId, unknown } from "../construct";
import { fn, namespace, type StandardLibrary } from "./native";

/** types: the type objects of functions, for isinstance checks in factories (isinstance(norm_layer, types.FunctionType)). */
export function installTypes({ modules, objectClass }: StandardLibrary): void {
  modules.set("types", namespace("types", {
    FunctionType: fn("types.FunctionType", () => unknown("a new function")),
    LambdaType: fn("types.LambdaType", () => unknown("a new function")),
    MethodType: fn("types.MethodType", ({ args }) => ({ kind: "bound", self: args[1] ?? NONE, fn: args[0] ?? NONE })),
    BuiltinFunctionType: fn("types.BuiltinFunctionType", () => unknown("a new function")),
    SimpleNamespace: fn("types.SimpleNamespace", ({ kwargs }) => ({ kind: "instance", cls: objectClass, attributes: new Map(kwargs), id: freshId() })),
  }));
}
