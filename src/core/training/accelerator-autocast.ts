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

/**
 * `self.x.autocast()` in a method read apart from its class's `__init__` (another file's `Trainer.train`), where the
 * module's text binds `self.x = Accelerator(...)`: an Accelerate autocast all the same. Its precision is the
 * `mixed_precision` string literal given there ("fp16"/"bf16"); undefined (fp32, or a value the text does not state)
 * otherwise. Undefined as a whole when the text binds no such attribute.
 */
export function acceleratorAttributeAutocast(call: Call, moduleText: string): { precision?: "fp16" | "bf16" } | undefined {
  if (call.func.type !== "attribute" || call.func.name !== "autocast") return undefined;
  const receiver = call.func.object;
  if (receiver.type !== "attribute" || receiver.object.type !== "name" || receiver.object.id !== "self") return undefined;
  const built = new RegExp(`self\\.${receiver.name}\\s*=\\s*(?:[A-Za-z_][\\w.]*\\.)?Accelerator\\s*\\(`).exec(moduleText);
  if (!built) return undefined;
  // The keyword within the call's own parentheses: up to the first `)` that closes at depth 0.
  let depth = 1;
  let end = built.index + built[0].length;
  while (end < moduleText.length && depth > 0) {
    const c = moduleText[end++];
    if (c === "(") depth++;
    else if (c === ")") depth--;
  }
  const literal = /mixed_precision\s*=\s*["'](fp16|bf16)["']\s*(?:[,)]|$)/.exec(moduleText.slice(built.index, end));
  return literal ? { precision: literal[1] as "fp16" | "bf16" } : {};
}
