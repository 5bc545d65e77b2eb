// TensorFlow 2 full-batch training: a loop whose every pass records one loss on a gradient tape over tensors it does
// not bind itself (`with tf.GradientTape() as t: current_loss = loss(model(xs), ys)`, then `w.assign_sub(lr * dw)` or
// `optimizer.apply_gradients(...)`), in its own body or in a module-level function it calls by name (`for epoch in
// epochs: train(model, xs, ys, learning_rate=0.1)`). Each pass computes the loss over every row of those tensors, so
// their rows are the step's batch and the epoch's samples, as a PyTorch loop calling its model on all of `x` is
// (full-batch-epochs.ts; tensorflow.org/guide/basic_training_loops).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { leadingDimension } from "../interp/value-figures";
import { boundNames, dottedName, forEachStatement, namesIn, targetNames, type CallExpression } from "../python/syntax-walk";
import { ownCalls, ownStatements, type LoopStatement } from "./loop-shape";
import { argumentsByParameter } from "./call-site-bindings";

type WithStatement = Extract<Statement, { type: "with" }>;

/** The `with tf.GradientTape() as t:` blocks among a body's own statements (not in its inner loops). */
function tapeBlocks(body: Statement[]): WithStatement[] {
  return ownStatements(body).filter((s): s is WithStatement => s.type === "with" && s.items.some((i) => i.value.type === "call" && /(^|\.)GradientTape$/.test(dottedName(i.value.func) ?? "")));
}

/** Names a block binds anywhere in it (assignments, loop targets, `with ... as`), nested blocks included. */
function bindsIn(body: Statement[]): Set<string> {
  const names = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    for (const n of boundNames(s)) names.add(n);
    if (s.type === "for") for (const n of targetNames(s.target)) names.add(n);
    if (s.type === "with") for (const i of s.items) if (i.target) for (const n of targetNames(i.target)) names.add(n);
  }, [], () => false);
  return names;
}

/** The names the expressions of a tape block read (its nested blocks too). */
function readsIn(block: WithStatement): Set<string> {
  const out = new Set<string>();
  forEachStatement(block.body, ({ statement: s }) => {
    if (s.type === "assign" || s.type === "augmented" || s.type === "annotated" || s.type === "expression" || s.type === "return") {
      const value = (s as { value?: Expression }).value;
      if (value) namesIn([value], out);
    }
  }, [], () => false);
  return out;
}

/** Whether module-level `body` binds `name` to a variable (`w = tf.Variable(2.0)`): trained weights, not data. */
function isVariable(body: Statement[], name: string): boolean {
  return body.some((s) => s.type === "assign" && s.targets.some((t) => targetNames(t).includes(name)) && s.value.type === "call" && /(^|\.)Variable$/.test(dottedName(s.value.func) ?? ""));
}

/**
 * The data a full-batch loop's tape step reads whole each pass, with its rows: the tensors the tape block reads that
 * neither the loop nor the block binds (a called function's parameters taken as the call passes them), of one shared
 * first dimension. Undefined where the loop holds no tape step, where the step reads a name the loop binds (a batch it
 * draws), or where no such tensor has known rows; tensors of other rows beside the data (a weight matrix) leave it
 * unread. `evaluate` works at the loop.
 */
export function tapeWholeData(loop: LoopStatement, body: Statement[], evaluate: (e: Expression) => Value | undefined): { rows: number; call: Expression; input: Expression } | undefined {
  const loopBound = bindsIn(loop.body);
  if (loop.type === "for") for (const n of targetNames(loop.target)) loopBound.add(n);
  // A name as it is bound where the loop runs (the module's data, not a later rebinding).
  const atLoop = (id: string): Expression => ({ type: "name", id, pos: loop.pos });
  const drawn = Symbol("drawn");
  type Held = Expression | typeof drawn | undefined;
  const candidates: { block: WithStatement; resolve: (name: string) => Held; call?: CallExpression }[] = [];
  for (const block of tapeBlocks(loop.body)) candidates.push({ block, resolve: (n) => (loopBound.has(n) ? drawn : atLoop(n)) });
  for (const call of ownCalls(loop.body)) {
    if (call.func.type !== "name") continue;
    const callee = call.func.id;
    const fn = body.find((s): s is FunctionDefinition => s.type === "function" && s.name === callee && !(s.pos.startIndex <= loop.pos.startIndex && s.pos.endIndex >= loop.pos.endIndex));
    if (!fn) continue;
    const passed = argumentsByParameter(fn, call);
    const params = new Set(fn.params.map((p) => p.name));
    const locals = bindsIn(fn.body);
    const resolve = (n: string): Held => {
      if (params.has(n)) {
        const given = passed.get(n);
        // A parameter given a name the loop binds holds what that pass drew.
        if (given?.type === "name" && loopBound.has(given.id)) return drawn;
        return given;
      }
      if (locals.has(n)) return undefined;
      return loopBound.has(n) ? drawn : atLoop(n);
    };
    for (const block of tapeBlocks(fn.body)) candidates.push({ block, call, resolve });
  }
  for (const { block, resolve, call } of candidates) {
    const local = bindsIn(block.body);
    const held = [...readsIn(block)].filter((n) => !local.has(n)).map(resolve);
    // A name the loop binds (a batch it draws) makes the step's data a part of the whole.
    if (held.includes(drawn)) continue;
    const data: { input: Expression; rows: number }[] = [];
    for (const h of held) {
      if (h === undefined || h === drawn || (h.type === "name" && isVariable(body, h.id))) continue;
      const rows = leadingDimension(evaluate(h));
      if (rows !== undefined) data.push({ input: h, rows });
    }
    if (data.length === 0 || data.some((d) => d.rows !== data[0].rows)) continue;
    return { rows: data[0].rows, call: call ?? block.items[0]!.value, input: data[0].input };
  }
  return undefined;
}
