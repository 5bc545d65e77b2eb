// A training loop in a function that nothing in its file calls (`def start_training(epochs=EPOCHS):` left for an
// interactive session, `python model.py` only building the model): the plain run of the file trains nothing. Which
// top-level functions the file reaches is read from its text: the module's own code (outside the top-level `def`s)
// names some, and each function reached names more. A name counts wherever it appears as a word (an attribute, a
// string), not in a comment (`# train()`, a call left out), so a function is left unreached only where its name appears
// nowhere else in code or strings (python/comment-free-text.ts); a decorated function
// is reached (a framework calls it: `@click.command`, `@hydra.main`), and so is a method (its object's caller is not
// read here). TensorFlow 1's `tf.app.run()` with no `main` runs the `__main__` module's `main`
// (tensorflow.org/api_docs/python/tf/compat/v1/app/run: "main=None ... sys.modules['__main__'].main"), so a call of it
// reaches a function of that name.
import type { FunctionDefinition, Statement } from "../python/ast";
import { commentFreeText } from "../python/comment-free-text";
import { perModuleText } from "../python/module-memo";
import { addCommandStatements, clickSubcommands } from "./click-groups";

/** The top-level function holding a site (the outermost of its enclosing functions) when the file never reaches it;
 *  undefined where it does, or where the site is not in a top-level function. */
export function unreachedHolder(fn: FunctionDefinition | undefined, enclosing: FunctionDefinition[] | undefined, body: Statement[], text: string): FunctionDefinition | undefined {
  const holder = enclosing?.[0] ?? fn;
  if (!holder || !body.includes(holder)) return undefined;
  return reachedFunctions(body, text).has(holder) ? undefined : holder;
}

/** The top-level functions the module's code reaches, directly or through the functions it reaches (read once per
 *  module text: a plan asks for each of its step loops). */
const reachedFunctions = perModuleText(readReachedFunctions);

function readReachedFunctions(body: Statement[], source: string): Set<FunctionDefinition> {
  const text = commentFreeText(source);
  const functions = body.filter((s): s is FunctionDefinition => s.type === "function");
  // A click group's subcommands run only when the command line names one (click-groups.ts): neither their decorator
  // nor the group's `add_command(f)` reaches them.
  const subcommands = clickSubcommands(body, source);
  const reached = new Set<FunctionDefinition>(functions.filter((f) => f.decorators.length > 0 && !subcommands.has(f)));
  // The module's own text: everything outside the top-level definitions (and the registrations of subcommands).
  const skipped = [...functions, ...(subcommands.size > 0 ? addCommandStatements(body) : [])].sort((a, b) => a.pos.startIndex - b.pos.startIndex);
  let outside = "";
  let at = 0;
  for (const f of skipped) {
    outside += `${text.slice(at, f.pos.startIndex)}\n`;
    at = f.pos.endIndex;
  }
  outside += text.slice(at);
  if (/\bapp\.run\(\s*\)/.test(outside)) for (const f of functions) if (f.name === "main") reached.add(f);
  const queue = [outside, ...[...reached].map((f) => text.slice(f.pos.startIndex, f.pos.endIndex))];
  while (queue.length > 0) {
    const region = queue.pop()!;
    for (const f of functions) {
      if (reached.has(f) || !new RegExp(`\\b${f.name}\\b`).test(region)) continue;
      reached.add(f);
      queue.push(text.slice(f.pos.startIndex, f.pos.endIndex));
    }
  }
  return reached;
}
