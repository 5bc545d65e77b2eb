// A run written with numpy alone (an MLP or a matrix factorization by hand, as course exercises write them) trains
// numpy arrays, whose default float is float64 (numpy.org/doc/stable/user/basics.types.html: "the default floating
// point type is float64"; np.random.randn, np.zeros and np.mean of floats give it), so its dtype is fp64, not the fp32
// a tensor framework starts from. Read only where every module the file imports is numpy, the standard library, a
// library of the numpy stack that builds no tensor framework's networks (NUMPY_STACK), or the workspace's own module
// importing only those; a file that names a narrower float (`float32`, `float16`) may cast its arrays, and is not read.
import { isStandardLibrary } from "../environment/standard-library";
import type { Statement } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";

/** What the rule reads of the workspace: whether a path is a file or folder, and an own module's text and statements. */
export interface OwnModules {
  exists(path: string): boolean;
  isDirectory?(path: string): boolean;
  text(path: string): string | undefined;
  body(path: string): Statement[] | undefined;
}

/** Top-level modules of the numpy stack that train no tensor framework's networks (their own arrays are numpy's or
 *  wrap them): pandas, SciPy, scikit-learn, plotting, progress bars, image and file readers (each package's own
 *  documentation, 2026; sklearn's estimators keep float64 input as float64). */
const NUMPY_STACK: ReadonlySet<string> = new Set([
  "numpy", "pandas", "scipy", "sklearn", "matplotlib", "seaborn", "plotly", "tqdm", "PIL", "cv2", "skimage", "imageio",
  "h5py", "yaml", "joblib", "statsmodels", "sympy", "tabulate", "termcolor",
]);

/** A float narrower than numpy's default named anywhere in the text: the arrays may be cast to it. */
const NARROW_FLOAT = /float32|float16|\bhalf\b|["']f[24]["']|single\b/;

/** How deep own modules are followed (a script importing a helper that imports another). */
const OWN_DEPTH = 3;

/** The line of the file's numpy import, where the file (and the own modules it imports) import numpy and nothing
 *  outside the numpy stack and the standard library; undefined otherwise. */
export function numpyOnlyImport(body: Statement[], text: string, file: string, modules: OwnModules | undefined, root: string | undefined): { line: number; detail: string } | undefined {
  if (NARROW_FLOAT.test(text)) return undefined;
  let numpyAt: { line: number; detail: string } | undefined;
  const seen = new Set<string>([file]);
  // An own module's imports must fit too; false where it cannot be read or names a narrower float.
  const follow = (path: string, depth: number): boolean => {
    if (seen.has(path)) return true;
    seen.add(path);
    const source = modules!.text(path);
    const statements = modules!.body(path);
    if (source === undefined || !statements || NARROW_FLOAT.test(source) || depth >= OWN_DEPTH) return false;
    return fits(statements, path, depth + 1, false);
  };
  const fits = (statements: Statement[], from: string, depth: number, top: boolean): boolean => {
    for (const s of importsIn(statements)) {
      const modulesNamed = s.type === "import" ? s.names.map((n) => n.module) : [s.module];
      for (const name of modulesNamed) {
        const head = name.split(".")[0];
        const level = s.type === "importFrom" ? s.level : 0;
        if (level === 0 && head === "numpy" && top && !numpyAt) numpyAt = { line: s.pos.line, detail: importText(s) };
        if (level === 0 && (NUMPY_STACK.has(head) || isStandardLibrary(head))) continue;
        if (!modules) return false;
        const own = ownModule(name, level, from, root, modules);
        if (own === undefined) return false;
        if (own !== "folder" && !follow(own, depth)) return false;
        // `from pkg import mod`: a module of the package the names import is read too (a namespace package has no
        // __init__.py of its own to say what it holds).
        if (s.type === "importFrom" && s.names !== "*") {
          for (const n of s.names) {
            const sub = ownModule(name ? `${name}.${n.name}` : n.name, level, from, root, modules);
            if (sub !== undefined && sub !== "folder" && !follow(sub, depth)) return false;
          }
        }
      }
    }
    return true;
  };
  return fits(body, file, 0, true) ? numpyAt : undefined;
}

type ImportStatement = Extract<Statement, { type: "import" | "importFrom" }>;

/** The import statements anywhere in the statements (a function's own imports count as the module's). */
function importsIn(statements: Statement[]): ImportStatement[] {
  const out: ImportStatement[] = [];
  forEachStatement(statements, ({ statement: s }) => {
    if (s.type === "import" || s.type === "importFrom") out.push(s);
  }, [], () => true);
  return out;
}

/** The workspace file an import names, beside the importing file or under the workspace root: its path, "folder" for
 *  a namespace package (a folder with no __init__.py), undefined where the workspace holds neither. */
function ownModule(module: string, level: number, from: string, root: string | undefined, modules: OwnModules): string | undefined {
  const dir = parent(from);
  const starts = level > 0 ? [ancestor(dir, level - 1)] : [dir, ...(root && root !== dir ? [root] : [])];
  const rel = module.split(".").filter((p) => p !== "").join("/");
  for (const start of starts) {
    const base = rel ? `${start}/${rel}` : start;
    for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (modules.exists(candidate)) return candidate;
    if (modules.isDirectory?.(base)) return "folder";
  }
  return undefined;
}

function parent(path: string): string {
  const at = path.lastIndexOf("/");
  return at > 0 ? path.slice(0, at) : ".";
}

function ancestor(dir: string, levels: number): string {
  let out = dir;
  for (let i = 0; i < levels; i++) out = parent(out);
  return out;
}

function importText(s: ImportStatement): string {
  if (s.type === "import") return `import ${s.names.map((n) => (n.alias ? `${n.module} as ${n.alias}` : n.module)).join(", ")}`;
  return `from ${".".repeat(s.level)}${s.module} import ${s.names === "*" ? "*" : s.names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name)).join(", ")}`;
}
