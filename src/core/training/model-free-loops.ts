// A file that fits plain tensors by hand before it builds a model (a tutorial's `b, w` regression with
// `optim.SGD([b, w])`, then the same fit as an nn.Module) has a training loop that trains none of its models: its
// steps are not any model's run. Such a loop is told apart by what it reads: no model's binding, nothing the file
// builds with its own functions or classes (a trainer object, a step function made from the model), and no call of
// them, so no path in the loop reaches a model's parameters.
import type { Expression, Statement } from "../python/ast";
import { callsAnywhere, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

type Loop = Extract<Statement, { type: "for" | "while" }>;

/** The module-level loops that take backward passes without reading a model's binding (`models`), a name the module
 *  binds to a call of its own function or class, or calling one: they train plain tensors, not the file's models.
 *  None unless another module-level loop of backward passes does reach a model (a model the analysis did not list
 *  must not lose the only loop that trains it). */
export function loopsTrainingNoModel(body: Statement[], models: readonly string[]): Loop[] {
  const backward = (s: Statement) => (s.type === "for" || s.type === "while") && callsAnywhere([s]).some((c) => c.func.type === "attribute" && c.func.name === "backward");
  // One such loop or none: nothing to set apart, and the module's bindings need not be walked (this runs per keystroke).
  if (body.filter(backward).length < 2) return [];
  const own = new Set(body.flatMap((s) => (s.type === "function" || s.type === "class" ? [s.name] : [])));
  const functions = new Map(body.flatMap((s) => (s.type === "function" ? [[s.name, s] as const] : [])));
  const calledOwn = (e: Expression) => e.type === "call" && ((e.func.type === "name" && own.has(e.func.id)) || (e.func.type === "attribute" && e.func.object.type === "call" && e.func.object.func.type === "name" && own.has(e.func.object.func.id)));
  // Names bound, as Python runs the module in order, to what the file's own code makes (`model = Net().to(device)`,
  // `train_step = make_step(model)`, `optimizer = SGD(model.parameters())`); a later binding to plain tensors'
  // optimizer (`optimizer = SGD([b, w])`) drops the name again.
  const built = new Set(models);
  const bind = (statements: Statement[]) => forEachStatement(statements, ({ statement: s }) => {
    if (s.type !== "assign") return;
    let made = false;
    forEachExpression(s.value, (e) => {
      if (calledOwn(e) || (e.type === "name" && built.has(e.id))) made = true;
    });
    for (const t of s.targets) if (t.type === "name") {
      if (made || models.includes(t.id)) built.add(t.id);
      else built.delete(t.id);
    }
  }, [], () => false);
  const loops: Loop[] = [];
  let modelLoops = 0;
  for (const s of body) {
    if ((s.type === "for" || s.type === "while") && backward(s)) {
      let reachesModel = false;
      forEachStatement([s], ({ statement }) => {
        for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
          // A call of the file's own function reaches a model only where its body can (plainFunction below).
          if (e.type === "call" && e.func.type === "name" && plainFunction(functions.get(e.func.id), built, own, functions)) return;
          if (e.type === "name" && plainFunction(functions.get(e.id), built, own, functions)) return;
          if ((e.type === "name" && (built.has(e.id) || own.has(e.id))) || calledOwn(e)) reachesModel = true;
        });
      }, [], () => false);
      if (reachesModel) modelLoops++;
      else loops.push(s);
    }
    if (s.type !== "function" && s.type !== "class") bind([s]);
  }
  return modelLoops > 0 ? loops : [];
}

type FunctionStatement = Extract<Statement, { type: "function" }>;

/** Whether a function of the module reaches no model: its body (nested definitions included) reads no name bound to
 *  a model or to what the file's own code makes, no class of the file and no other function of it (`def forward(x):
 *  return w * x` over a plain tensor `w`). Such a call in a loop trains what the body reads, not a model. */
function plainFunction(fn: FunctionStatement | undefined, built: ReadonlySet<string>, own: ReadonlySet<string>, functions: ReadonlyMap<string, FunctionStatement>): boolean {
  if (!fn) return false;
  let reaches = false;
  forEachStatement(fn.body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type === "name" && (built.has(e.id) || own.has(e.id) || functions.has(e.id))) reaches = true;
    });
  });
  return !reaches;
}
