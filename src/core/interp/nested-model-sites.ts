// Scripts often build their model inside `main()` or under `if __name__ == "__main__":`, from a library
// (`model = torchvision.models.resnet50()`, `timm.create_model(...)`, `AutoModel.from_pretrained(...)`). Those
// blocks do not run when the file is analyzed, so such a model was "no models found". The sites are found here
// from the syntax; the analyzer then builds each call in the module's namespace, as `--entry` would.
import { noPosition, type Expression, type FunctionDefinition, type ModuleSyntax, type Statement } from "../python/ast";
import { childBodies, constructionCall, mentions, namesIn, rootName } from "../python/syntax-walk";
import { globalsBoundBefore } from "./guard-globals";
import { ownClass } from "../training/own-code";
import { scopeValue, type ModuleNamespaceValue, type Scope, type Value } from "./values";

/** A nested `name = library_call(...)` that may build a model. */
export interface NestedModelSite {
  name: string;
  line: number;
  call: Extract<Expression, { type: "call" }>;
  /** Names the call reads that only the function holds (its parameters, its locals): it cannot be built alone. */
  locals: string[];
  /** The assignment itself: the module's run records its value when a top-level block ran it. */
  statement: Statement;
  /** For `model, diffusion = create_model_and_diffusion(...)`: the position of `name` in the tuple the call returns. */
  item?: number;
  /** The enclosing function, if any. */
  fn?: FunctionDefinition;
  /** Statements that run before the site on its way down from the function body or a top-level block, outermost
   *  first (none at the module's top level: those ran when the module loaded). */
  before: Statement[];
  /** The `if` tests the site runs under, outermost first, each with whether the site is in its body (true) or in its
   *  else branch (false): `if args.net == 'res18': net = ResNet18() elif args.net == 'vit': net = ViT(...)`. */
  conditions: { test: Expression; holds: boolean }[];
  /** For a site in a module-level function the `__main__` guard calls (`main()`), the guard's statements before that
   *  call: the globals they bind (`args = p.parse_args()`) are what the function reads when the script runs. */
  guardBefore?: Statement[];
  /** A call of a plain class of the project (`agent = DQNAgent(state_size, action_size)`) that does not look like a
   *  model itself: built only for the modules it holds, and nothing when it holds none. */
  holder?: true;
}

/** Most sites read per file: a script that picks its model by a flag (`if args.net == ...:` over a dozen
 *  architectures) has one site per choice; only the chosen one is built. */
const MAX_SITES = 32;

/**
 * Assignments of a call to a name inside a function or a top-level block (not in a class, whose methods build a
 * model's parts), whose callee comes from an imported module other than torch itself (torch's own calls make
 * tensors and optimizers; its model entry point, torch.hub.load, is kept) and that `looksLikeModel` (an entry
 * point, or a name the file uses as a model), in source order; a name bound in several branches has a site in each.
 */
export function nestedModelSites(syntax: ModuleSyntax, text: string, namespace: ModuleNamespaceValue, file: string, looksLikeModel: (name: string, call: NestedModelSite["call"], item?: number) => boolean, unbuiltByDefault: ReadonlySet<string> = new Set()): NestedModelSite[] {
  const sites: NestedModelSite[] = [];
  // Function bodies are lowered on first read: only those that name an imported library are walked (and lowered),
  // and class bodies never are, so a large model file costs a text scan.
  const libraries = [...namespace.scope.names].filter(([, v]) => isLibraryValue(v, file) && !(v.kind === "namespace" && isTorchItself(v.name))).map(([n]) => n);
  // torch.hub.load is torch's one model entry point: "hub" marks a body that may call it; "import" one that imports
  // its model class itself.
  // So is a model class of this file that needs constructor arguments: a function calling it (`model = Net(args.width)`
  // in `train(args)`) builds the model with them, whatever else it mentions.
  // Likewise a builder function of this file with required parameters.
  const bareCall = (n: string): Extract<Expression, { type: "call" }> => ({ type: "call", func: { type: "name", id: n, pos: noPosition }, args: [], pos: noPosition });
  // So, too, is one whose defaults fail to build (SwinIR's img_size=64 that its window_size=7 does not divide): the
  // script's call with its own arguments is the model.
  const needing = [...namespace.scope.names].filter(([n, v]) => (v.kind === "class" || v.kind === "function") && (unbuiltByDefault.has(n) || needsArgumentsHere(bareCall(n), namespace, file) || builderNeedingArguments(bareCall(n), namespace, file, text))).map(([n]) => n);
  // "class": a function that defines its own model class before building it (definedBefore).
  const count = mentions(text, [...libraries, ...needing, "hub", "import", "class"]);
  const calledFromGuard = guardCalls(syntax.body);
  type Place = { fn?: FunctionDefinition; outer: Statement[]; conditions: NestedModelSite["conditions"] };
  const walk = (body: Statement[], nested: boolean, place: Place) => {
    body.forEach((s, i) => {
      if (sites.length >= MAX_SITES) return;
      if (s.type === "class") return;
      if (s.type === "function" && count(s.pos.startIndex, s.pos.endIndex) === 0) return;
      const before = nested ? [...place.outer, ...body.slice(0, i)] : [];
      // `model = build(...)`, or each name of `model, diffusion = build(...)` (Python unpacks the tuple it returns).
      // `model = Net(params).cuda() if params.cuda else Net(params)`: each arm is a site under the arm's condition.
      const value = nested && s.type === "assign" && s.targets.length === 1 ? s.value : undefined;
      const arms = value?.type === "call" ? [{ call: value, conditions: place.conditions }]
        : value?.type === "conditional" && value.body.type === "call" && value.orelse.type === "call" ? [{ call: value.body, conditions: [...place.conditions, { test: value.test, holds: true }] }, { call: value.orelse, conditions: [...place.conditions, { test: value.test, holds: false }] }]
        : [];
      for (const { call, conditions } of arms) {
        const assign = { targets: unpackedNames((s as Extract<Statement, { type: "assign" }>).targets[0]) };
        // `model = Net(args.width).to(device)`: the construction is the call inside the chain of module moves.
        const built = constructionCall(call) ?? call;
        const fromOutside = fromLibrary(built, namespace, file) || wrapsLibraryModel(built, namespace, file) || (built.func.type === "name" && unbuiltByDefault.has(built.func.id) && built.args.length > 0) || needsArgumentsHere(built, namespace, file) || builderNeedingArguments(built, namespace, file, text) || importedBefore(built, before) || definedBefore(built, before) || pickedFromLibrary(built, before, namespace, file) || (!place.fn && guardGlobals(built, before, namespace.scope, file).length > 0);
        // Built in the module's namespace, the call may read only what that namespace (or builtins) holds: an
        // argument from the function's own variables (`resnet18(num_classes=n)`) needs them worked out first.
        const localsOf = (e: Expression) => [...namesIn([e], new Set())].filter((n) => scopeValue(namespace.scope, n) === undefined);
        const guardBefore = place.fn ? calledFromGuard.get(place.fn.name) : undefined;
        for (const { name, item } of assign.targets) {
          if (sites.length >= MAX_SITES) break;
          const model = fromOutside && looksLikeModel(name, built, item);
          const holder = !model && item === undefined && plainProjectClass(call, namespace);
          if (!model && !holder) continue;
          // A model site is its construction: moving it (`.to(device)`, a device the analysis may not know) changes
          // no layer, as a class built alone is built without the script's moves.
          const siteCall = model ? built : call;
          sites.push({ name, line: s.pos.line, call: siteCall, locals: localsOf(siteCall), statement: s, fn: place.fn, before, conditions, ...(guardBefore ? { guardBefore } : {}), ...(item !== undefined ? { item } : {}), ...(holder ? { holder: true } : {}) });
        }
      }
      if (s.type === "function") walk(s.body, true, { fn: s, outer: [], conditions: [] });
      else if (s.type === "if") {
        walk(s.body, true, { ...place, outer: before, conditions: [...place.conditions, { test: s.test, holds: true }] });
        walk(s.orelse, true, { ...place, outer: before, conditions: [...place.conditions, { test: s.test, holds: false }] });
      } else for (const child of childBodies(s)) walk(child, true, { ...place, outer: before });
    });
  };
  walk(syntax.body, false, { outer: [], conditions: [] });
  return sites;
}

/** The names an assignment target binds with where each sits: `model` alone, or `model, diffusion` (items 0 and 1);
 *  a starred or nested target binds none here. */
export function unpackedNames(target: Expression): { name: string; item?: number }[] {
  if (target.type === "name") return [{ name: target.id }];
  if (target.type !== "tuple" && target.type !== "list") return [];
  if (target.items.some((t) => t.type !== "name")) return [];
  return target.items.map((t, item) => ({ name: (t as { id: string }).id, item }));
}

/** The item a site's name takes of the call's value (the whole value for a plain `name = call`). */
export function siteItem(site: NestedModelSite, value: Value): Value | undefined {
  if (site.item === undefined) return value;
  return value.kind === "tuple" || value.kind === "list" ? value.items[site.item] : undefined;
}

/**
 * A call of a class the project itself defines that is neither a torch module nor a Keras layer (an agent, trainer or
 * solver object): reinforcement-learning scripts build their networks in such an object's `__init__`
 * (`self.q_net = QNetwork(...)`, Keras' `self.model = self.create_model()`), so the object is where the model is.
 */
function plainProjectClass(call: Extract<Expression, { type: "call" }>, namespace: ModuleNamespaceValue): boolean {
  if (call.func.type !== "name") return false;
  const cls = namespace.scope.names.get(call.func.id);
  return cls?.kind === "class" && ownClass(cls) && !cls.isModule && !cls.mro.some((c) => c.layer !== undefined || c.qualifiedName.startsWith("keras."));
}

/** Module-level functions the top-level `if __name__ == "__main__":` block calls as a statement (`main()`), each with
 *  the block's statements before its first call. */
function guardCalls(body: Statement[]): Map<string, Statement[]> {
  const calls = new Map<string, Statement[]>();
  for (const s of body) {
    if (s.type !== "if" || !namesIn([s.test], new Set()).has("__name__")) continue;
    s.body.forEach((t, i) => {
      if (t.type === "expression" && t.value.type === "call" && t.value.func.type === "name" && !calls.has(t.value.func.id)) calls.set(t.value.func.id, s.body.slice(0, i));
    });
  }
  return calls;
}

/**
 * A call of a model class this file defines whose constructor has required parameters (`net = Net(args)` under the
 * `__main__` guard, a LightningModule given the parsed arguments): alone the class cannot be built, so the call the
 * script makes is the model's site. Classes buildable from their defaults are built as they are.
 */
function needsArgumentsHere(call: Extract<Expression, { type: "call" }>, namespace: ModuleNamespaceValue, file: string): boolean {
  if (call.func.type !== "name") return false;
  const cls = namespace.scope.names.get(call.func.id);
  if (cls?.kind !== "class" || !cls.isModule || cls.location?.file !== file) return false;
  const init = cls.mro.find((c) => c.location?.file === file && c.attributes.get("__init__")?.kind === "function")?.attributes.get("__init__");
  if (init?.kind !== "function" || init.definition.type !== "function") return false;
  return init.definition.params.slice(1).some((p) => p.kind === "normal" && p.default === undefined);
}

/**
 * A call of a builder function of this file that has required parameters and returns what it builds (`def
 * build(args): return Net(args.hidden).cuda()`, called in main() as `model = build(args)`): alone it cannot be
 * called, so the script's call is the model's site, as for a class that needs arguments.
 */
function builderNeedingArguments(call: Extract<Expression, { type: "call" }>, namespace: ModuleNamespaceValue, file: string, text: string): boolean {
  if (call.func.type !== "name") return false;
  const fn = namespace.scope.names.get(call.func.id);
  if (fn?.kind !== "function" || fn.module.file !== file || fn.definition.type !== "function") return false;
  const def = fn.definition;
  if (!def.params.some((p) => p.kind === "normal" && p.default === undefined)) return false;
  // Bodies are lowered on first read (a keystroke's analysis lowers only those it reads): its text says first whether
  // it returns a call at all.
  if (!RETURNS_CALL.test(text.slice(def.pos.startIndex, def.pos.endIndex))) return false;
  return returnsCallValue(def.body);
}

/** `return f(`, `return a.b(` in a definition's text: a body that may return a call's value. */
const RETURNS_CALL = /\breturn\s+[\w.]+\s*\(/;

/** Whether a body returns a call's value (`return Net(...)`, in an `if` arm too). */
function returnsCallValue(body: Statement[]): boolean {
  return body.some((s) => (s.type === "return" && s.value?.type === "call") || (s.type === "if" && (returnsCallValue(s.body) || returnsCallValue(s.orelse))));
}

/**
 * The globals a builder function of this file reads that only the top-level block the call sits in binds before it
 * (`model = build_model()` under the `__main__` guard, `build_model` reading the guard's `x_train`): alone the
 * function fails on a NameError, so the call the script makes is the model's site, built with those names bound.
 */
export function guardGlobals(call: Extract<Expression, { type: "call" }>, before: Statement[], moduleScope: Scope, file: string): string[] {
  if (call.func.type !== "name") return [];
  const fn = moduleScope.names.get(call.func.id);
  if (fn?.kind !== "function" || fn.module.file !== file || fn.definition.type !== "function") return [];
  return globalsBoundBefore(fn.definition, before, (n) => scopeValue(moduleScope, n) !== undefined);
}

/**
 * A callee bound by an import the function itself runs before the call (`def run(args): from pkg.models import Net`
 * ... `model = Net(**kwargs)`, an import kept local so that the module loads fast): a library or workspace class
 * as much as one imported at the top. torch's own names aside, as for `fromLibrary`.
 */
function importedBefore(call: Extract<Expression, { type: "call" }>, before: Statement[]): boolean {
  const root = rootName(call.func);
  if (root === undefined) return false;
  return before.some((s) =>
    (s.type === "importFrom" && !isTorchItself(s.module) && s.names !== "*" && s.names.some((n) => (n.alias ?? n.name) === root)) ||
    (s.type === "import" && s.names.some((n) => !isTorchItself(n.module) && (n.alias ?? n.module.split(".")[0]) === root)));
}

/**
 * A callee whose class the same block defined before the call (`class ConvNet(nn.Module): ...` under the `__main__`
 * guard or in `main()`, then `model = ConvNet(classes)`): the block's own model. Python binds the class when the
 * block runs, so the module's namespace lacks it; the site is built with the block's statements before it.
 */
function definedBefore(call: Extract<Expression, { type: "call" }>, before: Statement[]): boolean {
  const callee = call.func.type === "name" ? call.func.id : undefined;
  return callee !== undefined && before.some((s) => s.type === "class" && s.name === callee);
}

/**
 * A callee the function took from a library into a variable first (`model = models.__dict__[args.model]`, then
 * `model = model(**model_config)`): its last assignment before the call reads an imported module, class or function.
 */
function pickedFromLibrary(call: Extract<Expression, { type: "call" }>, before: Statement[], namespace: ModuleNamespaceValue, file: string): boolean {
  if (call.func.type !== "name") return false;
  const callee = call.func.id;
  const last = [...before].reverse().find((s) => s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === callee));
  if (last?.type !== "assign" || last.value.type === "call") return false;
  const root = rootName(last.value);
  const bound = root === undefined ? undefined : namespace.scope.names.get(root);
  return !!bound && isLibraryValue(bound, file) && !(bound.kind === "namespace" && isTorchItself(bound.name));
}

/**
 * torch's own wrapper around a model built from a library or workspace module in the same expression
 * (`model = torch.nn.DataParallel(resnet.__dict__[args.arch]())`, `nn.parallel.DistributedDataParallel(Net(args))`):
 * torch's calls are no sites themselves, but the wrapper holds the model the run trains as its `.module`.
 */
function wrapsLibraryModel(call: Extract<Expression, { type: "call" }>, namespace: ModuleNamespaceValue, file: string): boolean {
  const root = rootName(call.func);
  const bound = root === undefined ? undefined : namespace.scope.names.get(root);
  const torchOwn = (bound?.kind === "namespace" && isTorchItself(bound.name)) || (bound?.kind === "class" && !!bound.module && isTorchItself(bound.module.name));
  const first = call.args[0];
  if (!torchOwn || first?.kind !== "positional") return false;
  // `DataParallel(Net(64).cuda())`: the model inside is built by the call inside its moves.
  const inner = constructionCall(first.value);
  return inner !== undefined && (fromLibrary(inner, namespace, file) || needsArgumentsHere(inner, namespace, file));
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
  if (bound.kind === "class") return (!!bound.module && bound.module.file !== file && !isTorchItself(bound.module.name)) || isNativeKerasModel(bound);
  return false;
}

/** Keras' own model classes (`Model`, `Sequential`, imported by name from keras.models): the catalogue builds them
 *  natively, so they have no module file, but a script's `model = Model(inputs, outputs)` builds a model all the same. */
function isNativeKerasModel(cls: Extract<Value, { kind: "class" }>): boolean {
  return cls.location === undefined && cls.mro.some((c) => c.qualifiedName === "keras.Model");
}

const isTorchItself = (module: string) => module === "torch" || module.startsWith("torch.");

function isHubLoad(e: Expression): boolean {
  return e.type === "attribute" && e.name === "load" && e.object.type === "attribute" && e.object.name === "hub";
}

