// A Hugging Face `Dataset.map(fn, batched=True)` may return another number of rows than it is given
// (huggingface.co/docs/datasets/about_map_batch: "the function can return a batch of a different size"). Question
// answering scripts do so on purpose: their tokenizer call passes `return_overflowing_tokens=True` with a stride, so
// a context longer than max_length becomes several features (huggingface.co/docs/transformers/main_classes/tokenizer,
// `return_overflowing_tokens`). The rows the run trains on are then the features, a count only tokenizing tells.
// So are the rows of a function that builds its own output lists, appending under an `if` with no `else` inside its loop
// over the batch (a filter: `if not example.skip: out["input_ids"].append(...)`) or in a loop nested in that loop (one
// row per answer of each question); a lambda that calls such a function (`lambda b: prep.process_batch(b, ...)`) is
// read through the call.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, keywordArgument, ownExpressions, positionalArgument, rootName, targetNames, type CallExpression } from "../python/syntax-walk";

/** Whether a `map(fn, batched=True, ...)` call's function (one of the code's own, or a lambda) passes
 *  `return_overflowing_tokens=True` to a call: its rows are the features that makes, not the examples it is given. */
export function mapSplitsRows(call: CallExpression, evaluate: (e: Expression) => Value | undefined): boolean {
  const batched = keywordArgument(call, "batched");
  const isBatched = batched ? evaluate(batched) : undefined;
  if (isBatched?.kind !== "bool" || !isBatched.value) return false;
  const fn = positionalArgument(call, 0) ?? keywordArgument(call, "function");
  const value = fn ? evaluate(fn) : undefined;
  if (value?.kind !== "function") return false;
  const definition = value.definition;
  const roots: Expression[] = [];
  if (definition.type === "function") forEachStatement(definition.body, ({ statement }) => roots.push(...ownExpressions(statement)));
  else roots.push(definition.body);
  let overflows = false;
  for (const root of roots) forEachExpression(root, (e) => {
    if (overflows || e.type !== "call") return;
    const flag = keywordArgument(e, "return_overflowing_tokens");
    if (flag && flag.type === "constant" && flag.value === "True") overflows = true;
  });
  if (overflows) return true;
  // The function's own body, or the body of the function a lambda calls.
  const called = definition.type === "function" ? undefined : definition.body.type === "call" ? evaluate(definition.body.func) : undefined;
  const body = definition.type === "function" ? definition.body : called?.kind === "function" && called.definition.type === "function" ? called.definition.body : undefined;
  return body !== undefined && appendsRowsOfItsOwn(body);
}

/** Whether a body appends to an output list (one bound outside its loops: not a row's own list, `label_ids = []` made
 *  afresh each turn) under an `if` without `else` inside a loop, or in a loop inside a loop: the rows it returns are
 *  not one per row it is given. */
function appendsRowsOfItsOwn(body: Statement[]): boolean {
  let found = false;
  forEachStatement(body, ({ statement, ancestors }) => {
    if (found || statement.type !== "expression" || statement.value.type !== "call" || statement.value.func.type !== "attribute" || statement.value.func.name !== "append") return;
    const loops = ancestors.filter((a): a is Extract<Statement, { type: "for" | "while" }> => a.type === "for" || a.type === "while");
    const outer = loops[0];
    const list = rootName(statement.value.func.object);
    if (!outer || !list || boundIn(outer.body, list)) return;
    const filtered = ancestors.slice(ancestors.indexOf(outer)).some((a) => a.type === "if" && a.orelse.length === 0);
    if (loops.length > 1 || filtered) found = true;
  }, [], () => false);
  return found;
}

/** Whether a block assigns the name anywhere in it. */
function boundIn(body: Statement[], name: string): boolean {
  let bound = false;
  forEachStatement(body, ({ statement }) => {
    if (!bound && statement.type === "assign" && statement.targets.flatMap(targetNames).includes(name)) bound = true;
  }, [], () => false);
  return bound;
}
