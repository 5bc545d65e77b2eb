// posixpath's string functions (docs.python.org/3/library/os.path.html), so paths a module builds from __file__ or
// relative parts stay known: `sys.path.append(os.path.join(os.path.dirname(__file__), '..'))`. Nothing here reads
// the disk; the working directory is the analyzed script's folder (where a repository's instructions run it).
import { joinPath } from "../paths";

/** os.path.join: each absolute part restarts the path; no normalising. */
export function pathJoin(first: string, ...rest: string[]): string {
  let out = first;
  for (const part of rest) {
    if (part.startsWith("/")) out = part;
    else if (out === "" || out.endsWith("/")) out += part;
    else out += `/${part}`;
  }
  return out;
}

/** os.path.split's two halves: the head without trailing slashes (unless all slashes) and the last part. */
export function pathSplit(path: string): [string, string] {
  const i = path.lastIndexOf("/") + 1;
  let head = path.slice(0, i);
  const tail = path.slice(i);
  if (head && !/^\/+$/.test(head)) head = head.replace(/\/+$/, "");
  return [head, tail];
}

/** os.path.dirname ("" for a bare name, as Python gives). */
export function pathDirname(path: string): string {
  return pathSplit(path)[0];
}

/** os.path.basename. */
export function pathBasename(path: string): string {
  return pathSplit(path)[1];
}

/** os.path.normpath: "." and ".." segments removed ("." for an empty result). */
export function pathNormpath(path: string): string {
  if (path === "") return ".";
  return joinPath(path) || (path.startsWith("/") ? "/" : ".");
}

/** os.path.abspath (and realpath, no links being known): relative paths from the working directory, normalised. */
export function pathAbspath(path: string, cwd: string): string {
  return pathNormpath(path.startsWith("/") ? path : pathJoin(cwd, path));
}

/** os.path.splitext: the root and the extension from the last dot of the last part; leading dots of that part are
 *  not an extension (genericpath._splitext: splitext(".bashrc") is (".bashrc", "")). */
export function pathSplitext(path: string): [string, string] {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || /^\.+$/.test(name.slice(0, dot + 1))) return [path, ""];
  const cut = path.length - name.length + dot;
  return [path.slice(0, cut), path.slice(cut)];
}
