import type { AnalysisResult } from "../analysis-result";
import type { PythonFile } from "./python-file";
import { constructionCall, dottedName } from "../python/syntax-walk";

/** The methods of the model `variable` holds that run without autograd: every assignment of the name builds the same
 *  class (`VisionLanguageModel(cfg)`, or a class method such as `VisionLanguageModel.from_pretrained(path)`, looking
 *  through `.to(device)`/`.eval()`), or re-binds the model itself (`m = m.cuda()`), and that class decorates them
 *  `@torch.no_grad()`/`@torch.inference_mode()` (the analysis's `noGradMethods`). Empty when any assignment is another value. */
export function classNoGradMethods(file: PythonFile, variable: string, analysis: AnalysisResult | undefined): string[] {
  const classes = analysis?.noGradMethods;
  if (!classes) return [];
  let methods: string[] | undefined;
  for (const { statement: s } of file.places) {
    if (s.type !== "assign" || !s.targets.some((t) => t.type === "name" && t.id === variable)) continue;
    if (s.targets.length !== 1 || s.targets[0].type !== "name") return [];
    const call = constructionCall(s.value);
    const callee = call ? dottedName(call.func) : undefined;
    if (callee === undefined) return [];
    if (callee.startsWith(`${variable}.`)) continue; // `m = m.to(device)`: the same model
    const owner = classes[callee] ?? classes[callee.slice(0, Math.max(0, callee.lastIndexOf(".")))];
    if (!owner) return [];
    methods = methods ? methods.filter((m) => owner.includes(m)) : [...owner];
  }
  return methods ?? [];
}
