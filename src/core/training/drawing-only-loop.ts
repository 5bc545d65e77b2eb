import type { Expression, Statement } from "../python/ast";
import { callsAnywhere, forEachStatement, namesIn } from "../python/syntax-walk";
import { GRADIENT_FREE_METHODS } from "./schedule-only-steps";

// A notebook that teaches training often draws its epochs before it runs any: `for epoch in range(epochs_to_show):`
// placing a rectangle per batch with `ax.add_patch(...)`, or a simulated loss curve `for epoch in range(100):
// losses.append(np.exp(-epoch / 20))`. Such a loop calls nothing that can update a network (drawing, NumPy's and the
// standard library's arithmetic, Python's builtins, a list's append): Python runs it and no parameter changes, so it is
// no run's epoch loop whatever its variable is called, and the loop that steps an optimizer later is.

/** Modules whose functions and objects compute, draw or time but never train a network. */
const INERT_MODULE = /^(matplotlib|seaborn|numpy|math|random|time|statistics)(\.|$)/;
/** Python builtins that evaluate their arguments and nothing else (docs.python.org/3/library/functions.html). */
const INERT_BUILTINS = new Set(["range", "len", "print", "enumerate", "zip", "min", "max", "abs", "round", "int", "float", "str", "bool", "list", "dict", "tuple", "set", "sum", "sorted", "reversed", "isinstance", "format"]);
/** Methods of lists and strings that a drawing or arithmetic loop calls on its own values. */
const INERT_METHODS = new Set(["append", "extend", "insert", "format", "join", "items", "keys", "values"]);

/** The leftmost name of a callee's receiver chain (`ax` of `axes[0].text`, `plt` of `plt.Rectangle`). */
function rootName(e: Expression): string | undefined {
  let x = e;
  while (x.type === "attribute" || x.type === "subscript" || x.type === "call") x = x.type === "call" ? x.func : x.object;
  return x.type === "name" ? x.id : undefined;
}

/** Names the module binds to an inert module (`import matplotlib.pyplot as plt`, `from matplotlib.patches import
 *  Rectangle`, `import numpy as np`), and names every assignment of which takes a value made from one (`fig, (ax1,
 *  ax2) = plt.subplots(...)`, `ax = fig.add_subplot(...)`). */
export function inertNames(body: Statement[]): Set<string> {
  const inert = new Set<string>();
  const assigned = new Map<string, Expression[]>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "import") for (const n of s.names) { if (INERT_MODULE.test(n.module)) inert.add(n.alias ?? n.module.split(".")[0]!); }
    else if (s.type === "importFrom" && s.level === 0 && INERT_MODULE.test(s.module) && s.names !== "*") for (const n of s.names) inert.add(n.alias ?? n.name);
    else if (s.type === "assign") for (const t of s.targets) for (const name of namesIn([t], new Set())) assigned.set(name, [...(assigned.get(name) ?? []), s.value]);
  });
  // A name is inert when every value bound to it comes from an inert name; chains (`fig` then `ax` of `fig`) settle in
  // a few passes.
  for (let pass = 0; pass < 3; pass++) {
    for (const [name, values] of assigned) {
      if (inert.has(name)) continue;
      if (values.every((v) => v.type === "call" && inert.has(rootName(v.func) ?? ""))) inert.add(name);
    }
  }
  return inert;
}

/** True when every call in the loop is a builtin, a list's or string's method, made on an inert module or a value
 *  drawn from one, or an argument-free step of a torch optimizer or scheduler (no gradient in the loop: nothing else
 *  it calls computes one, schedule-only-steps.ts), at least one is of the last two kinds, and every loop inside walks
 *  such a call: the loop cannot train. */
export function drawsOnly(loop: Extract<Statement, { type: "for" }>, inert: ReadonlySet<string>, optimizers: ReadonlySet<string> = new Set()): boolean {
  const calls = callsAnywhere(loop.body);
  // A loop that calls nothing at all (`for epoch in range(E): pass`, a stand-in for code left out) is read as written.
  let draws = false;
  for (const c of calls) {
    if (c.func.type === "name") {
      if (inert.has(c.func.id)) draws = true;
      else if (!INERT_BUILTINS.has(c.func.id)) return false;
      continue;
    }
    if (c.func.type === "attribute" && INERT_METHODS.has(c.func.name)) continue;
    draws = true;
    if (c.func.type === "attribute" && c.args.length === 0 && GRADIENT_FREE_METHODS.has(c.func.name) && c.func.object.type === "name" && optimizers.has(c.func.object.id)) continue;
    const root = rootName(c.func);
    if (root === undefined || !inert.has(root)) return false;
  }
  if (!draws) return false;
  // A loop inside over a bare name (`for x, y in loader:`) walks an iterator that may run anything.
  let opaque = false;
  forEachStatement(loop.body, ({ statement: s }) => {
    if ((s.type === "for" && s.iter.type !== "call") || s.type === "with") opaque = true;
  });
  return !opaque;
}
