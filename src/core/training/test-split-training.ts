// A training loader fed a table dataset's test split: `DataLoader(MNIST(root, train=False), batch_size=32)` walked by
// the step loop (a GAN example that trains on the 10,000 test digits). The table's split rule keeps the test split
// out of the run's samples, as it is mostly an evaluation loader's; where the loader the run walks is fed that split
// and no training split, its rows are the test split's published size, which the dataset table holds.

import type { Expression } from "../python/ast";

/** A dataset call the plan sized, with the names it is bound to (training-plan.ts's test parts). */
interface SizedPart {
  site: { call: Expression; context: { fn?: unknown } };
  names: string[];
}

/** The test split the training loader is fed (its argument, or a name bound to it before the loader, or in another
 *  function), if any. */
export function fedTestSplit<P extends SizedPart>(fed: Expression | undefined, loaderCall: Expression, loaderFn: unknown, parts: readonly P[], within: (outer: Expression, inner: Expression) => boolean): P | undefined {
  if (!fed) return undefined;
  return parts
    .filter((p) => p.site.call.pos.startIndex < loaderCall.pos.endIndex || p.site.context.fn !== loaderFn)
    .reverse()
    .find((p) => (fed.type === "name" && p.names.includes(fed.id)) || p.site.call === fed || within(fed, p.site.call));
}
