import { dict, namespaceDict, str, unknown } from "../construct";
import { PythonError, type Value } from "../values";
import { builtin, type BuiltinScope } from "./builtin";

/** What code reads of its own scope and module: globals, locals, __import__, __name__ and __file__. */
export function installScope({ names, interp }: BuiltinScope): void {
  // The calling function's module namespace, as a new dict: a snapshot, so what code reads through it is right
  // (`globals().get(identifier)`, a block looked up by its name) but a write through it binds nothing.
  names.set("globals", builtin("globals", () => {
    const module = interp().frame?.function?.module;
    return module ? namespaceDict(module) : unknown("globals() outside a function");
  }));
  // A function's own names at the call, as a new dict (CvT-style `kwargs = dict(locals())` in __init__).
  names.set("locals", builtin("locals", () => {
    const scope = interp().frame?.scope;
    if (!scope) return unknown("locals() outside a function");
    return dict([...scope.names].filter(([k]) => !k.startsWith("__greenlight")).map(([k, x]) => [str(k), x] as [Value, Value]));
  }));
  // __import__(name, globals, locals, fromlist, level), as the import statement uses it: the top-level package, or
  // the named module itself when fromlist names something (`__import__("argparse").Namespace(...)`).
  names.set("__import__", builtin("__import__", ({ args }) => {
    const [name, , , fromlist, level] = args;
    if (name?.kind !== "str") return unknown("__import__ of a name whose text is unknown");
    const i = interp();
    const file = i.frame?.file ?? "";
    const depth = level?.kind === "int" ? level.value : 0;
    const full = i.loader.importModule(name.value, depth, file);
    const wantsModule = depth > 0 || (fromlist !== undefined && fromlist.kind !== "none" && i.iterate(fromlist).length > 0);
    const ns = wantsModule ? full : i.loader.importModule(name.value.split(".")[0], 0, file);
    if (!ns) throw new PythonError(`No module named '${name.value}'`);
    return ns;
  }));
  names.set("__name__", str("__greenlight__"));
  names.set("__file__", unknown("__file__"));
}
