import { nativeClass } from "../classes";
import { NONE, bool, dict, float, freshId, int, keyOf, list, str, tuple, unknown } from "../construct";
import { PythonError, type DictValue, type ModuleNamespaceValue, type StrValue, type Value } from "../values";
import { pathLikeValue } from "./path-like";
import { fn, namespace, quiet, type StandardLibrary } from "./native";
import { pathAbspath, pathBasename, pathDirname, pathJoin, pathNormpath, pathSplit, pathSplitext } from "./os-path";

// Variables every process started from a login shell or a container has, their values the user's: read as set, with
// an unknown value, so `os.environ["HOME"]` is a path the analyzer cannot know rather than a KeyError that stops the
// script (POSIX.1-2017 XBD 8.3 names HOME and PATH; login(1) and Docker both set them). Others stay unset: a plain
// `python train.py` lacks torchrun's LOCAL_RANK.
const ALWAYS_SET = ["HOME", "PATH"];

/** os, sys, time and random: the process around the model, read as fixed values (no files, no clock, no chance). */
export function installEnvironment({ modules, interp, objectClass, call }: StandardLibrary): void {
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
  const allText = (args: Value[]): args is StrValue[] => args.length > 0 && args.every((a) => a.kind === "str");
  // os.path's functions take path-like objects (a pathlib.Path) as their text.
  const paths = (args: Value[]) => args.map((a) => pathLikeValue(a, call));
  // A path function of one known string gives its string; of anything else (a path read from a config) an unknown.
  const textPath = (name: string, f: (path: string) => string) => fn(name, ({ args }) => {
    const [path] = paths(args);
    return path?.kind === "str" ? str(f(path.value)) : unknown("a file path");
  });
  const absolute = (name: string) => fn(name, ({ args }) => {
    const cwd = interp().loader.workingDirectory?.();
    const [path] = paths(args);
    if (path?.kind !== "str" || (cwd === undefined && !path.value.startsWith("/"))) return unknown("a file path");
    return str(pathAbspath(path.value, cwd ?? "/"));
  });
  // A path function giving two parts (split, splitext): a tuple of two strings, else an unknown.
  const pathPair = (name: string, f: (path: string) => [string, string]) => fn(name, ({ args }) => {
    const [path] = paths(args);
    return path?.kind === "str" ? tuple(f(path.value).map(str)) : unknown("a file path");
  });
  // The process's environment holds nothing the code did not put there (python-dotenv's load_dotenv fills it from a
  // .env file); os.getenv reads it, with its default otherwise (docs.python.org/3/library/os.html#os.getenv). One
  // environment per analysis (its loader): what one script sets must not reach the next analysis.
  const environs = new WeakMap<object, DictValue>();
  const environ = (): DictValue => {
    const loader = interp().loader;
    let d = environs.get(loader);
    if (!d) environs.set(loader, (d = dict(ALWAYS_SET.map((name) => [str(name), unknown(`the environment's ${name}`)]))));
    return d;
  };
  modules.set("os", namespace("os", {
    __fallback__: fn("os.__fallback__", ({ args }) => (args[0]?.kind === "str" && args[0].value === "environ" ? environ() : unknown(`os.${args[0]?.kind === "str" ? args[0].value : "?"} is not available to the analyzer`))),
    getenv: fn("os.getenv", ({ args, kwargs }) => {
      const key = args[0] ?? kwargs.get("key");
      const set = key?.kind === "str" ? environ().entries.get(keyOf(key)) : undefined;
      return set?.value ?? args[1] ?? kwargs.get("default") ?? NONE;
    }),
    path: namespace("os.path", {
      join: fn("os.path.join", ({ args }) => {
        const parts = paths(args);
        return allText(parts) ? str(pathJoin(parts[0].value, ...parts.slice(1).map((a) => a.value))) : unknown("a file path");
      }),
      exists: fn("os.path.exists", () => bool(false)),
      isfile: fn("os.path.isfile", () => bool(false)),
      dirname: textPath("os.path.dirname", pathDirname),
      basename: textPath("os.path.basename", pathBasename),
      // A config named after the script: `os.path.splitext(os.path.abspath(__file__))[0] + ".yaml"`.
      split: pathPair("os.path.split", pathSplit),
      splitext: pathPair("os.path.splitext", pathSplitext),
      normpath: textPath("os.path.normpath", pathNormpath),
      abspath: absolute("os.path.abspath"),
      realpath: absolute("os.path.realpath"),
    }),
    getcwd: fn("os.getcwd", () => {
      const cwd = interp().loader.workingDirectory?.();
      return cwd === undefined ? unknown("the working directory") : str(cwd);
    }),
    fspath: fn("os.fspath", ({ args }) => (args[0] ? pathLikeValue(args[0], call) : unknown("a file path"))),
    makedirs: quiet("makedirs"),
    cpu_count: fn("os.cpu_count", () => int(1)),
  }));
  modules.set("sys", namespace("sys", { argv: list([str("script.py")]), version_info: tuple([int(3), int(11)]), exit: fn("sys.exit", () => { throw new PythonError("sys.exit()"); }), stdout: unknown("stdout"), platform: str("linux"), path: list([]), modules: { kind: "instance", cls: sysModules, attributes: new Map(), id: freshId() } }));
  modules.set("time", namespace("time", { time: fn("time.time", () => float(0)), perf_counter: fn("perf_counter", () => float(0)), sleep: quiet("sleep") }));
  modules.set("random", namespace("random", { seed: quiet("seed"), random: fn("random", () => randomNumber()), randint: fn("randint", () => randomNumber()), uniform: fn("uniform", () => randomNumber()), gauss: fn("gauss", () => randomNumber()), choice: fn("choice", () => unknown("a random choice")), shuffle: quiet("shuffle") }));
}

/** What random's number functions return: a float or int whose value is not known (docs.python.org/3/library/random). */
function randomNumber(): Value {
  return { ...unknown("a random number"), number: true };
}
