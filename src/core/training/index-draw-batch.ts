// A batch of random windows drawn in a helper the step loop calls (issue 21): language-model code draws B start
// offsets and stacks a window from each (`ix = torch.randint(len(data) - block_size, (batch_size,))`, then
// `torch.stack([data[i:i + block_size] for i in ix])`), in a function of the file (`xb, yb = get_batch('train')`) or
// a method of the same object (`x, y = self._get_batch(self.train_data)`). The draw's size is the batch, whatever the
// helper or its config is named; the data's size is no pass over it, so no samples come from it.
import type { Interpreter } from "../interp/interpreter";
import type { FunctionValue } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsInBody, dottedName, forEachExpression, forEachStatement, keywordArgument, ownExpressions, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { instanceMethod } from "../interp/classes";
import type { Value } from "../interp/values";
import { argumentsByParameter } from "./call-site-bindings";
import { permutationHeads } from "./permutation-draws";
import { evaluateAtSite, type StepAllowance } from "./evaluate-site";

/** A helper's draw of random indices: the count it draws, rewritten to be read where the loop calls the helper. */
export interface IndexDrawBatch {
  /** The count as the loop site reads it (the call's argument for a parameter, `self.x` on the call's receiver). */
  count: Expression;
  /** The helper call in the loop. */
  call: CallExpression;
  /** The draw in the helper (`torch.randint(...)`), for the detail line. */
  draw: CallExpression;
  /** The count as the helper writes it, and the helper where it is a plain function: read in the helper's own module
   *  when the loop's file cannot (a `batch_size` global of utils.py, which the loop's file never imports). */
  drawn: Expression;
  fn?: FunctionValue;
}

/**
 * The batch a step loop draws through a helper that picks random indices and indexes data with them: a call in the
 * loop's body to a function the file defines or a method of the loop's own object, whose body assigns
 * `torch.randint(high, size)` / `torch.randint(low, high, size)` (size `(B,)`, pytorch.org/docs/stable/generated/torch.randint.html),
 * `np.random.randint(low, high, size=B)`, `np.random.choice(n, B)` or `random.sample(population, B)` to a name it then
 * walks or indexes with (`for i in ix`, `data[ix]`). `evaluate` works out an expression where the loop is.
 */
export function indexDrawBatch(loopBody: Statement[], evaluate: (e: Expression) => Value | undefined): IndexDrawBatch | undefined {
  for (const call of callsInBody(loopBody)) {
    const helper = helperOf(call, evaluate);
    if (!helper) continue;
    for (const draw of indexDraws(helper.definition)) {
      const count = drawnCount(draw);
      const atLoop = count ? readAtCall(count, call, helper) : undefined;
      if (atLoop && count) return { count: atLoop, call, draw, drawn: count, fn: helper.fn };
    }
    // The head of a random permutation (`s[torch.randperm(len(s))][0:n]`, permutation-draws.ts) draws as many rows.
    for (const head of permutationHeads(helper.definition.body)) {
      const atLoop = readAtCall(head.count, call, helper);
      if (atLoop) return { count: atLoop, call, draw: head.draw, drawn: head.count, fn: helper.fn };
    }
  }
  return undefined;
}

interface Helper {
  definition: FunctionDefinition;
  /** A plain function's value (its module's globals). */
  fn?: FunctionValue;
  /** The receiver of a method call (`self` of `self._get_batch(...)`); the first parameter is bound to it. */
  receiver?: Expression;
}

/** The function a call in the loop runs, when the analyzed code defines it: a plain function, or a method called on an
 *  object of the project's own that is not a module (a module's call is its forward pass, no data helper). */
function helperOf(call: CallExpression, evaluate: (e: Expression) => Value | undefined): Helper | undefined {
  if (call.func.type === "name") {
    const fn = evaluate(call.func);
    return fn?.kind === "function" && fn.definition.type === "function" ? { definition: fn.definition, fn } : undefined;
  }
  if (call.func.type !== "attribute") return undefined;
  const object = evaluate(call.func.object);
  if (object?.kind !== "instance" || object.module !== undefined) return undefined;
  const method = instanceMethod(object, call.func.name);
  return method ? { definition: method.definition, receiver: call.func.object } : undefined;
}

const DRAW = /^(torch\.randint|(np|numpy)\.random\.(randint|choice)|random\.sample)$/;
/** Draws that return items of the population they are given (indices when it is a count). */
const ITEM_DRAW = /^((np|numpy)\.random\.choice|random\.sample)$/;
/** Calls that make a tensor of an array or list (torch.from_numpy, torch.tensor, torch.as_tensor, the typed constructors). */
const TENSOR_FROM = /^torch\.(from_numpy|tensor|as_tensor|Tensor|FloatTensor|DoubleTensor|LongTensor)$/;

/** Draws of random indices that the function assigns to a name and then walks or indexes with. */
function indexDraws(definition: FunctionDefinition): CallExpression[] {
  return indexDrawsIn(definition.body);
}

/** Draws of random indices that a block (a function's body, a step loop's) assigns to a name and then walks or
 *  indexes with (`ix = torch.randint(0, n, (32,))`, then `Xtr[ix]`), or indexes with where it draws them
 *  (`X_train[np.random.randint(0, n, size=B)]`: NumPy's integer-array indexing takes one row an index,
 *  numpy.org/doc/stable/user/basics.indexing.html), alone or before whole slices of the other axes (`memory[ix, :]`). */
export function indexDrawsIn(body: Statement[]): CallExpression[] {
  const assigned = new Map<string, CallExpression>();
  forEachStatement(body, ({ statement }) => {
    if (statement.type !== "assign" || statement.targets.length !== 1 || statement.targets[0].type !== "name" || statement.value.type !== "call") return;
    if (DRAW.test(dottedName(statement.value.func) ?? "")) assigned.set(statement.targets[0].id, statement.value);
  });
  const used: CallExpression[] = [];
  const use = (e: Expression) => {
    const draw = e.type === "name" ? assigned.get(e.id) : e.type === "call" && DRAW.test(dottedName(e.func) ?? "") ? e : undefined;
    if (draw && !used.includes(draw)) used.push(draw);
  };
  forEachStatement(body, ({ statement }) => {
    if (statement.type === "for") use(statement.iter);
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type === "subscript") use(e.index);
      // `batch_x = np.random.choice(data_x, 32)` made a tensor (`torch.from_numpy(batch_x)`): choice and sample return
      // the drawn items themselves (numpy.random.choice, random.sample), which the step then feeds the network.
      if (e.type === "call" && TENSOR_FROM.test(dottedName(e.func) ?? "")) {
        const first = positionalArgument(e, 0);
        const draw = first?.type === "name" ? assigned.get(first.id) : undefined;
        if (draw && ITEM_DRAW.test(dottedName(draw.func) ?? "")) use(first!);
      }
      // `memory[ix, :]`: the draw indexes the first axis, one row an index, the other axes kept whole.
      if (e.type === "subscript" && e.index.type === "tuple" && e.index.items.length > 1 && e.index.items.slice(1).every((x) => x.type === "slice")) use(e.index.items[0]);
      if (e.type === "comprehension") for (const clause of e.clauses) if (clause.kind === "for") use(clause.iter);
    });
  });
  return used;
}

/** The count a draw takes: the first entry of torch.randint's size tuple, numpy's `size` (or choice's second
 *  argument), random.sample's `k`. */
export function drawnCount(draw: CallExpression): Expression | undefined {
  const callee = dottedName(draw.func) ?? "";
  if (callee === "torch.randint") {
    const size = keywordArgument(draw, "size") ?? lastPositional(draw);
    return size?.type === "tuple" && size.items.length === 1 ? size.items[0] : undefined;
  }
  if (callee === "random.sample") return positionalArgument(draw, 1) ?? keywordArgument(draw, "k");
  if (callee.endsWith(".choice")) return positionalArgument(draw, 1) ?? keywordArgument(draw, "size");
  return positionalArgument(draw, 2) ?? keywordArgument(draw, "size");
}

function lastPositional(call: CallExpression): Expression | undefined {
  const positional = call.args.filter((a) => a.kind === "positional");
  // torch.randint(high, size) or torch.randint(low, high, size): the size is the last of two or three.
  return positional.length >= 2 ? positional[positional.length - 1].value : undefined;
}

/** The count rewritten for the loop site: a parameter becomes the call's argument (or the default's value), `self.x`
 *  of a method becomes `x` on the call's receiver; a name of neither kind is read as the loop reads it (a global). */
function readAtCall(count: Expression, call: CallExpression, helper: Helper): Expression | undefined {
  const params = helper.definition.params;
  const self = helper.receiver ? params[0]?.name : undefined;
  const own = helper.receiver ? params.slice(1) : params;
  let unreadable = false;
  const rewrite = (e: Expression): Expression => {
    if (e.type === "name") {
      if (e.id === self) return helper.receiver!;
      const index = own.findIndex((p) => p.name === e.id);
      if (index < 0) return e;
      const param = own[index];
      const passed = (param.kind === "normal" ? positionalArgument(call, index) : undefined) ?? keywordArgument(call, param.name);
      if (passed) return passed;
      // A default is read where the loop is, as written: a literal or a global of the file.
      if (param.default) return param.default;
      unreadable = true;
      return e;
    }
    if (e.type === "attribute") return { ...e, object: rewrite(e.object) };
    if (e.type === "binary") return { ...e, left: rewrite(e.left), right: rewrite(e.right) };
    if (e.type === "call" && e.func.type === "name" && e.func.id === "int") return { ...e, args: e.args.map((a) => (a.kind === "positional" ? { ...a, value: rewrite(a.value) } : a)) };
    if (e.type === "int") return e;
    unreadable = true;
    return e;
  };
  const out = rewrite(count);
  return unreadable ? undefined : out;
}

/** The draw's count worked out in the helper's own module, its parameters bound to the loop's call (`evaluate` works
 *  the arguments out where the loop is): for a plain function of another file, whose globals the loop's file lacks. */
export function drawnCountInHelper(interp: Interpreter, found: IndexDrawBatch, evaluate: (e: Expression) => Value | undefined, now: () => number, allowance: StepAllowance): Value | undefined {
  const fn = found.fn;
  const definition = fn?.definition;
  if (!fn || definition?.type !== "function" || !fn.module.file) return undefined;
  const passed = argumentsByParameter(definition, found.call);
  const bindings = (f: FunctionDefinition, parameter: string): Value | undefined => {
    const argument = f === definition ? passed.get(parameter) : undefined;
    return argument ? evaluate(argument) : undefined;
  };
  return evaluateAtSite(interp, fn.module.scope, fn.module.file, { fn: definition, before: definition.body.filter((s) => s.pos.endIndex <= found.draw.pos.startIndex) }, [found.drawn], now, bindings, allowance)[0];
}
