// Scripts often build their model inside `main()` or under `if __name__ == "__main__":`, from a library
// (`model = torchvision.models.resnet50()`, `timm.create_model(...)`, `AutoModel.from_pretrained(...)`). Those
// blocks do not run when the file is analyzed, so such a model was "no models found". The sites are found here
// from the syntax; the analyzer then builds each call in the module's namespace, as `--entry` would.
import type { Expression, ModuleSyntax } from "../python/ast";
import { forEachStatement, namesIn, rootName } from "../python/syntax-walk";
import type { ModuleNamespaceValue, Scope } from "./values";

/** A nested `name = library_call(...)` that may build a model. */
export interface NestedModelSite {
  name: string;
  line: number;
  call: Extract<Expression, { type: "call" }>;
}

/** Most sites tried per file: each is one evaluation with its own budget. */
const MAX_SITES = 8;

/**
 * Assignments of a call to a name inside a function or a top-level block (not in a class, whose methods build a
 * model's parts), whose callee comes from an imported module other than torch itself (torch's own calls make
 * tensors and optimizers; its model entry point, torch.hub.load, is kept) and that `looksLikeModel` (an entry
 * point, or a name the file uses as a model), in source order, each name once.
 */
export function nestedModelSites(syntax: ModuleSyntax, namespace: ModuleNamespaceValue, file: string, looksLikeModel: (name: string, call: NestedModelSite["call"]) => boolean): NestedModelSite[] {
  const sites: NestedModelSite[] = [];
  const seen = new Set<string>();
  forEachStatement(syntax.body, ({ statement: s, ancestors }) => {
    if (sites.length >= MAX_SITES || ancestors.length === 0 || ancestors.some((a) => a.type === "class")) return;
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name" || s.value.type !== "call") return;
    const name = s.targets[0].id;
    if (seen.has(name) || !fromLibrary(s.value, namespace, file) || !looksLikeModel(name, s.value)) return;
    // Built in the module's namespace, the call may read only what that namespace (or builtins) holds: an argument
    // from the function's own variables (`resnet18(num_classes=n)`) would be a guess.
    if (![...namesIn([s.value], new Set())].every((n) => visible(n, namespace.scope))) return;
    seen.add(name);
    sites.push({ name, line: s.pos.line, call: s.value });
  }, [], () => true);
  return sites;
}

function fromLibrary(call: Extract<Expression, { type: "call" }>, namespace: ModuleNamespaceValue, file: string): boolean {
  const root = rootName(call.func);
  if (root === undefined) return false;
  const bound = namespace.scope.names.get(root);
  if (!bound) return false;
  if (bound.kind === "namespace") {
    if (bound.file === file) return false;
    const torchOwn = bound.name === "torch" || bound.name.startsWith("torch.");
    return !torchOwn || isHubLoad(call.func);
  }
  if (bound.kind === "function") return bound.module.file !== undefined && bound.module.file !== file;
  if (bound.kind === "class") return !!bound.module && bound.module.file !== file && bound.module.name !== "torch" && !bound.module.name.startsWith("torch.");
  return false;
}

function isHubLoad(e: Expression): boolean {
  return e.type === "attribute" && e.name === "load" && e.object.type === "attribute" && e.object.name === "hub";
}

function visible(name: string, scope: Scope | undefined): boolean {
  for (let s = scope; s; s = s.parent) if (s.names.has(name)) return true;
  return false;
}
