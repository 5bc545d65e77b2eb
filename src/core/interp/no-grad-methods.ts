import type { ClassValue, ModuleNamespaceValue, Value } from "./values";
import { dottedName } from "../python/syntax-walk";
import type { Expression } from "../python/ast";

// Methods a class decorates `@torch.no_grad()` / `@torch.inference_mode()` (nanoVLM's `generate`): calling them runs
// without autograd whatever the caller does. Read from the classes the file binds, its own and those it imports from
// other files (where the rules cannot see the syntax), as Python finds methods: along the MRO, the first definition.

/** True for a `no_grad`/`inference_mode` decorator, called or not, under any module prefix. */
function isGradGuard(d: Expression): boolean {
  return /(^|\.)(no_grad|inference_mode)$/.test(dottedName(d.type === "call" ? d.func : d) ?? "");
}

/** The methods of a class (its own and inherited) that a no_grad/inference_mode decorator wraps. */
function guardedMethods(cls: ClassValue): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of cls.mro.length > 0 ? cls.mro : [cls]) {
    for (const [name, v] of c.attributes) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (v.kind === "function" && v.definition.type === "function" && v.definition.decorators.some(isGradGuard)) out.push(name);
    }
  }
  return out;
}

/** Classes bound in the namespace (`VisionLanguageModel`, or `models.VisionLanguageModel` of an imported workspace
 *  module) with the methods that run without autograd; classes with none are left out. */
export function noGradMethods(namespace: ModuleNamespaceValue): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (name: string, v: Value) => {
    if (v.kind !== "class") return;
    const methods = guardedMethods(v);
    if (methods.length > 0) out[name] = methods;
  };
  for (const [name, value] of namespace.scope.names) {
    if (value.kind === "namespace" && value.file && value.file !== namespace.file) {
      for (const [member, v] of value.scope.names) add(`${name}.${member}`, v);
    } else add(name, value);
  }
  return out;
}
