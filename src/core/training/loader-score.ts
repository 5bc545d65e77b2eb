// Which of several DataLoaders is the training one: named so (or fed a dataset named so), shuffled, and not built
// for evaluation. Training reshuffles its loader each epoch (torch.utils.data.DataLoader's shuffle=True); a loader
// with shuffle=False reads in order, as evaluation does, so only shuffle=True counts for it.
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, rootName } from "../python/syntax-walk";
import type { CodeSite } from "./code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** How much a DataLoader call looks like the training loader: higher for training names and shuffle=True, lower for
 *  test, validation or evaluation names and loaders built in an evaluation function. */
export function loaderScore(site: CallSite, call: Extract<Expression, { type: "call" }>): number {
  const fed = keywordArgument(call, "dataset") ?? positionalArgument(call, 0);
  const names = [...site.assignedTo, fed ? rootName(fed) ?? "" : ""].join(" ");
  let score = 0;
  if (/train/i.test(names)) score += 2;
  if (/test|val|eval/i.test(names)) score -= 3;
  // A loader built inside an evaluation function (`def evaluate(model, dataset, batch_size=50)`) is not training's.
  if (site.context.fn && /eval|test|valid|predict|infer/i.test(site.context.fn.name)) score -= 3;
  const shuffle = keywordArgument(call, "shuffle");
  if (shuffle?.type === "constant" && shuffle.value === "True") score += 1;
  return score;
}
