// A DataLoader whose batch is its whole dataset: `DataLoader(ds, batch_size=len(ds))`, as tutorials load a small
// image folder "entirely; we are not using minibatches here". Each batch it yields holds every sample once, so a step
// loop that draws `next(iter(loader))` on each pass trains on all of the data each step: its passes are epochs, and
// its batch is the dataset's size, whatever that is (pytorch.org/docs/stable/data.html: batch_size samples a batch).
import type { Expression, Statement } from "../python/ast";
import { forEachExpression, keywordArgument, ownExpressions, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Whether a `DataLoader(dataset, batch_size=len(dataset))` call batches its whole dataset: its batch size is `len()`
 *  of the very expression it is given as its dataset (`show` gives an expression's source text). */
export function batchesWholeDataset(call: CallExpression, show: (e: Expression) => string): boolean {
  const dataset = positionalArgument(call, 0) ?? keywordArgument(call, "dataset");
  const size = keywordArgument(call, "batch_size") ?? positionalArgument(call, 1);
  if (!dataset || size?.type !== "call" || size.func.type !== "name" || size.func.id !== "len" || size.args.length !== 1) return false;
  const measured = positionalArgument(size, 0);
  return measured !== undefined && show(measured) === show(dataset);
}

/** The name of the first of `loaders` a block's own statements draw one batch from (`x, y = next(iter(loader))`). */
export function drawnLoader(block: Statement[], loaders: ReadonlySet<string>): Expression | undefined {
  let found: Expression | undefined;
  for (const s of block) {
    for (const root of ownExpressions(s)) forEachExpression(root, (e) => {
      if (found || e.type !== "call" || e.func.type !== "name" || e.func.id !== "next") return;
      const inner = positionalArgument(e, 0);
      const loader = inner?.type === "call" && inner.func.type === "name" && inner.func.id === "iter" ? positionalArgument(inner, 0) : undefined;
      if (loader?.type === "name" && loaders.has(loader.id)) found = loader;
    });
  }
  return found;
}
