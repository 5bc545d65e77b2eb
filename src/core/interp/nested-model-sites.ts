// Scripts often build their model inside `main()` or under `if __name__ == "__main__":`, from a library
// (`model = torchvision.models.resnet50()`, `timm.create_model(...)`, `AutoModel.from_pretrained(...)`). Those
// blocks do not run when the file is analyzed, so such a model was "no models found". The sites are found here
// from the syntax; the analyzer then builds each call in the module's namespace, as `--entry` would.
import type { Expression, ModuleSyntax, Statement } from "../python/ast";
import { childBodies, mentions, namesIn, rootName } from "../python/syntax-walk";
import type { ModuleNamespaceValue, Scope, Value } from "./values";

/** A nested `name = library_call(...)` that may build a model. */
export interface NestedModelSite {
  name: string;
  line: number;
  call: Extract<Expression, { type: "call" }>;
  /** Names the call reads that only the function holds (its parameters, its locals): it cannot be built alone. */
  locals: string[];
}

/** Most sites tried per file: each is one evaluation with its own budget. */
const MAX_SITES = 8;

/**
 * Assignments of a call to a name inside a function or a top-level block (not in a class, whose methods build a
 * model's parts), whose callee comes from an imported module other than torch itself (torch's own calls make
 * tensors and optimizers; its model entry point, torch.hub.load, is kept) and that `looksLikeModel` (an entry
 * point, or a name the file uses as a model), in source order, each name once.
 */
export function nestedModelSites(syntax: ModuleSyntax, text: string, namespace: ModuleNamespaceValue, file: string, looksLikeModel: (name: string, call: NestedModelSite["call"]) => boolean): NestedModelSite[] {
  const sites: NestedModelSite[] = [];
  const seen = new Set<string>();
  // Function bodies are lowered on first read: only those that name an imported library are walked (and lowered),
  // and class bodies never are, so a large model file costs a text scan.
  const libraries = [...namespace.scope.names].filter(([, v]) => isLibraryValue(v, file) && !(v.kind === "namespace" && isTorchItself(v.name))).map(([n]) => n);
  // torch.hub.load is torch's one model entry point: "hub" marks a body that may call it.
  const count = mentions(text, [...libraries, "hub"]);
  const walk = (body: Statement[], nested: boolean) => {
    for (const s of body) {
      if (sites.length >= MAX_SITES) return;
      if (s.type === "class") continue;
      if (s.type === "function" && count(s.pos.startIndex, s.pos.endIndex) === 0) continue;
      if (nested && s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.value.type === "call") {
        const name = s.targets[0].id;
        if (!seen.has(name) && fromLibrary(s.value, namespace, file) && looksLikeModel(name, s.value)) {
          seen.add(name);
          // Built in the module's namespace, the call may read only what that namespace (or builtins) holds: an
          // argument from the function's own variables (`resnet18(num_classes=n)`) would be a guess.
          const locals = [...namesIn([s.value], new Set())].filter((n) => !visible(n, namespace.scope));
          sites.push({ name, line: s.pos.line, call: s.value, locals });
        }
      }
      for (const child of childBodies(s)) walk(child, true);
    }
  };
  walk(syntax.body, false);
  return sites;
}

function fromLibrary(call: Extract<Expression, { type: "call" }>, namespace: ModuleNamespaceValue, file: string): boolean {
  const root = rootName(call.func);
  const bound = root === undefined ? undefined : namespace.scope.names.get(root);
  if (!bound || !isLibraryValue(bound, file)) return false;
  return bound.kind !== "namespace" || !isTorchItself(bound.name) || isHubLoad(call.func);
}

/** An imported module, function or class from outside this file (torch's own classes and modules aside, but for hub). */
function isLibraryValue(bound: Value, file: string): boolean {
  if (bound.kind === "namespace") return bound.file !== file;
  if (bound.kind === "function") return bound.module.file !== undefined && bound.module.file !== file;
  if (bound.kind === "class") return !!bound.module && bound.module.file !== file && !isTorchItself(bound.module.name);
  return false;
}

const isTorchItself = (module: string) => module === "torch" || module.startsWith("torch.");

function isHubLoad(e: Expression): boolean {
  return e.type === "attribute" && e.name === "load" && e.object.type === "attribute" && e.object.name === "hub";
}

function visible(name: string, scope: Scope | undefined): boolean {
  for (let s = scope; s; s = s.parent) if (s.names.has(name)) return true;
  return false;
}
