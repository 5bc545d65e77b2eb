// os.listdir and glob.glob over the folders the workspace holds (docs.python.org/3/library/glob.html, fnmatch.html):
// a dataset class that lists its files in __init__ (`self.files = sorted(glob.glob(os.path.join(root, "*.png")))`) has
// as many items as the repository ships. The pattern is matched one path part at a time, as glob does: `*` and `?`
// do not match a leading dot (a hidden file) unless asked to, `**` with recursive=True matches any number of folders. A folder the
// workspace lacks gives a reason instead.
import type { FolderLister } from "./class-folders";

/** Entries listed for one call before it gives up (the analysis runs on each keystroke). */
const MAX_LISTED = 100_000;

const MAGIC = /[*?[]/;

/** The names directly inside the first of `places` that is a folder, sorted (os.listdir's order is the file system's). */
export function listFolder(files: FolderLister, places: readonly string[]): string[] | string {
  if (!files.listFiles || !files.listFolders) return "the editor here lists no folders";
  for (const place of places) {
    const names = [...files.listFolders(place), ...files.listFiles(place)].map(lastPart);
    if (names.length > 0) return names.sort();
  }
  return `${places[0] ?? ""} is not a folder in the workspace`;
}

/**
 * glob.glob(pattern, recursive): the matching paths, spelled from the pattern's own start (a relative pattern gives
 * relative paths). `places` turns the pattern's literal folder prefix into the folders it may be (the script's
 * folder, the workspace's); the first that holds anything is walked.
 */
export function globFolder(files: FolderLister, pattern: string, places: (prefix: string) => string[], recursive: boolean, includeHidden = false): string[] | string {
  if (!files.listFiles || !files.listFolders) return "the editor here lists no folders";
  const listFiles = (dir: string) => files.listFiles!(dir);
  const listFolders = (dir: string) => files.listFolders!(dir);
  const parts = pattern.split("/");
  const first = parts.findIndex((p) => MAGIC.test(p));
  // No wildcard: glob gives the path itself where it exists; which exists is not worth a listing here.
  if (first < 0) return `the files matching ${pattern}, which has no wildcard`;
  const prefix = parts.slice(0, first).join("/");
  const bases = prefix === "" && !pattern.startsWith("/") ? places(".") : prefix === "" ? ["/"] : places(prefix);
  const base = bases.find((b) => listFolders(b).length > 0 || listFiles(b).length > 0);
  if (base === undefined) return `${prefix || "."} is not a folder in the workspace`;
  let listed = 0;
  // Each match as [absolute path, path as the pattern spells it].
  let matches: [string, string][] = [[base, prefix]];
  const spell = (shown: string, name: string) => (shown === "" ? name : shown.endsWith("/") ? `${shown}${name}` : `${shown}/${name}`);
  const rest = parts.slice(first);
  for (const [i, part] of rest.entries()) {
    const last = i === rest.length - 1;
    const next: [string, string][] = [];
    for (const [dir, shown] of matches) {
      if (recursive && part === "**") {
        // Zero or more folders (not hidden); as the last part, the files under them too.
        const walk = (d: string, s: string, depth: number): void => {
          if (depth > 16 || listed > MAX_LISTED) return;
          const inner = listFolders(d).filter((f) => includeHidden || !lastPart(f).startsWith("."));
          const found = last ? listFiles(d).filter((f) => includeHidden || !lastPart(f).startsWith(".")) : [];
          listed += inner.length + found.length;
          for (const e of [...inner, ...found]) next.push([e, spell(s, lastPart(e))]);
          for (const f of inner) walk(f, spell(s, lastPart(f)), depth + 1);
        };
        if (!last) next.push([dir, shown]);
        walk(dir, shown, 0);
        continue;
      }
      const here = last ? [...listFolders(dir), ...listFiles(dir)] : listFolders(dir);
      listed += here.length;
      if (listed > MAX_LISTED) break;
      const test = partMatcher(part, includeHidden);
      for (const entry of here) if (test(lastPart(entry))) next.push([entry, spell(shown, lastPart(entry))]);
    }
    matches = next;
    if (listed > MAX_LISTED) return `${prefix || "."} holds more than ${MAX_LISTED.toLocaleString("en-US")} entries, more than is listed on each keystroke`;
  }
  return [...new Set(matches.map(([, shown]) => shown))];
}

/** fnmatch's translation of one path part: `*`, `?`, `[seq]`, `[!seq]`; a leading dot must be matched literally
 *  unless hidden names are included (glob's include_hidden=True; pathlib's glob always). */
function partMatcher(part: string, includeHidden: boolean): (name: string) => boolean {
  if (!MAGIC.test(part)) return (name) => name === part;
  let source = "";
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === "*") source += ".*";
    else if (c === "?") source += ".";
    else if (c === "[") {
      const close = part.indexOf("]", i + 2);
      if (close < 0) source += "\\[";
      else {
        let set = part.slice(i + 1, close).replace(/\\/g, "\\\\");
        if (set.startsWith("!")) set = `^${set.slice(1)}`;
        source += `[${set}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  const re = new RegExp(`^${source}$`, "s");
  return (name) => (includeHidden || !name.startsWith(".") || part.startsWith(".")) && re.test(name);
}

function lastPart(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
