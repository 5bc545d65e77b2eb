// A model whose constructor takes one object is tried with each dataclass of its file built with its defaults (the
// model's config). A dataclass that holds the script's command-line options (`args = tyro.cli(Args)`) fits any such
// constructor by the call alone: `QNetwork(env)` built as `QNetwork(Args())` read `env.single_observation_space`
// off the options and listed a model of unknown layers, under an entry the script never runs. A dataclass is the
// model's config only where the constructor reads fields off its argument and every one it reads is the dataclass's.
import type { ClassDefinition, Expression } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

/** The attributes `__init__` reads off its first argument after self (`cfg.n_embd`), or undefined without one. */
export function attributesReadOffArgument(def: ClassDefinition): Set<string> | undefined {
  const init = def.body.find((s) => s.type === "function" && s.name === "__init__");
  if (init?.type !== "function") return undefined;
  const parameter = init.params[1];
  if (!parameter || parameter.kind !== "normal") return undefined;
  const read = new Set<string>();
  const visit = (e: Expression) => {
    if (e.type === "attribute" && e.object.type === "name" && e.object.id === parameter.name) read.add(e.name);
  };
  forEachStatement(init.body, ({ statement }) => {
    for (const e of ownExpressions(statement)) forEachExpression(e, visit);
  });
  return read;
}

/** Whether a dataclass with these names (fields, methods) can be the config the constructor reads. */
export function fitsConfigArgument(read: ReadonlySet<string> | undefined, has: (name: string) => boolean): boolean {
  if (!read || read.size === 0) return true;
  return [...read].every(has);
}
