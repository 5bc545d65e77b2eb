// What a model is fed inside a top-level training loop the analyzer does not run: a PINN's
// `for i in range(10000): input = torch.hstack([sample_space, sample_time]); u = model(input)` binds its input in the
// loop, so the module's names hold no tensor for it after the run, while a plot after training
// (`u = model(torch.hstack([xcol, tcol]))` over a 1,001 × 1,001 grid) does. The loop's binding is the same tensor on
// every pass where it reads only names the loop never rebinds: evaluated once with the module's names, it is what
// the loop feeds.
import type { Expression, Statement } from "../python/ast";
import { childBodies, forEachExpression, type CallExpression } from "../python/syntax-walk";
import { namesBoundIn } from "./loop-bindings";

type LoopStatement = Extract<Statement, { type: "for" | "while" }>;

/** The expression a top-level loop around `call` last binds `name` to before the call, where that expression reads no
 *  name the loop binds (its value then the same on each pass); undefined otherwise. */
export function loopInvariantBinding(body: Statement[], call: CallExpression, name: string): Expression | undefined {
  const loop = enclosingLoop(body, call.pos.startIndex);
  if (!loop) return undefined;
  let binding: Expression | undefined;
  const walk = (block: Statement[]) => {
    for (const s of block) {
      if (s.pos.startIndex >= call.pos.startIndex) return;
      if (s.type === "function" || s.type === "class") continue;
      if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === name) binding = s.value;
      childBodies(s).forEach(walk);
    }
  };
  walk(loop.body);
  if (!binding) return undefined;
  const rebound = new Set(namesBoundIn([loop]).flatMap((e) => (e.type === "name" ? [e.id] : [])));
  let invariant = true;
  forEachExpression(binding, (e) => {
    if (e.type === "name" && rebound.has(e.id)) invariant = false;
    // A lambda or comprehension binds names of its own: not followed.
    if (e.type === "lambda" || e.type === "comprehension") invariant = false;
  });
  return invariant ? binding : undefined;
}

/** The outermost loop of the module's own code (not a function's) holding a position. */
function enclosingLoop(body: Statement[], at: number): LoopStatement | undefined {
  for (const s of body) {
    if (s.pos.startIndex > at || s.pos.endIndex < at || s.type === "function" || s.type === "class") continue;
    if (s.type === "for" || s.type === "while") return s;
    for (const child of childBodies(s)) {
      const found = enclosingLoop(child, at);
      if (found) return found;
    }
  }
  return undefined;
}
