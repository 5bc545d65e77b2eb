// Batches a trainer cuts into a list before its epochs (benedekrozemberczki-style graph trainers and their kin):
// `self.batches = [self.graphs[i:i + B] for i in range(0, len(self.graphs), B)]` in `__init__`, or a method that
// returns such a list (`batches = self.create_batches()`, built with `batches.append(paths[i:i + B])` over the same
// range), then `for batch in self.batches:` in `fit()`. Python's range(0, n, B) yields every B-th index
// (docs.python.org/3/library/stdtypes.html#range), so the list holds ceil(n / B) slices of B items (the last shorter):
// each step of the loop over it takes B items, and a pass walks all n.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { childBodies, forEachStatement } from "../python/syntax-walk";
import { functionBatchList, widthSlice, type BatchSlice } from "./function-batch-lists";

type ForStatement = Extract<Statement, { type: "for" }>;
type ClassStatement = Extract<Statement, { type: "class" }>;

/** A list of batch slices a step loop walks: the slice width, the data sliced, and where to read them (the function
 *  that builds the list, and the statements of it that run before). */
export interface BatchList {
  /** What the step loop walks (`self.batches`). */
  iter: Expression;
  size: Expression;
  data: Expression;
  /** The axis the slices cut, where not the first (`X[:, k * S:(k + 1) * S]`). */
  axis?: number;
  /** Undefined at the module's top level. */
  fn: FunctionDefinition | undefined;
  before: Statement[];
  line: number;
}

/** The batch list a step loop walks (`for batch in self.batches:`, `for batch in batches:` after `batches =
 *  self.create_batches()`, also under enumerate/tqdm), built by a list comprehension or append loop over
 *  `range(0, len(data), size)` slicing `data[i:i + size]`; undefined when the loop walks anything else. */
export function batchListOf(loop: ForStatement, fn: FunctionDefinition | undefined, body: Statement[]): BatchList | undefined {
  if (!fn) return moduleFunctionBatchList(loop, body);
  const cls = enclosingClass(body, fn);
  const self = cls ? fn.params[0]?.name : undefined;
  let iter = loop.iter;
  while (iter.type === "call" && iter.func.type === "name" && /^(enumerate|tqdm|iter|list)$/.test(iter.func.id) && iter.args[0]?.kind === "positional") iter = iter.args[0].value;
  // A name bound earlier in the same function: `batches = self.create_batches()` or the list itself.
  let bound: { value: Expression; fn: FunctionDefinition; before: Statement[] } | undefined;
  if (iter.type === "name") {
    const index = fn.body.findIndex((s) => s.pos.startIndex <= loop.pos.startIndex && loop.pos.endIndex <= s.pos.endIndex);
    const block = index >= 0 ? fn.body.slice(0, index + 1) : fn.body;
    const id = iter.id;
    const at = assignedIn(block, (t) => t.type === "name" && t.id === id, loop.pos.startIndex);
    if (at) bound = { value: at.value, fn, before: fn.body.slice(0, Math.max(0, fn.body.indexOf(at.statement))) };
  } else if (cls && self && iter.type === "attribute" && iter.object.type === "name" && iter.object.id === self) {
    const name = iter.name;
    for (const method of methodsOf(cls)) {
      const me = method.params[0]?.name;
      const at = me ? assignedIn(method.body, (t) => t.type === "attribute" && t.object.type === "name" && t.object.id === me && t.name === name) : undefined;
      if (at) { bound = { value: at.value, fn: method, before: method.body.slice(0, Math.max(0, method.body.indexOf(at.statement))) }; break; }
    }
  }
  // `for batch in make_batches(X, Y, 64):` walks the list the call returns.
  if (!bound && iter.type === "call" && iter.func.type === "name") {
    const index = fn.body.findIndex((s) => s.pos.startIndex <= loop.pos.startIndex && loop.pos.endIndex <= s.pos.endIndex);
    bound = { value: iter, fn, before: index >= 0 ? fn.body.slice(0, index) : [] };
  }
  if (!bound) return undefined;
  // A module function that cuts its argument and returns the slices (function-batch-lists.ts).
  const cut = functionBatchList(bound.value, body);
  if (cut) return { ...cut, iter: loop.iter, fn: bound.fn, before: bound.before };
  const direct = comprehensionSlices(bound.value);
  if (direct) return { ...direct, iter: loop.iter, fn: bound.fn, before: bound.before, line: bound.value.pos.line };
  // `self.create_batches()`: the list the method returns.
  const call = bound.value;
  if (!cls || call.type !== "call" || call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id !== self) return undefined;
  const methodName = call.func.name;
  const method = methodsOf(cls).find((m) => m.name === methodName);
  if (!method) return undefined;
  const returned = method.body.find((s): s is Extract<Statement, { type: "return" }> => s.type === "return");
  if (!returned?.value) return undefined;
  const inline = comprehensionSlices(returned.value);
  if (inline) return { ...inline, iter: loop.iter, fn: method, before: method.body.slice(0, method.body.indexOf(returned)), line: returned.pos.line };
  if (returned.value.type !== "name") return undefined;
  const list = returned.value.id;
  for (const [i, s] of method.body.entries()) {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === list) {
      const made = comprehensionSlices(s.value);
      if (made) return { ...made, iter: loop.iter, fn: method, before: method.body.slice(0, i), line: s.pos.line };
    }
    if (s.type === "for") {
      const appended = appendLoopSlices(s, list);
      if (appended) return { ...appended, iter: loop.iter, fn: method, before: method.body.slice(0, i), line: s.pos.line };
    }
  }
  return undefined;
}

/** A top-level loop over a module function's batch list: `for mb in make_batches(X, 64):`, or over a name bound to
 *  that call before it. */
function moduleFunctionBatchList(loop: ForStatement, body: Statement[]): BatchList | undefined {
  const index = body.findIndex((s) => s.pos.startIndex <= loop.pos.startIndex && loop.pos.endIndex <= s.pos.endIndex);
  const before = index >= 0 ? body.slice(0, index) : [];
  let iter = loop.iter;
  while (iter.type === "call" && iter.func.type === "name" && /^(enumerate|tqdm|iter|list)$/.test(iter.func.id) && iter.args[0]?.kind === "positional") iter = iter.args[0].value;
  const id = iter.type === "name" ? iter.id : undefined;
  const value = id === undefined ? iter : assignedIn(before, (t) => t.type === "name" && t.id === id)?.value;
  const cut = value ? functionBatchList(value, body) : undefined;
  return cut ? { ...cut, iter: loop.iter, fn: undefined, before } : undefined;
}

/** `[data[i:i + size] for i in range(0, n, size)]` (or `data[k * size:(k + 1) * size]`). */
function comprehensionSlices(e: Expression): BatchSlice | undefined {
  if (e.type !== "comprehension" || e.kind !== "list" || e.clauses.length !== 1 || e.clauses[0].kind !== "for" || e.clauses[0].target.type !== "name") return undefined;
  return widthSlice(e.element, e.clauses[0].target.id, e.clauses[0].iter);
}

/** `for i in range(0, n, size): batches.append(data[i:i + size])`. */
function appendLoopSlices(loop: ForStatement, list: string): BatchSlice | undefined {
  if (loop.target.type !== "name" || loop.body.length !== 1) return undefined;
  const s = loop.body[0];
  if (s.type !== "expression" || s.value.type !== "call" || s.value.func.type !== "attribute" || s.value.func.name !== "append") return undefined;
  if (s.value.func.object.type !== "name" || s.value.func.object.id !== list || s.value.args[0]?.kind !== "positional") return undefined;
  return widthSlice(s.value.args[0].value, loop.target.id, loop.iter);
}

/** The last plain assignment in a block (nested blocks included, not nested functions) to a target `matches` accepts,
 *  before `until` when given. */
function assignedIn(block: Statement[], matches: (t: Expression) => boolean, until = Infinity): { value: Expression; statement: Statement } | undefined {
  let found: { value: Expression; statement: Statement } | undefined;
  forEachStatement(block, ({ statement }) => {
    if (statement.pos.startIndex >= until) return;
    if (statement.type === "assign" && statement.targets.length === 1 && matches(statement.targets[0])) found = { value: statement.value, statement: topOf(block, statement) };
  });
  return found;
}

/** The statement of `block` that holds `inner`. */
function topOf(block: Statement[], inner: Statement): Statement {
  return block.find((s) => s.pos.startIndex <= inner.pos.startIndex && inner.pos.endIndex <= s.pos.endIndex) ?? inner;
}

function methodsOf(cls: ClassStatement): FunctionDefinition[] {
  return cls.body.filter((s): s is FunctionDefinition => s.type === "function");
}

/** The class of the module whose body defines `fn` as a method. */
function enclosingClass(body: Statement[], fn: FunctionDefinition): ClassStatement | undefined {
  let found: ClassStatement | undefined;
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (s.type === "class" && s.body.includes(fn)) found = s;
      else if (s.type === "class" || s.type === "if" || s.type === "try") for (const b of childBodies(s)) visit(b);
    }
  };
  visit(body);
  return found;
}
