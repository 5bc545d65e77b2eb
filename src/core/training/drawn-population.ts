// The data a step's random indices are drawn from: `rand_index = np.random.choice(len(x_vals), size=batch_size)` then
// `x_vals[rand_index]`. Each step picks its rows from all of `x_vals` (numpy.random.choice(a, size): a sample of
// range(a) when `a` is an int; torch.randint(high, size) and numpy.random.randint(low, high, size) likewise below
// `high`), so the run trains on samples of those rows, as a TensorFlow 1.x `next_batch` run is read against its
// data set's rows: the array the population's count is taken from (`len(X)`, `X.shape[0]`) holds the samples.
import type { Expression } from "../python/ast";
import { dottedName, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** The array whose row count a draw of random indices takes as its population (`len(X)`, `X.shape[0]`, or
 *  `range(len(X))` for random.sample), or undefined where the population is a bare number or anything else. */
export function drawnPopulation(draw: CallExpression): Expression | undefined {
  const callee = dottedName(draw.func) ?? "";
  const positional = draw.args.filter((a) => a.kind === "positional").map((a) => a.value);
  let population: Expression | undefined;
  if (callee.endsWith(".choice")) {
    population = positionalArgument(draw, 0) ?? keywordArgument(draw, "a");
    // `np.random.choice(data_x, 32)`: an array's own elements are the population (an int's range is read below).
    if (population?.type === "name" || population?.type === "attribute") return population;
  }
  else if (callee === "random.sample") population = positionalArgument(draw, 0) ?? keywordArgument(draw, "population");
  // torch.randint(high, size) or (low, high, size): the bound is the one before the size.
  else if (callee === "torch.randint") population = positional.length === 3 ? positional[1] : positional.length === 2 ? positional[0] : keywordArgument(draw, "high");
  // numpy's randint(low, high=None, size): one bound alone is the high.
  else if (callee.endsWith(".randint")) population = keywordArgument(draw, "high") ?? (positional.length >= 2 && positional[1].type !== "tuple" ? positional[1] : positional[0]);
  return population ? rowsTakenFrom(population) : undefined;
}

/** `X` of `len(X)`, `X.shape[0]`, `range(len(X))`. */
function rowsTakenFrom(e: Expression): Expression | undefined {
  if (e.type === "call" && e.func.type === "name" && e.args.length === 1 && e.args[0].kind === "positional") {
    const arg = e.args[0].value;
    if (e.func.id === "len") return arg;
    if (e.func.id === "range") return rowsTakenFrom(arg);
  }
  if (e.type === "subscript" && e.index.type === "int" && e.index.value === 0 && e.object.type === "attribute" && e.object.name === "shape") return e.object.object;
  return undefined;
}
