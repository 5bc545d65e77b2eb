// A sampler whose __iter__ never stops (a generator looping `while True:` with no way out, or `return
// iter(gen(n))` of such a generator) cycles over its data source for as long as the run draws from it: the loader is
// walked with next() for a step count and has no epoch, so the length its __len__ reports (`2 ** 31`, "big enough")
// is not the samples of a pass. Python's iteration protocol: iteration ends only when __next__ raises StopIteration,
// which a generator does when its body returns (docs.python.org/3/reference/expressions.html#generator-iterator-methods).
import type { FunctionValue } from "../interp/values";
import { scopeValue } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { childBodies } from "../python/syntax-walk";

/** Whether a test is always true (`True`, a non-zero int). */
function alwaysTrue(test: Expression): boolean {
  return (test.type === "constant" && test.value === "True") || (test.type === "int" && test.value !== 0);
}

/** Whether a block can leave the loop it is the body of: a `break` of that loop (not of a loop nested in it) or a
 *  `return` anywhere; nested functions and classes do not run here. */
function leaves(body: Statement[], ownLoop: boolean): boolean {
  return body.some((s) => {
    if (s.type === "return" || (ownLoop && s.type === "break")) return true;
    if (s.type === "function" || s.type === "class") return false;
    const nestedLoop = s.type === "for" || s.type === "while";
    return childBodies(s).some((b) => leaves(b, ownLoop && !nestedLoop));
  });
}

/** Whether a generator's body runs a `while True:` of its own that nothing leaves. */
function loopsForever(body: Statement[]): boolean {
  return body.some((s) => runsForever(s));
}

/** Whether a statement is a `while True:` (or `while 1:`) that no `break` of its own and no `return` leaves. */
export function runsForever(s: Statement): boolean {
  return s.type === "while" && alwaysTrue(s.test) && !leaves(s.body, true);
}

/** Whether an `__iter__` method never stops: a generator that loops forever, or one returning such a generator's
 *  iterator (`return iter(InfiniteSampler(n))`, the function named where the method's module binds it). */
export function endlessIteration(method: FunctionValue): boolean {
  const definition = method.definition;
  if (definition.type !== "function") return false;
  // The body first: a lazily lowered body says whether it yields once it is read.
  const body = definition.body;
  if (definition.isGenerator) return loopsForever(body);
  const returned = body.filter((s): s is Extract<Statement, { type: "return" }> => s.type === "return");
  if (returned.length !== 1 || !returned[0].value) return false;
  let value: Expression = returned[0].value;
  if (value.type === "call" && value.func.type === "name" && value.func.id === "iter" && value.args.length === 1 && value.args[0].kind === "positional") value = value.args[0].value;
  if (value.type !== "call" || value.func.type !== "name") return false;
  const generator = scopeValue(method.closure, value.func.id);
  if (generator?.kind !== "function" || generator.definition.type !== "function") return false;
  const generatorBody = generator.definition.body;
  return generator.definition.isGenerator === true && loopsForever(generatorBody);
}
