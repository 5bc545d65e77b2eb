// Full-batch training: an epoch loop that runs backward and steps the optimizer once per pass, with no loop over
// batches inside (`for epoch in range(5000): out = model(x); loss.backward(); optimizer.step()`, or the same in a
// function the loop calls, `for epoch in range(E): train()`). Each epoch is then one optimizer step over the whole
// data, as graph networks on one graph and small tutorial models train.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { ClassValue, Value } from "../interp/values";
import { boundNames, calleeName, forEachExpression, forEachStatement, ownExpressions, positionalArgument, targetNames, type CallExpression } from "../python/syntax-walk";
import { lookupClassAttribute } from "../interp/classes";
import { loopShape, ownCalls, stepsOnceInBody, type LoopStatement } from "./loop-shape";
import { boundAfreshTwice } from "./models-in-turn";
import { argumentsByParameter } from "./call-site-bindings";
import { graphNodes } from "./graph-datasets";
import { returnedClosures } from "./returned-closures";
import { loopInvariantBinding } from "./loop-invariant-binding";
import { kerasTrainOnBatch } from "../keras/train-on-batch";
import { tensorMethodChain } from "./tensor-method-chain";

interface Span {
  startIndex: number;
  endIndex: number;
}

const within = (inner: Span, outer: Span) => inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;

/** Whether each pass of the epoch loop takes one optimizer step: its own body steps after backward (not in a loop of
 *  its own), or it calls by name a module-level function of `body` that does, outside any loop (or a closure one
 *  returned, returned-closures.ts). `nestedStepLoop` says
 *  whether a step loop is nested in the epoch loop (then its steps are per batch, not per epoch); `stepping` names calls that
 *  take a step themselves (a TensorFlow 1.x session run of a training operation); `imported` gives the definition of a
 *  called name the module imports from another workspace file (`from utils import train_step`), which Python runs
 *  just as it would one defined in `body`. */
export function stepsOncePerEpoch(body: Statement[], loop: LoopStatement, nestedStepLoop: boolean, stepping?: (c: CallExpression) => boolean, imported?: (name: string) => FunctionDefinition | undefined): boolean {
  if (nestedStepLoop) return false;
  if (loopShape(loop, stepping).stepLoop) return true;
  // Calls in the loop's own statements: a function called inside a loop over batches steps once per batch.
  const called = new Set(ownCalls(loop.body).flatMap((c) => (c.func.type === "name" ? [calleeName(c)] : [])));
  const closures = returnedClosures(body);
  const functions = [
    ...body.filter((s): s is FunctionDefinition => s.type === "function" && called.has(s.name) && !within(loop.pos, s.pos)),
    // `main_loop(phase=TRAIN)` of `main_loop = get_main_loop(model, optimizer)`: the nested function it returned.
    ...[...called].flatMap((n) => {
      const closure = n !== undefined ? closures.get(n) : undefined;
      return closure && !within(loop.pos, closure.pos) ? [closure] : [];
    }),
    // A name bound by neither: a function of another file (`for epoch in range(n): train(model, opt, data)` with
    // `from src import train`).
    ...[...called].flatMap((n) => {
      if (n === undefined || !imported || closures.has(n) || body.some((s) => s.type === "function" && s.name === n)) return [];
      const definition = imported(n);
      return definition ? [definition] : [];
    }),
  ];
  // One called function that steps once, and none whose loop steps per batch (those are the step-loop rules').
  return functions.some((f) => stepsOnceInBody(f.body)) && !functions.some((f) => holdsStepLoop(f.body));
}

/** Whether a function body holds a loop that steps the optimizer (then its steps are per batch). */
function holdsStepLoop(body: Statement[]): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    if (!found && (s.type === "for" || s.type === "while") && loopShape(s).stepLoop) found = true;
  });
  return found;
}

/** Tensor methods that overwrite a tensor's contents in place with other data (pytorch.org/docs/stable/tensors.html:
 *  `copy_(src)`, `set_(source)`, `resize_`/`resize_as_` before a fill): a buffer refilled each pass holds a new batch. */
const REFILLS = new Set(["copy_", "set_", "resize_", "resize_as_"]);

/** The name a statement refills in place (`x.copy_(batch)`, `x.data.resize_(shape).copy_(batch)`); undefined for any
 *  other statement. */
function refilledTensor(e: Expression): string | undefined {
  let node: Expression = e;
  let refills = false;
  // Walk the chain of calls and attributes down to its root name.
  for (;;) {
    if (node.type === "call" && node.func.type === "attribute") {
      if (REFILLS.has(node.func.name)) refills = true;
      node = node.func.object;
    } else if (node.type === "attribute") node = node.object;
    else break;
  }
  return refills && node.type === "name" ? node.id : undefined;
}

/** Names a block binds anywhere in it (assignments, loop targets, `with ... as`, a tensor it refills in place:
 *  `real.data.resize_(images.size()).copy_(images)`), nested blocks included. */
function boundIn(body: Statement[]): Set<string> {
  const names = new Set<string>();
  const add = (target: Expression) => forEachExpression(target, (node) => node.type === "name" && names.add(node.id));
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "expression") {
      const refilled = refilledTensor(s.value);
      if (refilled) names.add(refilled);
    }
    if (s.type === "assign") s.targets.forEach(add);
    else if (s.type === "augmented" || s.type === "annotated") add(s.target);
    else if (s.type === "for") add(s.target);
    else if (s.type === "with") for (const item of s.items) if (item.target) add(item.target);
  });
  return names;
}

/**
 * The whole data a full-batch loop feeds its model each pass: a call in the loop's own statements of a model
 * (an nn.Module instance) on a tensor the loop does not bind itself (`prediction = net(x)` on `x` of shape (100, 1)),
 * as Python runs it every pass (the first model call: later ones may evaluate held-out data). Its first dimension is the step's batch and the epoch's samples; undefined when the
 * loop feeds no such tensor (a slice it takes, a batch it draws). The data may be an attribute of an object the loop
 * does not bind (`model(data.x, data.edge_index)`), or a PyG graph whose nodes the analyzer knows (`model(data)`,
 * graph-datasets.ts); the call may be in a module-level function the loop calls by name (`for epoch in ...: train()`),
 * whose parameters take the loop call's arguments. `rows` is undefined where the data is read from somewhere of a
 * size the code does not show (a CSV file, a download): the batch is still all of it, of unknown size.
 */
export function fullBatchData(loop: LoopStatement, evaluate: (e: Expression) => Value | undefined, body: Statement[], atModuleLevel: boolean): { rows?: number; call: Expression; input: Expression } | undefined {
  const bound = boundIn(loop.body);
  if (loop.type === "for") forEachExpression(loop.target, (node) => node.type === "name" && bound.add(node.id));
  // A name the loop binds to the same data on every pass (`x = torch.from_numpy(train_data).float()`) holds it here.
  const own = forwardData(ownCalls(loop.body), (e) => (e.type === "name" && bound.has(e.id) ? loopInvariantBinding(loop.body, e.id, bound) : e), evaluate, body, atModuleLevel, loop.pos.endIndex);
  if (own !== "none") return own;
  // `for epoch in range(E): loss = train(data)`: the first function called by name that calls a model, read with its
  // parameters bound to the call's arguments (a name the function binds itself is not known here).
  const called = ownCalls(loop.body).filter((c) => c.func.type === "name");
  for (const c of called) {
    const fn = body.find((s): s is FunctionDefinition => s.type === "function" && c.func.type === "name" && s.name === c.func.id && !within(loop.pos, s.pos));
    if (!fn) continue;
    const locals = boundIn(fn.body);
    const passed = argumentsByParameter(fn, c);
    const params = new Set(fn.params.map((p) => p.name));
    const resolve = (e: Expression): Expression | undefined => {
      if (e.type !== "name") return e;
      // A parameter the function binds afresh (`g = next(iter(loader))`) no longer holds what the call passed;
      // `data = data.to(device)` still does.
      if (params.has(e.id) && !reboundAfresh(fn.body, e.id)) {
        const given = passed.get(e.id);
        return given && !(given.type === "name" && bound.has(given.id)) ? given : undefined;
      }
      return locals.has(e.id) || bound.has(e.id) || params.has(e.id) ? undefined : e;
    };
    const found = forwardData(ownCalls(fn.body), resolve, evaluate, body, atModuleLevel, loop.pos.endIndex);
    if (found !== "none") return found;
  }
  return undefined;
}

/** A subscript of data by an index whose names resolve where the data does (`x[train_idx]`, `x[data.train_mask]`),
 *  rewritten with the index's names resolved; undefined when the index reads a name the loop binds (a batch it draws). */
function indexedData(e: Extract<Expression, { type: "subscript" }>, resolve: (e: Expression) => Expression | undefined): Extract<Expression, { type: "subscript" }> | undefined {
  const index = e.index;
  if (index.type === "slice") return undefined;
  const root = index.type === "attribute" && index.object.type === "name" ? index.object : index.type === "name" ? index : undefined;
  if (!root) return undefined;
  const held = resolve(root);
  if (!held) return undefined;
  return { ...e, index: index.type === "attribute" ? { ...index, object: held } : held };
}

/** A tensor value's first dimension, where it is a known positive count. */
function tensorRows(v: Value | undefined): number | undefined {
  const rows = v?.kind === "tensor" ? v.shape[0] : undefined;
  return typeof rows === "number" && Number.isSafeInteger(rows) && rows > 0 ? rows : undefined;
}

/** Whether a module-level statement after `end` (the loop's end) binds `name`. */
function boundAfter(body: Statement[], name: string, end: number): boolean {
  return body.some((s) => s.pos.startIndex >= end && boundNames(s).includes(name));
}

/** Whether a block assigns a name from a value that does not read it (`g = next(iter(loader))`, not `g = g.to(device)`). */
function reboundAfresh(body: Statement[], name: string): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    if (found || s.type !== "assign" || !s.targets.some((t) => targetNames(t).includes(name))) return;
    let reads = false;
    forEachExpression(s.value, (node) => {
      if (node.type === "name" && node.id === name) reads = true;
    });
    if (!reads) found = true;
  });
  return found;
}

/**
 * The data the first model call among `calls` is given, with its rows: "none" when no call is of a model, undefined
 * when the first one's data has no rows the analyzer knows. `resolve` maps a name where the calls are to the
 * expression it holds where `evaluate` works (undefined: a name bound there, whose value is not known).
 */
function forwardData(
  calls: CallExpression[],
  resolve: (e: Expression) => Expression | undefined,
  evaluate: (e: Expression) => Value | undefined,
  body: Statement[],
  atModuleLevel: boolean,
  loopEnd: number,
): { rows?: number; call: Expression; input: Expression } | undefined | "none" {
  for (const call of calls) {
    // `model.train_on_batch(x, y)`: a Keras model's one gradient update on all of `x` (keras-train-on-batch.ts).
    const kerasStep = kerasTrainOnBatch(call);
    const input = kerasStep ? kerasStep.input : positionalArgument(call, 0);
    // `model(x)`, or `self.forward(x)` in a method of the model: calling forward directly runs the same computation
    // (without the module's hooks), so it is the training forward too.
    const written = kerasStep ? kerasStep.model : call.func.type === "attribute" && call.func.name === "forward" && call.func.object.type === "name" ? call.func.object : call.func;
    const callee = written.type === "name" ? resolve(written) : undefined;
    if (callee?.type !== "name") continue;
    if (!input) {
      // `model()`: a forward that takes no data reads it from the module's names (`x = data.x` in forward).
      const model = call.args.length === 0 ? evaluate(callee) : undefined;
      if (model?.kind !== "instance" || !model.module) continue;
      const read = globalForwardData(model.cls, evaluate);
      return read ? { rows: read.rows, call, input: read.input } : undefined;
    }
    // `net(x.unsqueeze(1))`: the data is the chain's base, reshaped the same way each pass (tensor-method-chain.ts);
    // an argument the loop binds (`x.index_select(0, idx)`) makes it a draw.
    const chain = tensorMethodChain(input);
    if (chain?.argumentNames.some((id) => resolve({ type: "name", id, pos: input.pos }) === undefined)) continue;
    const fed = chain ? chain.base : input;
    // The data: a name, or an attribute of one (`data.x`), that the loop does not bind; or the rows such data is
    // indexed by (`x[train_idx]`, `data.x[data.train_mask]`), an index the loop does not bind either.
    const indexed = fed.type === "subscript" ? indexedData(fed, resolve) : undefined;
    if (fed.type === "subscript" && !indexed) continue;
    const whole = indexed ? indexed.object : fed;
    const root = whole.type === "attribute" && whole.object.type === "name" ? whole.object : whole.type === "name" ? whole : undefined;
    const rootHeld = root ? resolve(root) : undefined;
    if (!root || !rootHeld) continue;
    const model = evaluate(callee);
    if (model?.kind !== "instance" || !model.module) continue;
    // The first call of a model is the training forward; later ones may evaluate held-out data under no_grad.
    // A module-level name bound afresh again after the loop holds the later data in the namespace: its rows are not
    // known here. Bound afresh twice before it (a notebook's cell that draws `x`, a later one that draws it again),
    // the namespace holds the last of those, which the loop reads.
    if (atModuleLevel && rootHeld.type === "name" && boundAfreshTwice(body, rootHeld.id) && boundAfter(body, rootHeld.id, loopEnd)) return undefined;
    const wholeHeld: Expression = whole.type === "attribute" ? { ...whole, object: rootHeld } : rootHeld;
    if (chain) {
      // Only methods of a tensor the code holds: `torch.randn(1, 4)` is a module's factory, not data reshaped.
      if (evaluate(wholeHeld)?.kind !== "tensor") continue;
      const rows = tensorRows(evaluate(chain.over(indexed ? { ...indexed, object: wholeHeld } : wholeHeld)));
      if (rows !== undefined) return { rows, call, input };
      continue;
    }
    // Indexed rows are the index's count as the interpreter works it out (an index tensor's length; a boolean mask's
    // selection is data-dependent and stays unknown), not the whole graph's nodes.
    if (indexed) {
      const rows = tensorRows(evaluate({ ...indexed, object: wholeHeld }));
      return rows !== undefined ? { rows, call, input } : { call, input };
    }
    const held: Expression = wholeHeld;
    const rows = dataRows(held, evaluate);
    if (rows !== undefined) return { rows, call, input };
    // No rows (a list filled by a loop over data of unknown length reads as empty) is as unknown as no value: a model
    // is not trained on nothing, but on all of data whose size the code does not show.
    const data = evaluate(held);
    return data?.kind === "tensor" || data?.kind === "unknown" ? { call, input } : undefined;
  }
  return "none";
}

/**
 * The data a forward that takes no arguments but self reads from module-level names: the first `name.attr` or name
 * of its body, in source order, that is neither self nor a name it binds and that holds a tensor or a PyG graph whose
 * rows are known (`x, edge_index = data.x, data.edge_index`). `evaluate` works where the module's names are.
 */
function globalForwardData(cls: ClassValue, evaluate: (e: Expression) => Value | undefined): { rows: number; input: Expression } | undefined {
  const forward = lookupClassAttribute(cls, "forward");
  if (forward?.kind !== "function" || forward.definition.type !== "function") return undefined;
  const definition = forward.definition;
  if (definition.params.length !== 1) return undefined;
  const locals = boundIn(definition.body);
  locals.add(definition.params[0].name);
  const reads: Expression[] = [];
  forEachStatement(definition.body, ({ statement }) => {
    for (const e of ownExpressions(statement)) forEachExpression(e, (node) => {
      const root = node.type === "attribute" && node.object.type === "name" ? node.object : node.type === "name" ? node : undefined;
      if (root?.type === "name" && !locals.has(root.id)) reads.push(node);
    });
  });
  reads.sort((a, b) => a.pos.startIndex - b.pos.startIndex);
  for (const e of reads) {
    const rows = dataRows(e, evaluate);
    if (rows !== undefined) return { rows, input: e };
  }
  return undefined;
}

/** The rows of data a model takes: a PyG graph's nodes, for the graph or any attribute of it (`data.edge_index` is
 *  still a step over all the graph's nodes), else a tensor's first dimension. */
function dataRows(e: Expression, evaluate: (e: Expression) => Value | undefined): number | undefined {
  const nodes = graphNodes(evaluate(e.type === "attribute" ? e.object : e));
  const value = nodes === undefined ? evaluate(e) : undefined;
  const rows = nodes ?? (value?.kind === "tensor" ? value.shape[0] : undefined);
  return typeof rows === "number" && Number.isSafeInteger(rows) && rows > 0 ? rows : undefined;
}
