import { dict, namespaceDict, str, unknown } from "../construct";
import { PythonError, type Value } from "../values";
import { builtin, type BuiltinScope } from "./builtin";

/** What code reads of its own scope and module: globals, locals, __import__, __name__ and __file__. */
export function installScope({ names, interp }: BuiltinScope): void {
  // The calling function's module namespace, as a new dict: a snapshot, so what code reads through it is right
  // (`globals().get(identifier)`, a block looked up by its name) but a write through it binds nothing.
  names.set("globals", builtin("globals", () => {
    const frame = interp().frame;
    const module = frame?.function?.module ?? frame?.module;
    return module ? namespaceDict(module) : unknown("globals() outside a function or module");
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
  // eval() of a dotted name (`eval(DATASETS[name])` picking a class by its name) is a lookup in the caller's scope,
  // as Python evaluates it there; anything more is code the analyzer does not run.
  names.set("eval", builtin("eval", ({ args }) => {
    const [source] = args;
    const text = source?.kind === "str" ? source.value.trim() : undefined;
    if (text === undefined || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(text)) return unknown("eval() of code the analyzer does not run");
    const i = interp();
    const [first, ...rest] = text.split(".");
    let found: Value | undefined;
    for (let scope = i.frame?.scope; scope && found === undefined; scope = scope.parent) found = scope.names.get(first);
    found ??= (i.frame?.function?.module ?? i.frame?.module)?.scope.names.get(first);
    if (found === undefined) throw new PythonError(`name '${first}' is not defined`);
    return rest.reduce((o, name) => i.getAttribute(o, name), found);
  }));
  names.set("__name__", str("__greenlight__"));
  names.set("__file__", unknown("__file__"));
}
