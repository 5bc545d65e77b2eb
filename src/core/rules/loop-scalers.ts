import type { Expression, Statement } from "../python/ast";
import type { PythonFile } from "./python-file";
import { calleeName, forEachExpression, ownExpressions } from "../python/syntax-walk";

// A GradScaler belongs to the training loops that scale their loss with it (`scaler.scale(loss).backward()`): it says
// that those loops run in mixed precision, not every loop of the file. A file with two training loops (a GAN's
// generator and critic, a pre-training and a fine-tuning loop) where one scales its loss still has the other in fp32.

/** GradScalers pinned to loops: the GradScaler callee expressions of those constructions, and the loops whose steps use them. */
export interface LoopScalers {
  /** The `GradScaler` name or attribute of each pinned construction (the file-wide reading skips these). */
  callees: Set<Expression>;
  /** The innermost for/while loop around each `scale(...)` call of a pinned scaler (the loop of that step). */
  loops: Set<Statement>;
}

/** GradScalers bound to one name (`scaler = torch.amp.GradScaler(...)`) that the file uses only through method calls
 *  (`scaler.scale(...)`, `.step`, `.update`), with every `scale(...)` inside a loop: pinned to those loops. A scaler
 *  passed on, returned or stored elsewhere stays file-wide (its use cannot be read here). */
export function loopScalers(file: PythonFile): LoopScalers {
  const out: LoopScalers = { callees: new Set(), loops: new Set() };
  for (const { statement: s } of file.places) {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name" || s.value.type !== "call" || calleeName(s.value) !== "GradScaler") continue;
    const name = s.targets[0].id;
    if (file.places.filter(({ statement: x }) => x.type === "assign" && x.targets.some((t) => t.type === "name" && t.id === name)).length !== 1) continue;
    const loops = scaleLoops(file, name);
    if (!loops) continue;
    out.callees.add(s.value.func);
    for (const l of loops) out.loops.add(l);
  }
  return out;
}

/** The loops around `name.scale(...)` calls, or undefined when `name` is read other than as a method's receiver, or
 *  some scale() runs outside any loop, or none is made. */
function scaleLoops(file: PythonFile, name: string): Statement[] | undefined {
  const receivers = new Set<Expression>();
  let reads = 0;
  for (const { statement } of file.places) {
    for (const e of ownExpressions(statement)) {
      forEachExpression(e, (x) => {
        if (x.type === "name" && x.id === name) reads++;
        if (x.type === "attribute" && x.object.type === "name" && x.object.id === name) receivers.add(x.object);
      });
    }
  }
  // Every occurrence but the one assignment's target is a method's receiver.
  if (reads !== receivers.size + 1) return undefined;
  const loops: Statement[] = [];
  let scales = 0;
  for (const { call, place } of file.calls) {
    if (call.func.type !== "attribute" || call.func.name !== "scale" || call.func.object.type !== "name" || call.func.object.id !== name) continue;
    scales++;
    const around = place.ancestors.filter((a) => a.type === "for" || a.type === "while");
    if (around.length === 0) return undefined;
    loops.push(around[around.length - 1]);
  }
  return scales > 0 ? loops : undefined;
}
