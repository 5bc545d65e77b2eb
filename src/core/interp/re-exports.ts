import type { Statement } from "../python/ast";
import { basename, dirname, joinPath } from "./paths";

// A package's `__init__` may bind a name only for type checkers and hand the rest to a lazy module object at run
// time (transformers' `_LazyModule`: `if TYPE_CHECKING: from .models import *` ... `else: sys.modules[__name__] =
// _LazyModule(...)`). The interpreter cannot run that machinery, but the names it serves are the ones the
// TYPE_CHECKING imports spell out, so they are followed statically here, one name at a time, in every branch.

/** What re-export lookup needs from the program: the syntax and text of files, and what exists. */
export interface ReExportFiles {
  syntax(path: string): Statement[] | undefined;
  /** A fact `compute` reads from a file's text (kept while the text is unchanged); undefined when there is no text. */
  fact<T>(path: string, key: string, compute: (text: string) => T): T | undefined;
  exists(path: string): boolean;
}

/** The module that defines a re-exported name: its file, dotted name and the attribute to read there. */
export interface ReExportTarget {
  file: string;
  moduleName: string;
  attribute: string;
}

/** Bounds the star-import chains followed for one name (a package of packages of modules). */
const MAX_DEPTH = 6;

/**
 * Where a package `__init__.py` (of dotted name `packageName`) re-exports `name` from: an explicit
 * `from .m import X as name` or a `from .m import *` whose module defines it, in any branch of the file.
 */
export function findReExport(files: ReExportFiles, initFile: string, packageName: string, name: string): ReExportTarget | undefined {
  return search(files, initFile, packageName, name, 0, new Set());
}

function search(files: ReExportFiles, initFile: string, packageName: string, name: string, depth: number, seen: Set<string>): ReExportTarget | undefined {
  if (depth > MAX_DEPTH || seen.has(initFile)) return undefined;
  seen.add(initFile);
  const stars = files.fact(initFile, "relative star imports", (text) => [...text.matchAll(STAR_IMPORT)].map((m) => ({ dots: m[1].length, module: m[2] })));
  if (stars === undefined) return undefined;
  // Only a file that spells the name can import it explicitly: the hundreds of sub-package `__init__`s a star chain
  // passes through are read as text, not parsed.
  if (mentions(files, initFile, name)) {
    for (const s of importsIn(files.syntax(initFile) ?? [])) {
      if (s.level === 0 || s.names === "*") continue;
      const hit = s.names.find((n) => (n.alias ?? n.name) === name);
      if (!hit) continue;
      const target = moduleFile(files, initFile, packageName, s.module, s.level);
      if (target) return { ...target, attribute: hit.name };
    }
  }
  for (const star of stars) {
    const target = moduleFile(files, initFile, packageName, star.module, star.dots);
    if (!target) continue;
    if (basename(target.file) === "__init__.py") {
      const found = search(files, target.file, target.moduleName, name, depth + 1, seen);
      if (found) return found;
    } else if (definesPublicly(files, target.file, name)) return { ...target, attribute: name };
  }
  return undefined;
}

/** `from .m import *` (relative, on one line as the grammar requires), in any branch. */
const STAR_IMPORT = /^[ \t]*from[ \t]+(\.+)([\w.]*)[ \t]+import[ \t]+\*/gm;

function mentions(files: ReExportFiles, file: string, name: string): boolean {
  return files.fact(file, `mentions ${name}`, (text) => new RegExp(`\\b${name}\\b`).test(text)) ?? false;
}

/** Every `from ... import ...` of a file, in if/try/else branches too (TYPE_CHECKING blocks included). */
function importsIn(body: Statement[]): Extract<Statement, { type: "importFrom" }>[] {
  const out: Extract<Statement, { type: "importFrom" }>[] = [];
  const walk = (statements: Statement[]) => {
    for (const s of statements) {
      if (s.type === "importFrom") out.push(s);
      else if (s.type === "if") {
        walk(s.body);
        walk(s.orelse);
      } else if (s.type === "try") {
        walk(s.body);
        for (const h of s.handlers) walk(h.body);
        walk(s.orelse);
        walk(s.finalbody);
      }
    }
  };
  walk(body);
  return out;
}

/** The file of a relative import from a package's `__init__`: a module file or a sub-package's `__init__.py`. */
function moduleFile(files: ReExportFiles, initFile: string, packageName: string, module: string, level: number): { file: string; moduleName: string } | undefined {
  let dir = dirname(initFile);
  let prefix = packageName.split(".");
  for (let i = 1; i < level; i++) {
    dir = dirname(dir);
    prefix = prefix.slice(0, -1);
  }
  const parts = module ? module.split(".") : [];
  const moduleName = [...prefix, ...parts].join(".");
  const base = joinPath(dir, ...parts);
  if (parts.length > 0 && files.exists(`${base}.py`)) return { file: `${base}.py`, moduleName };
  const init = joinPath(base, "__init__.py");
  return files.exists(init) ? { file: init, moduleName } : undefined;
}

/**
 * Whether a module's star import yields `name`: listed in a literal `__all__`, or (without one) bound at its top
 * level under a public name. The text is checked first so that most modules of a large package are never parsed.
 */
function definesPublicly(files: ReExportFiles, file: string, name: string): boolean {
  if (!mentions(files, file, name)) return false;
  // A literal `__all__` answers without a parse (the common case in large packages).
  const all = files.fact(file, "literal __all__ text", (text) => {
    const found = /^__all__\s*=\s*[[(]([^\])]*)[\])]/m.exec(text);
    return found && /^[\s"',\w]*$/.test(found[1]) ? found[1] : undefined;
  });
  if (all !== undefined) return new RegExp(`["']${name}["']`).test(all);
  const body = files.syntax(file);
  if (!body) return false;
  const listed = literalAll(body);
  if (listed) return listed.includes(name);
  return !name.startsWith("_") && body.some((s) => bindsName(s, name));
}

function literalAll(body: Statement[]): string[] | undefined {
  for (const s of body) {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name" || s.targets[0].id !== "__all__") continue;
    const v = s.value;
    if ((v.type === "list" || v.type === "tuple") && v.items.every((i) => i.type === "str")) return v.items.map((i) => (i.type === "str" ? (i.value ?? "") : ""));
  }
  return undefined;
}

function bindsName(s: Statement, name: string): boolean {
  switch (s.type) {
    case "class": case "function": return s.name === name;
    case "assign": return s.targets.some((t) => t.type === "name" && t.id === name);
    case "annotated": return s.target.type === "name" && s.target.id === name;
    case "importFrom": return s.names !== "*" && s.names.some((n) => (n.alias ?? n.name) === name);
    default: return false;
  }
}
