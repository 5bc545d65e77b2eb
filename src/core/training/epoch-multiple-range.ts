// A step loop over a count made of epochs times each epoch's steps (`for step in range(start_epoch *
// imdb.batch_per_epoch, cfg.max_epoch * imdb.batch_per_epoch):`) walks E − S epochs of P steps each: the run's epochs
// are known from E and S even where P, the data's batches per epoch, is not.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { positiveInteger, positiveOrZero } from "../interp/value-figures";
import { snippet } from "../python/code-snippet";

/** The factors of `E * P` with E the one named for epochs, else undefined. */
function epochTimesPeriod(e: Expression, namesEpochs: (e: Expression) => boolean): { epochs: Expression; period: Expression } | undefined {
  if (e.type !== "binary" || e.op !== "*") return undefined;
  if (namesEpochs(e.left) && !namesEpochs(e.right)) return { epochs: e.left, period: e.right };
  if (namesEpochs(e.right) && !namesEpochs(e.left)) return { epochs: e.right, period: e.left };
  return undefined;
}

/** The epochs of a loop over `range(E * P)` or `range(S * P, E * P)` (E named for epochs, the same P twice), when E
 *  and S evaluate; undefined for any other iterable. */
export function epochMultipleRange(iter: Expression, evaluate: (e: Expression) => Value | undefined, namesEpochs: (e: Expression) => boolean, text: string): { value: number; detail: string } | undefined {
  if (iter.type !== "call" || iter.func.type !== "name" || iter.func.id !== "range") return undefined;
  const values = iter.args.flatMap((a) => (a.kind === "positional" ? [a.value] : []));
  if (values.length < 1 || values.length > 2 || values.length !== iter.args.length) return undefined;
  const stop = epochTimesPeriod(values[values.length - 1], namesEpochs);
  if (!stop) return undefined;
  const end = positiveInteger(evaluate(stop.epochs));
  if (end === undefined) return undefined;
  let start = 0;
  if (values.length === 2) {
    const first = values[0];
    if (first.type !== "binary" || first.op !== "*") return undefined;
    // The same period in both bounds, compared as written (a snippet may be shortened).
    const source = (e: Expression) => text.slice(e.pos.startIndex, e.pos.endIndex);
    const startFactor = source(first.right) === source(stop.period) ? first.left : source(first.left) === source(stop.period) ? first.right : undefined;
    const begun = startFactor ? positiveOrZero(evaluate(startFactor)) : undefined;
    if (begun === undefined) return undefined;
    start = begun;
  }
  const value = end - start;
  if (value <= 0) return undefined;
  return { value, detail: `${snippet(text, iter)}: ${value} epoch${value === 1 ? "" : "s"} of ${snippet(text, stop.period)} steps each` };
}
