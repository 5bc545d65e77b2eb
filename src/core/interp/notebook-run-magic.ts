// IPython's `%run` in a notebook (ipython.readthedocs.io, "Built-in magic commands", %run; IPython 8): `%run -i f.py`
// runs the file's statements in the notebook's own namespace, where the line stands, so the file reads the notebook's
// names and the notebook reads what it binds; `%run f.py` runs it in a fresh `__main__` namespace, then loads its
// names into the notebook's. The notebook program (notebook/notebook-program.ts) keeps a top-level `%run` line as the
// comment `#run ...` of the same length; here that comment becomes a call the notebook's module runs in its place.
import type { Expression, Position, Statement } from "../python/ast";
import { NONE, str, unknown } from "./construct";
import type { Interpreter } from "./interpreter";
import { pathPlaces } from "./stdlib/path-like";
import { fn } from "./stdlib/native";
import type { Scope, Value } from "./values";

/** The name the stand-in call is bound to: not a Python identifier, so no code can bind or shadow it. */
const RUN_MAGIC_NAME = "%run";

// `#run [-flags] file.py [args]`: the comment the notebook program leaves for a top-level `%run` line (a Python file:
// a prose comment that starts with "run" names none).
const RUN_COMMENT = /^#run((?:\s+-\w+)*)\s+(?:"([^"]+\.i?py)"|'([^']+\.i?py)'|(\S+\.i?py))(?=\s|$)/;

/** A `%run` line of the notebook: the file and whether it runs in the notebook's namespace (`-i`). */
export interface RunMagic {
  line: number;
  file: string;
  interactive: boolean;
}

/** The `%run` lines of a notebook program, from its comments by line (a `-m module` run is left out: no file). */
export function runMagicsOf(comments: ReadonlyMap<number, string>): RunMagic[] {
  const runs: RunMagic[] = [];
  for (const [line, text] of comments) {
    if (!text.startsWith("#run")) continue;
    const m = RUN_COMMENT.exec(text);
    if (!m) continue;
    const flags = m[1].split(/\s+/).filter((f) => f.length > 0);
    if (flags.some((f) => f.startsWith("-m"))) continue;
    runs.push({ line, file: m[2] ?? m[3] ?? m[4], interactive: flags.some((f) => /^-\w*i/.test(f)) });
  }
  return runs.sort((a, b) => a.line - b.line);
}

const withRuns = new WeakMap<Statement[], Statement[]>();

/** A notebook's module body with each `%run` line's call in its place among the top-level statements (memoized per
 *  body: the lowered body is cached across keystrokes). The body itself when the notebook has none. */
export function bodyWithRunMagics(body: Statement[], comments: ReadonlyMap<number, string>): Statement[] {
  const known = withRuns.get(body);
  if (known) return known;
  const runs = runMagicsOf(comments);
  let out = body;
  if (runs.length > 0) {
    out = [];
    let next = 0;
    for (const s of body) {
      while (next < runs.length && runs[next].line < s.pos.line) out.push(runCall(runs[next++]));
      out.push(s);
    }
    while (next < runs.length) out.push(runCall(runs[next++]));
  }
  withRuns.set(body, out);
  return out;
}

function runCall(run: RunMagic): Statement {
  const pos: Position = { line: run.line, column: 0, endLine: run.line, endColumn: 0, startIndex: 0, endIndex: 0 };
  const interactive: Expression = { type: "constant", value: run.interactive ? "True" : "False", pos };
  const value: Expression = {
    type: "call",
    func: { type: "name", id: RUN_MAGIC_NAME, pos },
    args: [
      { kind: "positional", value: { type: "str", value: run.file, pos } },
      { kind: "keyword", name: "interactive", value: interactive },
    ],
    pos,
  };
  return { type: "expression", value, pos };
}

/** Binds `%run`'s stand-in among a notebook's module names (its own name is no identifier, so no code can bind or
 *  read it). `runFile` runs a file's statements in the scope given (false: no such file). */
export function installRunMagic(interp: Interpreter, notebook: Scope, runFile: (file: string, scope: Scope) => boolean): void {
  const run = fn(RUN_MAGIC_NAME, ({ args, kwargs }) => {
    const file = args[0];
    if (file?.kind !== "str") return unknown("a %run file the analyzer cannot read");
    const flag = kwargs.get("interactive");
    const interactive = flag?.kind === "bool" && flag.value;
    const places = pathPlaces(interp, file.value);
    for (const place of places) {
      const names = new Map<string, Value>([["__name__", str("__main__")], ["__file__", str(place)]]);
      if (!runFile(place, interactive ? notebook : { names, parent: interp.builtins })) continue;
      interp.loader.noteFileRead?.(place, true);
      // IPython loads a plain run's globals into the notebook's namespace once the file has run.
      if (!interactive) for (const [name, value] of names) if (!name.startsWith("__")) notebook.names.set(name, value);
      return NONE;
    }
    if (places[0] !== undefined) interp.loader.noteFileRead?.(places[0], false);
    return unknown(`%run: the file ${file.value} is not in the workspace`);
  });
  notebook.names.set(RUN_MAGIC_NAME, run);
}
