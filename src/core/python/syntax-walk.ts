import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsFunction } from "./ray-remote";

/** Where a statement sits: the block holding it, its index there, and the statements enclosing it (outermost first). */
export interface StatementPlace {
  statement: Statement;
  body: Statement[];
  index: number;
  ancestors: Statement[];
}

// The one walker of the lowered syntax tree (python/ast.ts): statements, the expressions they hold, and names.
// Rules, training plans and generation plans all walk with it, so "what a call is named" means one thing.

/** nn.Module's methods that return the module itself (`Net().to(device).eval()`: pytorch.org/docs/stable/generated/
 *  torch.nn.Module.html, "Returns: self"), looked through to find the construction. */
export const MODULE_CHAIN_METHODS: readonly string[] = ["to", "cuda", "cpu", "eval", "train", "float", "double", "half", "bfloat16", "requires_grad_", "share_memory"];

/** The call that builds a value, looking through chained `.to(...)`/`.eval()`-style calls. */
export function constructionCall(e: Expression): CallExpression | undefined {
  let current = e;
  while (current.type === "call" && current.func.type === "attribute" && MODULE_CHAIN_METHODS.includes(current.func.name) && current.func.object.type === "call") {
    current = current.func.object;
  }
  return current.type === "call" ? current : undefined;
}

/** `a.b.c` for names and attribute chains; undefined for anything else (calls, subscripts). */
export function dottedName(e: Expression): string | undefined {
  if (e.type === "name") return e.id;
  if (e.type === "attribute") {
    const base = dottedName(e.object);
    return base === undefined ? undefined : `${base}.${e.name}`;
  }
  return undefined;
}

/** Whether two expressions are the same name, dotted attribute (`self.batch_size`) or integer literal. */
export function sameNameOrInteger(a: Expression, b: Expression): boolean {
  if (a.type === "int" && b.type === "int") return a.value === b.value;
  const x = dottedName(a);
  return x !== undefined && x === dottedName(b);
}

/**
 * The attribute chain at the end of an expression, whatever its root: `torch.utils.data.DataLoader` → the same,
 * `make_model().fit` → "fit" (the call's result has no name), a subscript or literal → "".
 */
export function attributeChain(e: Expression): string {
  if (e.type === "name") return e.id;
  if (e.type === "attribute") {
    const left = attributeChain(e.object);
    return left ? `${left}.${e.name}` : e.name;
  }
  return "";
}

/** The root variable of a name chain (`parser` in `parser.add_argument`, `cfg` in `cfg["x"]`, `f` in `f().x`). */
export function rootName(e: Expression): string | undefined {
  if (e.type === "name") return e.id;
  if (e.type === "attribute" || e.type === "subscript") return rootName(e.object);
  if (e.type === "call") return rootName(e.func);
  return undefined;
}

/** The names some expressions read, added to `into`. */
export function namesIn(expressions: readonly Expression[], into: Set<string>): Set<string> {
  for (const e of expressions) forEachExpression(e, (node) => node.type === "name" && into.add(node.id));
  return into;
}

/** The last segment of a callee (`Conv2d` of `nn.Conv2d`), for calls whose callee is a name or attribute. */
export function calleeName(call: Extract<Expression, { type: "call" }>): string | undefined {
  if (call.func.type === "name") return call.func.id;
  if (call.func.type === "attribute") return call.func.name;
  return undefined;
}

/** The blocks nested directly in a statement (bodies of if/for/while/try/with/def/class). */
export function childBodies(s: Statement): Statement[][] {
  switch (s.type) {
    case "if":
    case "for":
    case "while":
      return [s.body, s.orelse];
    case "try":
      return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody];
    case "with":
    case "function":
    case "class":
      return [s.body];
    default:
      return [];
  }
}

/** Visits every statement of a block and the blocks nested in it (function bodies where `enter` allows), depth first in source order. */
export function forEachStatement(body: Statement[], visit: (place: StatementPlace) => void, ancestors: Statement[] = [], enter?: EnterFunction): void {
  body.forEach((statement, index) => {
    visit({ statement, body, index, ancestors });
    if (enter && statement.type === "function" && !enter(statement)) return;
    const inner = [...ancestors, statement];
    for (const child of childBodies(statement)) forEachStatement(child, visit, inner, enter);
  });
}

/**
 * Whether a walk goes into a function's body. Bodies are lowered on first read (python/lower.ts): a walk that skips
 * those whose text cannot hold what it looks for (see `mentions`) spares lowering most of a large file.
 */
export type EnterFunction = (def: FunctionDefinition) => boolean;

/**
 * How often the identifiers `words` occur, as whole words, in a source range of `text` (comments and strings
 * included, so never fewer than the code holds): a cheap test of what a definition's syntax could contain.
 */
export function mentions(text: string, words: Iterable<string>): (start: number, end: number) => number {
  const alternatives = [...words].filter((w) => w.length > 0).map((w) => w.replace(/[^\w]/g, "\\$&"));
  const offsets: number[] = [];
  if (alternatives.length > 0) {
    const pattern = new RegExp(`(?<![\\w])(?:${alternatives.join("|")})(?![\\w])`, "g");
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) offsets.push(m.index);
  }
  // offsets are in increasing order: the count in a range is the difference of two binary searches
  const firstAtOrAfter = (x: number) => {
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (start, end) => firstAtOrAfter(end) - firstAtOrAfter(start);
}

/** The expressions a statement holds itself (not those of its nested blocks). */
export function ownExpressions(s: Statement): Expression[] {
  switch (s.type) {
    case "expression":
      return [s.value];
    case "assign":
      return [...s.targets, s.value];
    case "augmented":
      return [s.target, s.value];
    case "annotated":
      return s.value ? [s.target, s.value] : [s.target];
    case "return":
      return s.value ? [s.value] : [];
    case "if":
    case "while":
      return [s.test];
    case "for":
      return [s.target, s.iter];
    case "with":
      return s.items.flatMap((i) => (i.target ? [i.value, i.target] : [i.value]));
    case "raise":
      return s.value ? [s.value] : [];
    case "delete":
      return s.targets;
    case "function":
      return [...s.decorators, ...s.params.flatMap((p) => (p.default ? [p.default] : []))];
    case "class":
      return [...s.decorators, ...s.bases.map((b) => b.value)];
    default:
      return [];
  }
}

/** Visits an expression and every expression inside it, in source order (iteratively: deep chains cost no stack). */
export function forEachExpression(root: Expression, visit: (e: Expression) => void): void {
  const stack: Expression[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    visit(e);
    const children = childExpressions(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** The expressions directly inside an expression. */
export function childExpressions(e: Expression): Expression[] {
  switch (e.type) {
    case "attribute":
      return [e.object];
    case "subscript":
      return [e.object, e.index];
    case "call":
      return [e.func, ...e.args.map((a) => a.value)];
    case "binary":
    case "boolean":
      return [e.left, e.right];
    case "unary":
      return [e.operand];
    case "compare":
      return [e.left, ...e.comparators];
    case "conditional":
      return [e.test, e.body, e.orelse];
    case "lambda":
      return [e.body];
    case "tuple":
    case "list":
    case "set":
      return e.items;
    case "dict":
      return e.items.flatMap((item) => ("spread" in item ? [item.spread] : [item.key, item.value]));
    case "comprehension": {
      const out: Expression[] = [e.element];
      if (e.value) out.push(e.value);
      for (const c of e.clauses) {
        if (c.kind === "for") out.push(c.target, c.iter);
        else out.push(c.test);
      }
      return out;
    }
    case "slice":
      return [e.start, e.stop, e.step].filter((x): x is Expression => x !== undefined);
    case "starred":
    case "walrus":
      return [e.value];
    default:
      return [];
  }
}

export type CallExpression = Extract<Expression, { type: "call" }>;

/** Every call in a statement; with `nested`, also in its nested blocks (but never inside nested def/class). */
export function callsIn(s: Statement, nested: boolean): CallExpression[] {
  const out: CallExpression[] = [];
  const collect = (st: Statement) => {
    for (const e of ownExpressions(st)) forEachExpression(e, (x) => x.type === "call" && out.push(x));
    if (!nested || st.type === "function" || st.type === "class") return;
    for (const b of childBodies(st)) for (const c of b) collect(c);
  };
  collect(s);
  return out;
}

/** Every call in a block (nested blocks included, nested def/class bodies excluded). */
export function callsInBody(body: Statement[]): CallExpression[] {
  return body.flatMap((s) => callsIn(s, true));
}

/** Every call anywhere in a block, nested def and class bodies included (those `enter` allows), in source order. */
export function callsAnywhere(body: Statement[], enter?: EnterFunction): CallExpression[] {
  const out: CallExpression[] = [];
  forEachStatement(body, ({ statement }) => {
    for (const e of ownExpressions(statement)) forEachExpression(e, (x) => x.type === "call" && out.push(x));
  }, [], enter);
  return out;
}

/** The value of a call's keyword argument `name=...`, if written. */
export function keywordArgument(call: CallExpression, name: string): Expression | undefined {
  return call.args.find((a) => a.kind === "keyword" && a.name === name)?.value;
}

/** The `index`-th positional argument of a call; undefined when absent or after a `*args` (its place is unknown). */
export function positionalArgument(call: CallExpression, index: number): Expression | undefined {
  let i = 0;
  for (const a of call.args) {
    if (a.kind === "star") return undefined;
    if (a.kind !== "positional") continue;
    if (i++ === index) return a.value;
  }
  return undefined;
}

/** True for `X.method(...)` where X is the name `receiver`. */
export function isMethodCall(call: CallExpression, receiver: string, methods: readonly string[]): boolean {
  return call.func.type === "attribute" && methods.includes(call.func.name) && call.func.object.type === "name" && call.func.object.id === receiver;
}

/** The function definitions of a block and its nested blocks, with their own bodies. */
export function functionsIn(body: Statement[]): FunctionDefinition[] {
  const out: FunctionDefinition[] = [];
  forEachStatement(body, (p) => p.statement.type === "function" && out.push(p.statement));
  return out;
}

/** The names an assignment target binds itself (`a`, `(a, b), c`, `*rest`), not the roots of `x[i] = ...` or `o.f = ...`. */
export function targetNames(target: Expression): string[] {
  if (target.type === "name") return [target.id];
  if (target.type === "tuple" || target.type === "list") return target.items.flatMap(targetNames);
  if (target.type === "starred") return targetNames(target.value);
  return [];
}

/** The plain names a statement binds by assignment (`args, config = ...`, `x: int = 0`, `n += 1`). */
export function boundNames(s: Statement): string[] {
  if (s.type === "assign") return s.targets.flatMap(targetNames);
  if (s.type === "annotated" || s.type === "augmented") return targetNames(s.target);
  return [];
}

/** Whether a name is local to a function (Python's scoping, docs.python.org/3/reference/executionmodel.html): a
 *  parameter, or assigned in its body (nested functions and classes aside) without a `global` declaration. */
export function isLocalTo(fn: FunctionDefinition, name: string): boolean {
  if (fn.params.some((p) => p.name === name)) return true;
  let assigned = false;
  let declaredGlobal = false;
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type === "global" && s.names.includes(name)) declaredGlobal = true;
    if (boundNames(s).includes(name) || (s.type === "for" && targetNames(s.target).includes(name))) assigned = true;
  }, [], () => false);
  return assigned && !declaredGlobal;
}

/** `__name__ == "__main__"` (either way round). */
export function isMainGuard(test: Expression): boolean {
  if (test.type !== "compare" || test.comparators.length !== 1) return false;
  const sides = [test.left, test.comparators[0]];
  return sides.some((e) => e.type === "name" && e.id === "__name__") && sides.some((e) => e.type === "str" && e.value === "__main__");
}

/** The ancestors of each call of `fn` by its name in `body` (`fn.remote(...)` for a Ray task), outside `fn` itself:
 *  only function bodies whose text names it are walked (lowered on first read, see `mentions`). */
export function callerAncestors(fn: FunctionDefinition, body: Statement[], text: string): Statement[][] {
  const named = mentions(text, [fn.name]);
  const callers: Statement[][] = [];
  forEachStatement(
    body,
    ({ statement, ancestors }) => {
      for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
        if (e.type === "call" && callsFunction(e, fn)) callers.push(ancestors);
      });
    },
    [],
    (def) => def !== fn && named(def.pos.startIndex, def.pos.endIndex) > 0,
  );
  return callers;
}
