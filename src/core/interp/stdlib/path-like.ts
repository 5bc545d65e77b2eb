// os.fspath: what file functions do with a path-like object (docs.python.org/3/library/os.html#os.fspath). open(),
// os.path's functions and the config readers take a pathlib.Path as its text, which `__fspath__` gives.
import { lookupClassAttribute } from "../classes";
import type { Interpreter } from "../interpreter";
import { composeMountedPlaces } from "../compose-volumes";
import { joinPath } from "../paths";
import type { Value } from "../values";

/** A path argument as Python's file functions see it: an object with `__fspath__` becomes what that returns. */
export function pathLikeValue(value: Value, call: (f: Value, args: Value[]) => Value): Value {
  if (value.kind !== "instance") return value;
  const method = lookupClassAttribute(value.cls, "__fspath__");
  return method ? call(method, [value]) : value;
}

/** Where a path may be: absolute as written, then where the repository's Docker Compose file mounts it from (a
 *  script run in a container, compose-volumes.ts); relative, from the script's folder, then from the workspace folder,
 *  as a script in tools/ or scripts/ is usually run from the repository's root (`python tools/train.py`). */
export function pathPlaces(interp: Interpreter, path: string): string[] {
  const loader = interp.loader;
  const froms = [loader.workingDirectory?.(), loader.workspaceRoot?.()].filter((d): d is string => d !== undefined);
  if (path.startsWith("/")) return [joinPath(path), ...composeMountedPlaces(path, [...froms].reverse(), (f) => loader.sourceText?.(f))];
  return [...new Set(froms.map((d) => joinPath(d, path)))];
}
