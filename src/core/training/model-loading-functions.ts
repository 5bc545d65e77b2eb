// A model loaded in a 16-bit dtype inside a helper (`def setup_model(name): return
// AutoModelForCausalLM.from_pretrained(name, torch_dtype=torch.bfloat16)`, then `model = setup_model(...)` where the
// run trains) sets the dtype its matmuls run in, though the helper names no training word; such helpers are read as
// sites too, but only where the code that trains calls them, so an inference helper that nothing on the run's way
// calls is left out.
import type { FunctionDefinition, Statement } from "../python/ast";

/** transformers' `from_pretrained` given the dtype its weights load in (`torch_dtype=`, `dtype=` since 4.56) or a
 *  quantization config (4-bit weights' compute dtype). */
const TYPED_LOAD = /\.from_pretrained\s*\((?:[^()]|\([^()]*\))*\b(torch_dtype|dtype|quantization_config)\s*=/;

/** Module functions that load a model in a stated dtype and are called by name from the module's own statements or
 *  from a function `reads` keeps (the code that trains). */
export function modelLoadingFunctions(body: Statement[], text: string, reads: (def: FunctionDefinition) => boolean): Set<FunctionDefinition> {
  const loading = body.filter((s): s is FunctionDefinition => s.type === "function" && !reads(s) && TYPED_LOAD.test(text.slice(s.pos.startIndex, s.pos.endIndex)));
  if (loading.length === 0) return new Set();
  // The text that runs: the module's statements other than definitions, and the bodies of the functions read.
  const callers = body.filter((s) => s.type !== "class" && (s.type !== "function" || reads(s))).map((s) => text.slice(s.pos.startIndex, s.pos.endIndex)).join("\n");
  return new Set(loading.filter((f) => new RegExp(`(^|[^\\w.])${f.name}\\s*\\(`).test(callers)));
}
