// `torch.autocast(device_type, ...)` casts only on its device: a CPU autocast leaves a GPU run in full precision.
import type { Expression } from "../python/ast";
import { snippet } from "../python/code-snippet";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import type { Value } from "../interp/values";

/**
 * Whether an autocast call casts on the CPU: its device type as the run evaluates it (`device.type if device.type !=
 * "mps" else "cpu"` is "cuda" where the run has a GPU), else as written (`torch.cpu.amp.autocast()`, `"cpu"`).
 */
export function autocastOnCpu(call: CallExpression, text: string, evaluate: (e: Expression) => Value | undefined): boolean {
  const device = positionalArgument(call, 0) ?? keywordArgument(call, "device_type");
  const value = device ? evaluate(device) : undefined;
  if (value?.kind === "str") return value.value === "cpu";
  return /cpu/.test(snippet(text, device ?? call));
}
