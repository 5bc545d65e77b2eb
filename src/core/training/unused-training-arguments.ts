// A Hugging Face `TrainingArguments(...)` (or a TRL config) is a run's settings only where something trains with it:
// a trainer takes it (`Trainer(args=training_args)`), or another function is handed it. Bound to a name that nothing
// reads afterwards, it configures no run: `python FILE` builds the object and ends, training nothing (a script whose
// `Trainer(...)` and `trainer.train()` were never written, or were left in a notebook). Nor does a trainer it is handed
// that is itself bound to a name nothing reads afterwards (`trainer = SFTTrainer(..., args=training_args)` and no
// `trainer.train()`, the notebook's next cell kept in another file): the trainer is built and the script ends.
import type { Statement } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement } from "../python/syntax-walk";

/** A Hugging Face trainer's class (transformers' Trainer, Seq2SeqTrainer; TRL's SFTTrainer, DPOTrainer, ...). */
const TRAINER = /(^|\.)\w*Trainer$/;

/** Whether the object a call binds to `names` is read after `end` (its binding's end) anywhere in the file's text
 *  (comments and strings count too, so an unread name is never mistaken for a read one). No names: the call's value
 *  is used where it is made (an argument, a return value), which counts as read. */
export function boundValueRead(text: string, names: readonly string[], end: number): boolean {
  if (names.length === 0) return true;
  const rest = text.slice(end);
  return names.some((name) => new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, "")}\\b`).test(rest));
}

/** Whether every read of the object bound to `names` after `end` is an argument of a trainer call that is bound to
 *  names nothing reads afterwards (at least one such trainer): the settings reach no `train()`. */
export function readOnlyByUnusedTrainers(text: string, body: Statement[], names: readonly string[], end: number): boolean {
  if (names.length === 0) return false;
  const spans: { start: number; end: number }[] = [];
  let used = false;
  forEachStatement(body, ({ statement: s }) => {
    if (used || s.type !== "assign" || s.value.type !== "call" || s.value.pos.startIndex < end) return;
    const call = s.value;
    if (!TRAINER.test(dottedName(call.func) ?? "")) return;
    let given = false;
    for (const a of call.args) forEachExpression(a.value, (x) => {
      if (x.type === "name" && names.includes(x.id)) given = true;
    });
    if (!given) return;
    const bound = s.targets.flatMap((t) => (t.type === "name" ? [t.id] : []));
    if (bound.length !== s.targets.length || boundValueRead(text, bound, call.pos.endIndex)) used = true;
    else spans.push({ start: call.pos.startIndex, end: call.pos.endIndex });
  });
  if (used || spans.length === 0) return false;
  // Blank the trainers' calls: a read of the settings anywhere else (another call, a print) still counts.
  let rest = text;
  for (const { start, end: stop } of spans) rest = rest.slice(0, start) + " ".repeat(stop - start) + rest.slice(stop);
  return !boundValueRead(rest, names, end);
}
