// os.fspath: what file functions do with a path-like object (docs.python.org/3/library/os.html#os.fspath). open(),
// os.path's functions and the config readers take a pathlib.Path as its text, which `__fspath__` gives.
import { lookupClassAttribute } from "../classes";
import type { Interpreter } from "../interpreter";
import { joinPath } from "../paths";
import type { Value } from "../values";

/** A path argument as Python's file functions see it: an object with `__fspath__` becomes what that returns. */
export function fsPath(value: Value, call: (f: Value, args: Value[]) => Value): Value {
  if (value.kind !== "instance") return value;
  const method = lookupClassAttribute(value.cls, "__fspath__");
  return method ? call(method, [value]) : value;
}

/** Where a path may be: absolute as written; relative, from the script's folder, then from the workspace folder, as a
 *  script in tools/ or scripts/ is usually run from the repository's root (`python tools/train.py`). */
export function pathPlaces(interp: Interpreter, path: string): string[] {
  if (path.startsWith("/")) return [joinPath(path)];
  const loader = interp.loader;
  const froms = [loader.workingDirectory?.(), loader.workspaceRoot?.()].filter((d): d is string => d !== undefined);
  return [...new Set(froms.map((d) => joinPath(d, path)))];
}
