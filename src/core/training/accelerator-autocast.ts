// Accelerate's `with accelerator.autocast(autocast_handler=...):` casts only as the Accelerator's own mixed_precision
// says: with "no" (its default) the block runs in fp32, with "fp16"/"bf16" in that type
// (huggingface.co/docs/accelerate/package_reference/accelerator#accelerate.Accelerator.autocast, Accelerate 0.34:
// `autocast_context_manager(self.native_amp, ...)`, native_amp False for "no"). It is not torch's autocast, whose
// CUDA default is float16: the run's precision is the one `Accelerator(mixed_precision=...)` states, read as such.
import type { Expression } from "../python/ast";
import type { CodeSite } from "./code-sites";

type Call = Extract<Expression, { type: "call" }>;

/** Whether `x.autocast(...)` is called on a name or `self.x` the code binds to an `Accelerator(...)`. */
export function isAcceleratorAutocast(call: Call, sites: readonly CodeSite[]): boolean {
  if (call.func.type !== "attribute" || call.func.name !== "autocast") return false;
  const receiver = call.func.object;
  const name = receiver.type === "name" ? receiver.id : undefined;
  const attribute = receiver.type === "attribute" && receiver.object.type === "name" ? receiver.name : undefined;
  if (name === undefined && attribute === undefined) return false;
  return sites.some((s) => s.kind === "call" && /(^|\.)Accelerator$/.test(s.callee) && (name !== undefined ? s.assignedTo.includes(name) : !!s.assignedAttributes?.includes(attribute!)));
}
