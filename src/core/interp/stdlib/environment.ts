import { NONE, bool, dict, float, int, list, str, tuple, unknown } from "../construct";
import { PythonError } from "../values";
import { fn, namespace, quiet, type StandardLibrary } from "./native";

/** os, sys, time and random: the process around the model, read as fixed values (no files, no clock, no chance). */
export function installEnvironment({ modules }: StandardLibrary): void {
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
  modules.set("sys", namespace("sys", { argv: list([str("script.py")]), version_info: tuple([int(3), int(11)]), exit: fn("sys.exit", () => { throw new PythonError("sys.exit()"); }), stdout: unknown("stdout"), platform: str("linux"), path: list([]) }));
  modules.set("time", namespace("time", { time: fn("time.time", () => float(0)), perf_counter: fn("perf_counter", () => float(0)), sleep: quiet("sleep") }));
  modules.set("random", namespace("random", { seed: quiet("seed"), random: fn("random", () => unknown("a random number")), randint: fn("randint", () => unknown("a random number")), choice: fn("choice", () => unknown("a random choice")), shuffle: quiet("shuffle") }));
}
