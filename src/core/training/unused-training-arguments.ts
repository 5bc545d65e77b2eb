// A Hugging Face `TrainingArguments(...)` (or a TRL config) is a run's settings only where something trains with it:
// a trainer takes it (`Trainer(args=training_args)`), or another function is handed it. Bound to a name that nothing
// reads afterwards, it configures no run: `python FILE` builds the object and ends, training nothing (a script whose
// `Trainer(...)` and `trainer.train()` were never written, or were left in a notebook).

/** Whether the object a call binds to `names` is read after `end` (its binding's end) anywhere in the file's text
 *  (comments and strings count too, so an unread name is never mistaken for a read one). No names: the call's value
 *  is used where it is made (an argument, a return value), which counts as read. */
export function boundValueRead(text: string, names: readonly string[], end: number): boolean {
  if (names.length === 0) return true;
  const rest = text.slice(end);
  return names.some((name) => new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, "")}\\b`).test(rest));
}
