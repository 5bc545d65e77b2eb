// The batch a step loop draws through a batch-named helper of the project that picks its items by random index, as
// GPT training code after nanoGPT does: `x, y = get_batch("train")` in the loop, and in the helper (this file or
// another) `ix = torch.randint(len(data) - block_size, (batch_size,))` with one window stacked per index. The draw's
// size is the batch: torch.randint(low=0, high, size) returns a tensor of `size` integers
// (pytorch.org/docs/stable/generated/torch.randint.html), numpy.random.randint(low, high=None, size=None) an array of
// `size` (numpy.org/doc/stable/reference/random/generated/numpy.random.randint.html). A helper not named for batches
// is not read: a diffusion step's `t = torch.randint(0, T, (n,))` draws timesteps, not items.
import type { Interpreter } from "../interp/interpreter";
import type { Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { calleeName, callsAnywhere, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { findCodeSites, type CodeSite } from "./code-sites";
import { evaluateAtSite, type StepAllowance } from "./evaluate-site";
import { argumentsByParameter } from "./call-site-bindings";

/** A helper named for the batches it returns: `get_batch`, `sample_batch`, `make_batches`, `batchify`. */
const BATCH_HELPER = /batch/i;
/** torch's and numpy's random-integer draws, however imported (`torch.randint`, `np.random.randint`, `randint`); not
 *  Python's `random.randint(a, b)`, which returns one integer. */
const RANDINT = /^(torch\.randint|(np|numpy)\.random\.randint|randint)$/;

/** A drawn batch: its size, the loop's call, and the helper's draw in words. */
export interface HelperDrawnBatch {
  value: number;
  call: CallExpression;
  detail: string;
}

/** The batch the first batch-named helper a block calls draws by random index, worked out with the helper's parameters
 *  bound to the call's arguments (`evaluate` works them out where the block is); undefined when no helper says. */
export function helperDrawnBatch(
  interp: Interpreter,
  block: Statement[],
  evaluate: (e: Expression) => Value | undefined,
  read: (file: string) => string | undefined,
  now: () => number,
  allowance: StepAllowance,
): HelperDrawnBatch | undefined {
  for (const call of callsAnywhere(block)) {
    const name = calleeName(call);
    if (!name || !BATCH_HELPER.test(name)) continue;
    const callee = evaluate(call.func);
    if (callee?.kind !== "function" || callee.definition.type !== "function" || !callee.module.file) continue;
    const definition = callee.definition;
    const source = read(callee.module.file);
    if (source === undefined) continue;
    const draw = findCodeSites([definition], source, /randint/).find((s): s is Extract<CodeSite, { kind: "call" }> => s.kind === "call" && RANDINT.test(s.callee));
    const size = draw ? drawSize(draw.call, draw.callee) : undefined;
    if (!draw || !size) continue;
    const passed = argumentsByParameter(definition, call);
    const memo = new Map<string, Value | undefined>();
    const bindings = (f: FunctionDefinition, parameter: string): Value | undefined => {
      if (f !== definition) return undefined;
      if (!memo.has(parameter)) {
        const argument = passed.get(parameter);
        memo.set(parameter, argument ? evaluate(argument) : undefined);
      }
      return memo.get(parameter);
    };
    const [value] = evaluateAtSite(interp, callee.module.scope, callee.module.file, { ...draw.context, fn: definition }, [size], now, bindings, allowance);
    const count = value?.kind === "tuple" && value.items.length === 1 ? value.items[0] : value;
    if (count?.kind !== "int" || count.value <= 0) continue;
    return { value: count.value, call, detail: `${definition.name} draws ${count.value} random indexes a call (${draw.callee}, line ${draw.call.pos.line} of its file), one item each` };
  }
  return undefined;
}

/** The size argument of a random-integer draw: torch.randint(high, size) or (low, high, size), numpy's (low, high, size). */
function drawSize(call: CallExpression, callee: string): Expression | undefined {
  const given = keywordArgument(call, "size");
  if (given) return given;
  const positional = call.args.filter((a) => a.kind === "positional").length;
  if (/random\.randint$/.test(callee)) return positionalArgument(call, 2);
  return positionalArgument(call, positional >= 3 ? 2 : 1);
}
