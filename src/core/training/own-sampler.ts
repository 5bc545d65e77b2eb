// A DataLoader given `sampler=` an object of the project's own Sampler class takes each epoch the indices that
// sampler yields, so its length is the epoch's samples, not the dataset's (torch.utils.data.DataLoader: "sampler
// defines the strategy to draw samples from the dataset"; the loader's __len__ is that of its batch sampler over
// `len(sampler)`, pytorch.org/docs/stable/data.html, torch 2.x). A sampler that oversamples, repeats or drops
// indices changes the count; where its __len__ cannot be worked out (it depends on random labels) the samples are
// unknown rather than the dataset's.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { lookupClassAttribute } from "../interp/classes";
import { ownClass } from "./own-code";
import { endlessIteration } from "./endless-iteration";
import { lenCall } from "../python/len-call";

/** What a loader's own sampler says of an epoch's samples: its length, "unknown", or undefined when the sampler is
 *  not an object of a class of the project (torch's samplers are read elsewhere) or never stops (the dataset's then). `built` is the call that made it,
 *  when the code shows one; `evaluate` works an expression out where the loader is built. */
export function ownSamplerSamples(sampler: Expression, built: Extract<Expression, { type: "call" }> | undefined, evaluate: (e: Expression) => Value): { value: number } | "unknown" | undefined {
  const object = evaluate(sampler);
  const cls = object.kind === "instance" ? object.cls : built ? evaluate(built.func) : undefined;
  if (!cls || !ownClass(cls) || cls.kind !== "class") return undefined;
  // A sampler that never stops cycles over the dataset: its len() is no pass (endless-iteration.ts).
  const iterate = lookupClassAttribute(cls, "__iter__");
  if (iterate?.kind === "function" && endlessIteration(iterate)) return undefined;
  if (object.kind !== "instance" || lookupClassAttribute(cls, "__len__")?.kind !== "function") return "unknown";
  const length = evaluate(lenCall(sampler));
  return length.kind === "int" && length.value > 0 ? { value: length.value } : "unknown";
}
