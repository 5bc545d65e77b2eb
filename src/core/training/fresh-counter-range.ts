// A resumable TensorFlow 1.x loop starts at a counter variable read from the session:
// `for i in range(sess.run(global_step), max_epoch):` (or `global_step.eval()`, `tf.train.global_step(sess, gs)`).
// A plain run starts from a fresh graph, where a variable holds its initial value once the initializer has run
// (tf.compat.v1.Variable: "the initial value for the Variable"; `tf.compat.v1.train.get_or_create_global_step()` makes
// an int64 variable initialised to 0, TensorFlow 1.15). So the loop runs range(initial, stop): a restore from a
// checkpoint only changes that where a checkpoint exists, which a first run does not have.
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachStatement, keywordArgument, mentions, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Calls that make a global-step variable, initialised to 0 (TensorFlow 1.15's tf.compat.v1.train). */
const GLOBAL_STEP_MAKERS = /(^|\.)(get_or_create_global_step|create_global_step)$/;

/** A `tf.Variable(k, ...)` (also `tf.compat.v1.Variable`, `initial_value=k`) with an integer literal k, or a global
 *  step made by TensorFlow: the value it holds in a fresh session. */
function initialCount(value: Expression): number | undefined {
  if (value.type !== "call") return undefined;
  const callee = dottedName(value.func) ?? "";
  if (GLOBAL_STEP_MAKERS.test(callee)) return 0;
  if (!/(^|\.)Variable$/.test(callee) || !/^(tf|tensorflow)\./.test(callee)) return undefined;
  const initial = positionalArgument(value, 0) ?? keywordArgument(value, "initial_value");
  return initial?.type === "int" && initial.value >= 0 ? initial.value : undefined;
}

/** The variable a counter read names: `sess.run(v)`, `v.eval()`/`v.eval(session=sess)`, `tf.train.global_step(sess, v)`. */
function readVariable(e: Expression): string | undefined {
  if (e.type !== "call" || e.func.type !== "attribute") return undefined;
  const name = (x: Expression | undefined) => (x?.type === "name" ? x.id : undefined);
  if (e.func.name === "run" && e.args.length === 1) return name(positionalArgument(e, 0));
  if (e.func.name === "eval" && e.args.every((a) => a.kind === "keyword")) return name(e.func.object);
  if (e.func.name === "global_step" && /(^|\.)train$/.test(dottedName(e.func.object) ?? "")) return name(positionalArgument(e, 1));
  return undefined;
}

/**
 * Loops of `body` whose `range(start, stop)` starts at a counter variable read from a session, each mapped to the
 * `range(initial, stop)` a fresh run walks: the variable bound only to TensorFlow variables of one known initial value.
 */
export function freshCounterRanges(body: Statement[], text: string): Map<Statement, Expression> {
  const out = new Map<Statement, Expression>();
  if (!/\brange\s*\(\s*[\w.]+\.(run|eval)\s*\(|\brange\s*\(\s*[\w.]+\.global_step\s*\(/.test(text)) return out;
  const reads: { loop: Statement; call: CallExpression; variable: string }[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "for" || s.iter.type !== "call" || dottedName(s.iter.func) !== "range" || s.iter.args.length !== 2) return;
    const start = positionalArgument(s.iter, 0);
    const variable = start ? readVariable(start) : undefined;
    if (variable !== undefined && positionalArgument(s.iter, 1)) reads.push({ loop: s, call: s.iter, variable });
  }, [], (def) => mentions(text, ["range"])(def.pos.startIndex, def.pos.endIndex) > 0);
  if (reads.length === 0) return out;
  const initials = new Map<string, Set<number | undefined>>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign") return;
    for (const t of s.targets) {
      if (t.type !== "name" || !reads.some((r) => r.variable === t.id)) continue;
      const seen = initials.get(t.id) ?? new Set<number | undefined>();
      seen.add(initialCount(s.value));
      initials.set(t.id, seen);
    }
  });
  for (const { loop, call, variable } of reads) {
    const values = [...(initials.get(variable) ?? [])];
    const initial = values.length === 1 ? values[0] : undefined;
    if (initial === undefined) continue;
    const pos = call.args[0]!.kind === "positional" ? call.args[0]!.value.pos : call.pos;
    out.set(loop, { ...call, args: [{ kind: "positional", value: { type: "int", value: initial, pos } }, call.args[1]!] });
  }
  return out;
}
