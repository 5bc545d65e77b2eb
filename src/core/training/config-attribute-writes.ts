// A training configuration changed after it is built: `training_args.num_train_epochs = 4`, or the same written as
// `setattr(training_args, "num_train_epochs", 4)` (Python's setattr(obj, name, value) is `obj.name = value`:
// docs.python.org/3/library/functions.html#setattr). The trainer reads the object as it is when handed over, so a
// write between the build and the first call given the object is the run's, over the build's keyword. The interpreter
// sees such writes on transformers' own TrainingArguments; a TRL config (DPOConfig, SFTConfig...) has no stand-in, so
// its build is read from the call's syntax, and these writes from the statements after it.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsIn, forEachStatement } from "../python/syntax-walk";

/** One field written on the object: the value's expression and its line. */
export interface ConfigWrite {
  value: Expression;
  line: number;
}

type Call = Extract<Expression, { type: "call" }>;

/** The object's name as `setattr(name, "field", value)` writes it: the field and value, else undefined. */
function setattrWrite(call: Call, name: string): { field: string; value: Expression } | undefined {
  if (call.func.type !== "name" || call.func.id !== "setattr" || call.args.length !== 3 || call.args.some((a) => a.kind !== "positional")) return undefined;
  const [target, field, value] = call.args.map((a) => a.value);
  return target.type === "name" && target.id === name && field.type === "str" && field.value !== null ? { field: field.value, value } : undefined;
}

/** Whether a call hands the object on (`DPOTrainer(args=training_args)`, `train(training_args)`): from there on it is read. */
function handsOn(call: Call, name: string): boolean {
  return call.args.some((a) => a.value.type === "name" && a.value.id === name);
}

/**
 * The fields written on the object bound to `name` after `from` (its build's end), in the block that builds it (the
 * function `fn`, else the module), up to the first statement that hands the object to a call; the last write of a
 * field wins. Writes under an `if` or a loop are left out: whether they happen is not read here.
 */
export function configAttributeWrites(body: Statement[], fn: FunctionDefinition | undefined, text: string, name: string, from: number): Map<string, ConfigWrite> {
  const writes = new Map<string, ConfigWrite>();
  // Cheap gate: the file's text after the build must hold `name.x =` or `setattr(name`.
  const escaped = name.replace(/[^\w]/g, "");
  if (!new RegExp(`(?<![\\w.])${escaped}\\s*\\.\\s*\\w+\\s*=[^=]|setattr\\(\\s*${escaped}\\b`).test(text.slice(from))) return writes;
  let handed = false;
  forEachStatement(fn ? fn.body : body, ({ statement, ancestors }) => {
    if (handed || statement.pos.startIndex < from || statement.type === "function" || statement.type === "class") return;
    const branched = ancestors.some((a) => a.type === "if" || a.type === "for" || a.type === "while");
    if (statement.type === "assign" && !branched) {
      for (const t of statement.targets) {
        if (t.type === "attribute" && t.object.type === "name" && t.object.id === name) writes.set(t.name, { value: statement.value, line: statement.pos.line });
      }
    }
    for (const call of callsIn(statement, false)) {
      const set = setattrWrite(call, name);
      if (set && !branched) writes.set(set.field, { value: set.value, line: statement.pos.line });
      else if (!set && handsOn(call, name)) handed = true;
    }
  }, [], () => false);
  return writes;
}
