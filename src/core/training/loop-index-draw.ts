// A step loop that draws its batch itself, as a helper would (index-draw-batch.ts): `ix = torch.randint(0, n, (32,))`
// then `Xtr[ix]`, written out in the loop (from-scratch training cells of courses and notebooks). The draw's size is
// the batch; the data's size is no pass over it, so no samples come from it.
import type { Expression, Statement } from "../python/ast";
import type { CallExpression } from "../python/syntax-walk";
import { drawnCount, indexDrawsIn } from "./index-draw-batch";

/** The first draw of random indices that a loop's body assigns to a name and then indexes with or walks, with the
 *  count it draws (torch.randint's size `(B,)`, numpy's `size`, random.sample's `k`). */
export function loopIndexDraw(loopBody: Statement[]): { draw: CallExpression; count: Expression } | undefined {
  for (const draw of indexDrawsIn(loopBody)) {
    const count = drawnCount(draw);
    if (count) return { draw, count };
  }
  return undefined;
}
