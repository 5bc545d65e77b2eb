// A data function that returns an object of a workspace class it builds, the class iterable and holding the
// DataLoader its `__init__` builds on self: `data_loader = CustomDatasetDataLoader(opt)`, `dataset =
// data_loader.load_data()` (a method returning self), `return dataset`, with `def __iter__(self): for data in
// self.dataloader: yield data`. Python's `for data in dataset:` calls that `__iter__`, which walks the DataLoader, so
// its batch is the run's, worked out with the constructor call's arguments.
import { lookupClassAttribute } from "../interp/classes";
import { freshId } from "../interp/construct";
import type { ClassValue, FunctionValue, InstanceValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";
import type { CodeSite } from "./code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** Names followed back from the returned one (`dataset` ← `data_loader.load_data()` ← `data_loader = Cls(...)`). */
const MAX_HOPS = 3;

/** The constructor call (with its class's `__init__` and a fresh `self`) of the iterable object `definition`
 *  returns; undefined where it returns no such object of a workspace class. */
export function returnedIterableConstruction(definition: FunctionDefinition, sites: readonly CallSite[], evaluateIn: (site: CallSite, e: Expression) => Value): { site: CallSite; init: FunctionValue; self: InstanceValue } | undefined {
  const returnedNames: string[] = [];
  const returnedCalls: Expression[] = [];
  forEachStatement(definition.body, ({ statement: s }) => {
    if (s.type !== "return" || !s.value) return;
    if (s.value.type === "name") returnedNames.push(s.value.id);
    else if (s.value.type === "call") returnedCalls.push(s.value);
  }, [], () => false);
  // A site with names assigned is the statement's whole value (`x = Cls(...)`), not a call nested in it.
  const boundBy = (name: string) => sites.filter((x) => x.assignedTo.length === 1 && x.assignedTo[0] === name).pop();
  // From a call: a constructor of a workspace class, or a method of an object that returns that object itself.
  const fromCall = (site: CallSite | undefined, call: Expression, hops: number): { site: CallSite; cls: ClassValue } | undefined => {
    if (call.type !== "call" || hops > MAX_HOPS) return undefined;
    if (site) {
      const callee = evaluateIn(site, call.func);
      if (callee?.kind === "class" && callee.location) return { site, cls: callee };
    }
    if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.args.length > 0) return undefined;
    const held = boundBy(call.func.object.id);
    const built = held ? fromCall(held, held.call, hops + 1) : undefined;
    const method = built ? lookupClassAttribute(built.cls, call.func.name) : undefined;
    return method?.kind === "function" && method.definition.type === "function" && returnsSelf(method.definition) ? built : undefined;
  };
  const candidates = [
    ...returnedNames.map((n) => boundBy(n)).filter((x): x is CallSite => x !== undefined).map((x) => fromCall(x, x.call, 1)),
    ...returnedCalls.map((c) => fromCall(sites.find((x) => x.call === c), c, 1)),
  ];
  for (const found of candidates) {
    if (!found) continue;
    const iterates = lookupClassAttribute(found.cls, "__iter__");
    const init = lookupClassAttribute(found.cls, "__init__");
    if (iterates?.kind !== "function" || init?.kind !== "function" || !init.module.file) continue;
    return { site: found.site, init, self: { kind: "instance", cls: found.cls, attributes: new Map(), id: freshId() } };
  }
  return undefined;
}

/** Whether every return of a method gives back its own object (`def load_data(self): return self`). */
function returnsSelf(method: FunctionDefinition): boolean {
  const self = method.params[0]?.name;
  let returns = 0;
  let other = false;
  forEachStatement(method.body, ({ statement: s }) => {
    if (s.type !== "return") return;
    returns++;
    if (!(s.value?.type === "name" && s.value.id === self)) other = true;
  }, [], () => false);
  return self !== undefined && returns > 0 && !other;
}
