import { nativeClass } from "./classes";
import { NONE, dict, str, unknown } from "./construct";
import type { Interpreter } from "./interpreter";
import { PythonError, type ClassValue, type ModuleNamespaceValue, type NativeCall, type Value } from "./values";

// Libraries ask importlib whether their optional dependencies are installed, and at what version, before they take a
// path (transformers' is_torch_available: find_spec("torch") and metadata.version("torch") >= 2.5). Answered from
// the module-resolution chain without running anything: torch and the other modules the analyzer provides are
// installed at the version they declare; source packages are found where the chain finds them.

type Native = (call: NativeCall) => Value;

/** importlib, importlib.util and importlib.metadata, as far as availability checks use them. */
export function createImportlibModules(interp: () => Interpreter, objectClass: ClassValue): Map<string, ModuleNamespaceValue> {
  const fn = (name: string, call: Native): Value => ({ kind: "native", name, call });
  const namespace = (name: string, entries: Record<string, Value>): ModuleNamespaceValue => ({ kind: "namespace", name, scope: { names: new Map(Object.entries(entries)) } });
  const fromFile = () => interp().currentLocation?.file ?? "";
  const moduleName = (v: Value | undefined): string | undefined => (v?.kind === "str" ? v.value : undefined);
  const find = (name: string) => interp().loader.findModule?.(name, fromFile());

  const moduleSpec = nativeClass("importlib.machinery.ModuleSpec", [objectClass]);
  const findSpec = fn("importlib.util.find_spec", ({ args, kwargs }) => {
    const name = moduleName(args[0] ?? kwargs.get("name"));
    if (name === undefined) return unknown("find_spec of an unknown module name");
    if (!find(name)) return NONE;
    return { kind: "instance", cls: moduleSpec, id: -6, attributes: new Map<string, Value>([["name", str(name)]]) };
  });

  const notFound = nativeClass("importlib.metadata.PackageNotFoundError", [objectClass]);
  const version = fn("importlib.metadata.version", ({ args, kwargs }) => {
    const name = moduleName(args[0] ?? kwargs.get("distribution_name"));
    if (name === undefined) return unknown("the version of an unknown distribution");
    const found = find(name.replace(/-/g, "_"));
    if (found === "native") {
      const module = interp().loader.importModule(name.replace(/-/g, "_"), 0, fromFile());
      const declared = module?.scope.names.get("__version__");
      return declared?.kind === "str" ? declared : unknown(`the version of ${name}`);
    }
    if (found === "source") return unknown(`the installed version of ${name} (its metadata is not read)`);
    throw new PythonError(`PackageNotFoundError: No package metadata was found for ${name}`);
  });

  const util = namespace("importlib.util", { find_spec: findSpec });
  const metadata = namespace("importlib.metadata", {
    version,
    PackageNotFoundError: notFound,
    // the import-name → distribution map; empty, so callers try the import name itself
    packages_distributions: fn("importlib.metadata.packages_distributions", () => dict()),
  });
  const importModule = fn("importlib.import_module", ({ args }) => {
    const name = moduleName(args[0]);
    if (name === undefined) return unknown("import of an unknown module name");
    const module = interp().loader.importModule(name, 0, fromFile());
    if (!module) throw new PythonError(`ModuleNotFoundError: No module named '${name}'`);
    return module;
  });
  const importlib = namespace("importlib", { util, metadata, import_module: importModule });
  return new Map([["importlib", importlib], ["importlib.util", util], ["importlib.metadata", metadata]]);
}
