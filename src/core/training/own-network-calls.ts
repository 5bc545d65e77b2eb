// A training function that builds the network it trains in its own body (`model = CIFARModule(model_name, ...)`, then
// `trainer.fit(model, ...)`; `w, b = init_params()`, then `tape.gradient(l, [w, b])`): Python binds a function's
// names afresh on every call, so each call trains a network of its own from its first weights, and calls in turn are
// runs of several networks, not one network's stages. The network is what the function trains: a name whose
// parameters it reads (`m.parameters()`, `m.trainable_variables`), that it fits (`m.fit(...)`), that a Trainer it
// builds fits (`trainer.fit(m, ...)`), or whose variables a tape's gradient is taken for (`tape.gradient(l, [w, b])`).
import type { Expression, FunctionDefinition } from "../python/ast";
import { forEachExpression, forEachStatement, isLocalTo, keywordArgument, ownExpressions, positionalArgument, targetNames } from "../python/syntax-walk";

/** Attributes of a network that training reads (PyTorch's parameters, Keras' variables) or methods that train it. */
const NETWORK_USE = new Set(["parameters", "named_parameters", "trainable_variables", "trainable_weights", "fit", "train_on_batch"]);

/** The plain names of an expression that is a name or a list or tuple of names (`[w, b]`). */
function plainNames(e: Expression | undefined): string[] {
  if (!e) return [];
  if (e.type === "name") return [e.id];
  if (e.type === "list" || e.type === "tuple") return e.items.flatMap((i) => (i.type === "name" ? [i.id] : []));
  return [];
}

/** Names the function's own statements bind to the value of a call (`model = Net(...)`, `w, b = init_params()`). */
function callBoundNames(fn: FunctionDefinition): Set<string> {
  const out = new Set<string>();
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type === "assign" && s.value.type === "call") for (const t of s.targets) for (const n of targetNames(t)) out.add(n);
  }, [], () => false);
  return out;
}

/** The names the function trains as a network (see the file's comment). */
function trainedNames(fn: FunctionDefinition): Set<string> {
  const trainers = new Set<string>();
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type !== "assign" || s.value.type !== "call") return;
    const callee = s.value.func;
    const name = callee.type === "attribute" ? callee.name : callee.type === "name" ? callee.id : "";
    if (/Trainer$/.test(name)) for (const t of s.targets) for (const n of targetNames(t)) trainers.add(n);
  }, [], () => false);
  const used = new Set<string>();
  forEachStatement(fn.body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type === "attribute" && e.object.type === "name" && NETWORK_USE.has(e.name)) used.add(e.object.id);
      if (e.type !== "call" || e.func.type !== "attribute" || e.func.object.type !== "name") return;
      if (e.func.name === "fit" && trainers.has(e.func.object.id)) for (const n of plainNames(positionalArgument(e, 0) ?? keywordArgument(e, "model"))) used.add(n);
      if (e.func.name === "gradient") for (const n of plainNames(positionalArgument(e, 1) ?? keywordArgument(e, "sources"))) used.add(n);
    });
  }, [], () => false);
  for (const t of trainers) used.delete(t);
  return used;
}

/** The network a function builds for itself on each call: a name it trains, every such name bound by its own
 *  statements to a call's value and local to it (no parameter, no `global`); undefined where any is not. */
export function ownNetworkOfCall(fn: FunctionDefinition): string | undefined {
  const trained = [...trainedNames(fn)];
  if (trained.length === 0) return undefined;
  const bound = callBoundNames(fn);
  const ownParams = new Set(fn.params.map((p) => p.name));
  const own = trained.every((n) => bound.has(n) && !ownParams.has(n) && isLocalTo(fn, n));
  return own ? trained[0] : undefined;
}
