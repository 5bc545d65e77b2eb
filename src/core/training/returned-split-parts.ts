// A helper of the code's own often builds the dataset and splits it itself, taking nothing to split:
// `train, val, test = prepare_data()` with `train_part, val_part = random_split(pool, [2000, 200])` and
// `return train_part, val_part, test_set` inside. The name unpacked from the call holds the part the helper returns at
// that place, whose length random_split fixes (pytorch.org/docs/stable/data.html#torch.utils.data.random_split): the
// length given for it, when the lengths are counts Python works out in the helper.
import type { Interpreter } from "../interp/interpreter";
import type { FunctionValue } from "../interp/values";
import type { Expression } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { findCodeSites, type CodeSite } from "./code-sites";
import { evaluateAtSite, type StepAllowance } from "./evaluate-site";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/**
 * The samples of the random_split part that `fn` returns at position `index` of its returned tuple (or as its single
 * value, `index` 0 of `whole`): undefined when the helper has more than one return, returns no split part there, or the
 * part's length is not a count worked out in the helper.
 */
export function returnedSplitPart(interp: Interpreter, fn: FunctionValue, text: string, index: number, whole: boolean, now: () => number, allowance: StepAllowance): number | undefined {
  const definition = fn.definition;
  if (definition.type !== "function" || !fn.module.file || !/random_split/.test(text)) return undefined;
  const returns: Expression[] = [];
  forEachStatement(definition.body, ({ statement }) => {
    if (statement.type === "return" && statement.value) returns.push(statement.value);
  });
  // One way out only: a return chosen by a test is not read here.
  if (returns.length !== 1) return undefined;
  const returned = returns[0];
  const item = whole ? (index === 0 ? returned : undefined) : returned.type === "tuple" || returned.type === "list" ? returned.items[index] : undefined;
  if (item?.type !== "name") return undefined;
  // The last random_split in the helper that binds that name (the split is the name's last binding before the return).
  const split = findCodeSites([definition], text, /random_split/).filter((s): s is CallSite => s.kind === "call" && /(^|\.)random_split$/.test(s.callee) && s.assignedTo.includes(item.id) && s.call.pos.startIndex < returned.pos.startIndex).pop();
  const lengths = split && (positionalArgument(split.call, 1) ?? keywordArgument(split.call, "lengths"));
  if (!split || !lengths || rebound(definition.body, item.id, split.call.pos.endIndex, returned.pos.startIndex)) return undefined;
  const value = evaluateAtSite(interp, fn.module.scope, fn.module.file, { ...split.context, fn: definition }, [lengths], now, undefined, allowance)[0];
  const part = value.kind === "list" || value.kind === "tuple" ? value.items[split.assignedTo.indexOf(item.id)] : undefined;
  return part?.kind === "int" && part.value > 0 ? part.value : undefined;
}

/** Whether a statement between two offsets binds `name` again (an assignment to it after the split). */
function rebound(body: Parameters<typeof forEachStatement>[0], name: string, after: number, before: number): boolean {
  let found = false;
  forEachStatement(body, ({ statement }) => {
    if (statement.pos.startIndex < after || statement.pos.startIndex >= before) return;
    if (statement.type === "assign" && statement.targets.some((t) => bindsName(t, name))) found = true;
  });
  return found;
}

function bindsName(target: Expression, name: string): boolean {
  if (target.type === "name") return target.id === name;
  if (target.type === "tuple" || target.type === "list") return target.items.some((t) => bindsName(t, name));
  return false;
}
