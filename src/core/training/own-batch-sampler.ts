// A DataLoader given `batch_sampler=` an object of the project's own class takes one batch for each list of indices
// that object yields, and an epoch has len() of them (torch.utils.data.DataLoader: "batch_sampler: like sampler, but
// returns a batch of indices at a time"; the loader's __len__ is len(batch_sampler), pytorch.org/docs/stable/data.html,
// torch 2.x). Episode samplers of few-shot training (n ways of k shots, a fixed number of episodes) are of this kind:
// the batch is the length of a yielded list, and an epoch draws len() of them, whatever the dataset's size.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { lookupClassAttribute } from "../interp/classes";
import { ownClass } from "./own-code";
import { endlessIteration } from "./endless-iteration";

/** An epoch of a loader whose batch sampler is the project's own: its batches a pass and the indices of each. */
export interface OwnBatchSamplerEpoch {
  /** len(batch_sampler): the loader's steps a pass; "unknown" where __len__ cannot be worked out. */
  batches: number | "unknown";
  /** len() of the first list of indices its __iter__ yields; "unknown" where that cannot be worked out. */
  batch: number | "unknown";
}

/** Builds `name(argument)` at the argument's place, for asking the interpreter. */
function called(name: string, argument: Expression): Expression {
  return { type: "call", func: { type: "name", id: name, pos: argument.pos }, args: [{ kind: "positional", value: argument }], pos: argument.pos };
}

/** A positive int, or "unknown". */
function count(v: Value): number | "unknown" {
  return v.kind === "int" && v.value > 0 ? v.value : "unknown";
}

/** What a loader's `batch_sampler=` object of the project's own class says of an epoch, or undefined when it is not
 *  one (torch's BatchSampler and samplers given by keyword are read in batch-sampler.ts). `evaluate` works an
 *  expression out where the loader is built. */
export function ownBatchSamplerEpoch(sampler: Expression, evaluate: (e: Expression) => Value): OwnBatchSamplerEpoch | undefined {
  const object = evaluate(sampler);
  if (object.kind !== "instance" || !ownClass(object.cls) || object.cls.kind !== "class") return undefined;
  // One that never stops has no pass, whatever its __len__ says (endless-iteration.ts).
  const iterate = lookupClassAttribute(object.cls, "__iter__");
  const endless = iterate?.kind === "function" && endlessIteration(iterate);
  const batches = !endless && lookupClassAttribute(object.cls, "__len__")?.kind === "function" ? count(evaluate(called("len", sampler))) : "unknown";
  // The first batch, as `next(iter(batch_sampler))` gives it: an epoch's batches are drawn alike.
  const batch = iterate?.kind === "function" ? count(evaluate(called("len", called("next", called("iter", sampler))))) : "unknown";
  return { batches, batch };
}
