import { nativeClass } from "../classes";
import { NONE, bool, dict, float, freshId, int, list, str, tuple, unknown } from "../construct";
import { PythonError, type ModuleNamespaceValue, type Value } from "../values";
import { fn, namespace, quiet, type StandardLibrary } from "./native";

/** os, sys, time and random: the process around the model, read as fixed values (no files, no clock, no chance). */
export function installEnvironment({ modules, interp, objectClass }: StandardLibrary): void {
  // sys.modules[name]: the module of that name, through the analyzer's own imports (registries look up the module
  // a decorated function was defined in: timm's register_model reads sys.modules[fn.__module__].default_cfgs).
  const loaded = (key: Value): ModuleNamespaceValue | undefined => (key.kind === "str" ? interp().loader.importModule(key.value, 0, "") : undefined);
  const sysModules = nativeClass("sys.modules", [objectClass], {
    __getitem__: ({ args }) => {
      const found = loaded(args[1]);
      if (!found) throw new PythonError(`KeyError: ${args[1]?.kind === "str" ? `'${args[1].value}'` : "?"}`);
      return found;
    },
    __contains__: ({ args }) => bool(loaded(args[1]) !== undefined),
    get: ({ args }) => loaded(args[1]) ?? args[2] ?? NONE,
  });
  modules.set("os", namespace("os", {
    environ: dict(),
    getenv: fn("os.getenv", ({ args }) => args[1] ?? NONE),
    path: namespace("os.path", {
      join: fn("os.path.join", () => unknown("a file path")),
      exists: fn("os.path.exists", () => bool(false)),
      isfile: fn("os.path.isfile", () => bool(false)),
      dirname: fn("os.path.dirname", () => unknown("a file path")),
      basename: fn("os.path.basename", () => unknown("a file path")),
      abspath: fn("os.path.abspath", () => unknown("a file path")),
    }),
    makedirs: quiet("makedirs"),
    cpu_count: fn("os.cpu_count", () => int(1)),
  }));
  modules.set("sys", namespace("sys", { argv: list([str("script.py")]), version_info: tuple([int(3), int(11)]), exit: fn("sys.exit", () => { throw new PythonError("sys.exit()"); }), stdout: unknown("stdout"), platform: str("linux"), path: list([]), modules: { kind: "instance", cls: sysModules, attributes: new Map(), id: freshId() } }));
  modules.set("time", namespace("time", { time: fn("time.time", () => float(0)), perf_counter: fn("perf_counter", () => float(0)), sleep: quiet("sleep") }));
  modules.set("random", namespace("random", { seed: quiet("seed"), random: fn("random", () => unknown("a random number")), randint: fn("randint", () => unknown("a random number")), choice: fn("choice", () => unknown("a random choice")), shuffle: quiet("shuffle") }));
}
