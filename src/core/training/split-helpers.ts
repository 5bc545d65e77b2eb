// A script often splits its dataset through a helper of its own: `dataset_train = split_dataset(dataset_train)` with
// `train, val = random_split(dataset, get_splits(len(dataset), 0.2))` and `return train` inside. The part the helper
// returns has the length random_split gives it (pytorch.org/docs/stable/data.html#torch.utils.data.random_split), worked
// out from the dataset's known size as Python would: `len(dataset)` of the argument, the helper's defaults.
import type { Interpreter } from "../interp/interpreter";
import type { FunctionValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { argumentsByParameter } from "./call-site-bindings";
import { findCodeSites, type CodeSite } from "./code-sites";
import { evaluateAtSite, knownTruth, type StepAllowance } from "./evaluate-site";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/**
 * The length of the random_split part that `fn` returns when called as `call` does, where the dataset argument
 * `datasetArgument` has `size` samples. Undefined when the helper splits nothing, returns no part by name, or its
 * return depends on a test that cannot be worked out.
 */
export function splitHelperPart(
  interp: Interpreter,
  fn: FunctionValue,
  call: Extract<Expression, { type: "call" }>,
  text: string,
  datasetArgument: Expression,
  size: number,
  evaluateArgument: (e: Expression) => Value | undefined,
  now: () => number,
  allowance: StepAllowance,
  self?: Value,
): number | undefined {
  const definition = fn.definition;
  if (definition.type !== "function" || !fn.module.file) return undefined;
  const split = findCodeSites([definition], text, /random_split/).find((s): s is CallSite => s.kind === "call" && /(^|\.)random_split$/.test(s.callee) && s.assignedTo.length > 1);
  const lengths = split && (positionalArgument(split.call, 1) ?? keywordArgument(split.call, "lengths"));
  const splitData = split && (positionalArgument(split.call, 0) ?? keywordArgument(split.call, "dataset"));
  // A bound method's call passes its arguments from the second parameter on; the first is the object.
  const selfName = self && definition.type === "function" ? definition.params[0]?.name : undefined;
  const passed = argumentsByParameter(selfName ? { ...definition, params: definition.params.slice(1) } : definition, call);
  // The parameter the caller's dataset fills must be the one random_split divides.
  const datasetParameter = [...passed].find(([, e]) => e === datasetArgument)?.[0];
  if (!split || !lengths || !splitData || splitData.type !== "name" || splitData.id !== datasetParameter) return undefined;
  // `len(dataset)` is all a split helper asks of the dataset: a range of its size answers it as the dataset would.
  const stand: Value = { kind: "range", start: 0, stop: size, step: 1 };
  const memo = new Map<string, Value | undefined>();
  const bindings = (f: FunctionDefinition, name: string): Value | undefined => {
    if (f !== definition) return undefined;
    if (name === datasetParameter) return stand;
    if (selfName && name === selfName) return self;
    if (!memo.has(name)) {
      const argument = passed.get(name);
      memo.set(name, argument ? evaluateArgument(argument) : undefined);
    }
    return memo.get(name);
  };
  const evaluate = (context: CallSite["context"], e: Expression): Value =>
    evaluateAtSite(interp, fn.module.scope, fn.module.file!, { ...context, fn: definition }, [e], now, bindings, allowance)[0];
  // The part returned: the return statement the plain call reaches, each `if` above it decided by its test.
  const parts: number[] = [];
  forEachStatement(definition.body, ({ statement, ancestors }) => {
    if (statement.type !== "return" || !statement.value) return;
    const name = statement.value.type === "name" ? statement.value.id : undefined;
    const index = name ? split.assignedTo.indexOf(name) : -1;
    if (!reached(statement, ancestors, (test) => knownTruth(evaluate({ before: [] }, test)))) return;
    parts.push(index);
  });
  const index = parts[0];
  if (index === undefined || index < 0) return undefined;
  const value = evaluate(split.context, lengths);
  const part = value.kind === "list" || value.kind === "tuple" ? value.items[index] : undefined;
  return part?.kind === "int" && part.value > 0 ? part.value : undefined;
}

/** Whether every `if` above a statement takes the branch that holds it (unknown tests count as not reached). */
function reached(statement: Statement, ancestors: Statement[], truth: (test: Expression) => boolean | undefined): boolean {
  return ancestors.every((a) => {
    if (a.type !== "if") return true;
    const inBody = statement.pos.startIndex < (a.orelse[0]?.pos.startIndex ?? Infinity);
    return truth(a.test) === inBody;
  });
}
