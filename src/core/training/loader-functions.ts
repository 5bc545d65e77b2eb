// A script often gets its loader from a function of another workspace file (`dataloader = get_celeba(params)` with
// the DataLoader built in utils.py; a Keras generator function over flow_from_directory). That call gives the batch, with the function's parameters
// bound to what the script passes, as Python would run it.
import type { Interpreter } from "../interp/interpreter";
import type { FunctionValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import { findCodeSites, type CodeSite } from "./code-sites";
import { evaluateAtSite, type StepAllowance } from "./evaluate-site";
import { argumentsByParameter } from "./call-site-bindings";

type CallSite = Extract<CodeSite, { kind: "call" }>;

const LOADER_CALLEE = /DataLoader$|\.flow(_from_directory|_from_dataframe)?$/;
const LOADER_WORDS = /DataLoader|\.flow/;

/** The batch of the DataLoader a foreign function builds, and where. */
export interface ForeignLoader {
  batch: number;
  file: string;
  line: number;
  code: string;
}

/**
 * The DataLoader a function of another file builds when called as `call` does: its batch_size worked out with the
 * function's parameters bound to the call's arguments (`evaluateArgument` evaluates them where the call is). Of
 * several loaders, a training one (named so, or shuffled) is preferred over test and validation ones.
 */
export function foreignLoader(
  interp: Interpreter,
  fn: FunctionValue,
  call: Extract<Expression, { type: "call" }>,
  text: string | undefined,
  evaluateArgument: (e: Expression) => Value | undefined,
  now: () => number,
  allowance: StepAllowance,
): ForeignLoader | undefined {
  const definition = fn.definition;
  const file = fn.module.file;
  if (definition.type !== "function" || !file || text === undefined) return undefined;
  // torch's DataLoader; Keras' ImageDataGenerator.flow / flow_from_directory / flow_from_dataframe (batch_size=).
  const loaders = findCodeSites(definition.body, text, LOADER_WORDS).filter((s): s is CallSite => s.kind === "call" && LOADER_CALLEE.test(s.callee));
  if (loaders.length === 0) return undefined;
  const score = (s: CallSite) => (/train/i.test(s.assignedTo.join(" ")) ? 2 : 0) - (/test|val|eval/i.test(s.assignedTo.join(" ")) ? 3 : 0) + (keywordArgument(s.call, "shuffle")?.type === "constant" ? 1 : 0);
  const loader = loaders.slice().sort((a, b) => score(b) - score(a))[0];
  const given = keywordArgument(loader.call, "batch_size") ?? (/DataLoader$/.test(loader.callee) ? positionalArgument(loader.call, 1) : /\.flow$/.test(loader.callee) ? positionalArgument(loader.call, 2) : undefined);
  if (!given) return undefined;
  const passed = argumentsByParameter(definition, call);
  const memo = new Map<string, Value | undefined>();
  const bindings = (f: FunctionDefinition, name: string): Value | undefined => {
    if (f !== definition) return undefined;
    if (!memo.has(name)) {
      const argument = passed.get(name);
      memo.set(name, argument ? evaluateArgument(argument) : undefined);
    }
    return memo.get(name);
  };
  // The loader's own context holds the function's statements before it that the batch may depend on.
  const [value] = evaluateAtSite(interp, fn.module.scope, file, { ...loader.context, fn: definition }, [given], now, bindings, allowance);
  const batch = value?.kind === "int" && value.value > 0 ? value.value : undefined;
  if (batch === undefined) return undefined;
  return { batch, file, line: loader.call.pos.line, code: `${loader.callee}(batch_size=${text.slice(given.pos.startIndex, given.pos.endIndex).replace(/\s+/g, " ")})` };
}

