// A trainer's `__init__` often keeps its loader wrapped for drawing batches one at a time: `dl = DataLoader(ds,
// batch_size=32)`, `dl = accelerator.prepare(dl)`, `self.dl = cycle(dl)` with `def cycle(dl): while True: for data in
// dl: yield data`, then `data = next(self.dl)` in the training method. `iter(dl)`, `itertools.cycle(dl)` and such a
// generator of the project's own hand out the loader's batches as they come, so the method draws that loader's batches.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { attributeChain, forEachExpression, forEachStatement } from "../python/syntax-walk";

/** The local name of `__init__` whose loader `wrapper` hands out batch by batch (`cycle(dl)`, `iter(dl)`, an own
 *  generator `for x in dl: yield x` of its one argument), when `body` binds that name to a `DataLoader(...)` call before
 *  `at`; undefined otherwise. `evaluate` works the callee out where the wrapper is called. */
export function loaderWrappedIn(wrapper: Expression, body: Statement[], at: number, evaluate: (e: Expression) => Value | undefined): string | undefined {
  if (wrapper.type !== "call" || wrapper.args.length !== 1 || wrapper.args[0].kind !== "positional" || wrapper.args[0].value.type !== "name") return undefined;
  const name = wrapper.args[0].value.id;
  const callee = attributeChain(wrapper.func);
  const library = callee === "iter" || callee === "cycle" || callee === "itertools.cycle";
  const fn = library ? undefined : evaluate(wrapper.func);
  if (!library && !(fn?.kind === "function" && fn.definition.type === "function" && yieldsItemsOfFirstParameter(fn.definition))) return undefined;
  let loader = false;
  forEachStatement(body, ({ statement: s }) => {
    if (s.pos.startIndex >= at || s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name" || s.targets[0].id !== name) return;
    if (s.value.type === "call" && /(^|\.)DataLoader$/.test(attributeChain(s.value.func))) loader = true;
  });
  return loader ? name : undefined;
}

/** Whether a generator loops over its first parameter (`for data in dl: yield data`). */
function yieldsItemsOfFirstParameter(def: FunctionDefinition): boolean {
  const first = def.params[0]?.name;
  if (def.isGenerator !== true || !first) return false;
  let walks = false;
  forEachStatement(def.body, ({ statement: s }) => {
    if (s.type === "for" && s.iter.type === "name" && s.iter.id === first) walks = true;
  });
  return walks;
}

/** Attributes of `self` a method draws batches from with `next(self.X)`. */
export function attributesDrawn(method: FunctionDefinition, selfName: string): Set<string> {
  const names = new Set<string>();
  forEachStatement(method.body, ({ statement: s }) => {
    const roots = s.type === "assign" ? [s.value] : s.type === "expression" ? [s.value] : [];
    for (const root of roots) forEachExpression(root, (e) => {
      if (e.type !== "call" || e.func.type !== "name" || e.func.id !== "next" || e.args.length < 1) return;
      const arg = e.args[0].value;
      if (arg.type === "attribute" && arg.object.type === "name" && arg.object.id === selfName) names.add(arg.name);
    });
  });
  return names;
}
