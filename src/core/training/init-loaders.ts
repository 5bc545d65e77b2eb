// A training method often iterates a loader its object built in `__init__` (`self.data_loader = dataloader(
// self.dataset, self.input_size, self.batch_size)` with the DataLoader in another file; `for x in self.data_loader:`
// in `train(self)`). Python runs `__init__` before the method, so that loader is the one the method iterates: it is
// read as the script's own loader functions are (loader-functions.ts), with `self` the object the method is bound to.
import type { Interpreter } from "../interp/interpreter";
import { lookupClassAttribute } from "../interp/classes";
import type { Expression, FunctionDefinition } from "../python/ast";
import { attributeChain, forEachExpression, forEachStatement } from "../python/syntax-walk";
import type { ModuleFiles } from "../interp/module-resolver";
import { evaluateAtSite, type StepAllowance } from "./evaluate-site";
import type { ForeignTraining } from "./foreign-loops";
import { foreignLoader, type ForeignLoader } from "./loader-functions";
import { findCodeSites } from "./code-sites";
import { argumentsByParameter } from "./call-site-bindings";
import type { Value } from "../interp/values";
import { unpackedCall } from "./unpacked-loader-calls";
import { attributesDrawn, loaderWrappedIn } from "./wrapped-init-loader";

/** The script's call that built the object (`gan = GAN(args)`), and how its arguments evaluate there. */
export interface Constructed {
  call: Extract<Expression, { type: "call" }>;
  evaluate: (e: Expression) => Value | undefined;
}

/** The loader `__init__` assigns to an attribute the training method loops over, and that attribute. */
export interface InitLoader extends ForeignLoader {
  attribute: string;
}

/** The loader a bound training method iterates (`for ... in self.X`) as its object's `__init__` builds it with a
 *  function (`self.X = make_loader(...)`); undefined when the method is not bound or `__init__` builds none. */
export function initLoader(interp: Interpreter, training: ForeignTraining, files: ModuleFiles, now: () => number, allowance: StepAllowance, constructed?: Constructed): InitLoader | undefined {
  const method = training.definition;
  const selfName = method.params[0]?.name;
  const self = selfName ? training.bindings(method, selfName) : undefined;
  if (!selfName || self?.kind !== "instance") return undefined;
  // The loops may sit in a helper it calls on `self` (`train()` running `self.train_epoch()`), named by their own `self`.
  // Or draw from it one batch at a time, `next(self.dl)` (wrapped-init-loader.ts).
  const iterated = new Set([method, ...training.helpers].flatMap((d) => [...attributesIterated(d, d.params[0]?.name ?? selfName), ...attributesDrawn(d, d.params[0]?.name ?? selfName)]));
  if (iterated.size === 0) return undefined;
  const init = lookupClassAttribute(self.cls, "__init__");
  if (init?.kind !== "function" || init.definition.type !== "function" || !init.module.file) return undefined;
  const definition = init.definition;
  const initSelf = definition.params[0]?.name;
  if (!initSelf) return undefined;
  // `__init__`'s other parameters have the values the script's constructor call passed (`GAN(args)`).
  const passed = constructed ? argumentsByParameter({ ...definition, params: definition.params.slice(1) }, constructed.call) : new Map<string, Expression>();
  const bind = (f: FunctionDefinition, name: string): Value | undefined => {
    if (f !== definition) return undefined;
    if (name === initSelf) return self;
    const argument = passed.get(name);
    return argument && constructed ? constructed.evaluate(argument) : undefined;
  };
  const evaluate = (e: Expression) => evaluateAtSite(interp, init.module.scope, init.module.file!, { fn: definition, before: [] }, [e], now, bind, allowance)[0];
  let found: InitLoader | undefined;
  forEachStatement(definition.body, ({ statement: s }) => {
    if (found || s.type !== "assign" || s.targets.length !== 1) return;
    const target = s.targets[0];
    if (target.type !== "attribute" || target.object.type !== "name" || target.object.id !== initSelf || !iterated.has(target.name)) return;
    // `self.train_loader = train_loader` after `train_loader, dev_loader = data.get_dataloaders(...)`: the call that
    // made the local name (unpacked-loader-calls.ts).
    const made = s.value.type === "call" ? s.value : s.value.type === "name" ? unpackedCall(definition.body, s.value.id) : undefined;
    if (!made) return;
    // `self.dl = cycle(dl)` over `dl = DataLoader(...)` built in `__init__` itself: that loader (wrapped-init-loader.ts).
    if (constructed && loaderWrappedIn(made, definition.body, s.pos.startIndex, evaluate)) {
      const built = foreignLoader(interp, init, constructed.call, files.read(init.module.file!), constructed.evaluate, now, allowance, self, (f) => files.read(f));
      if (built) found = { ...built, attribute: target.name };
      return;
    }
    // Such a call is evaluated after the statements before it (`data = Pairs(...)` then `data.get_dataloaders()`),
    // and a method bound to its object runs with that object as `self`.
    const madeSite = made === s.value ? undefined : findCodeSites([definition], files.read(init.module.file!) ?? "", /\w\s*\(/).find((c) => c.kind === "call" && c.call === made);
    const evaluateMade = madeSite ? (e: Expression) => evaluateAtSite(interp, init.module.scope, init.module.file!, { ...madeSite.context, fn: definition }, [e], now, bind, allowance)[0] : evaluate;
    const callee = evaluateMade(made.func);
    const fn = callee?.kind === "bound" ? callee.fn : callee;
    const boundTo = callee?.kind === "bound" ? callee.self : undefined;
    if (fn?.kind !== "function" || !fn.module.file) {
      // `self.ldr_train = DataLoader(dataset, batch_size=self.args.local_bs)` written in `__init__` itself: `__init__`
      // is then the function that builds it, run on the object with the constructor call's arguments.
      const text = files.read(init.module.file!);
      const built = constructed && made === s.value && DATA_LOADER.test(attributeChain(made.func)) ? foreignLoader(interp, init, constructed.call, text, constructed.evaluate, now, allowance, self, (f) => files.read(f)) : undefined;
      if (built) found = { ...built, attribute: target.name };
      return;
    }
    const loader = foreignLoader(interp, fn, made, files.read(fn.module.file), evaluateMade, now, allowance, boundTo, (f) => files.read(f));
    if (loader) found = { ...loader, attribute: target.name };
  });
  return found;
}

/** The attributes (`self.ldr_train`, as written with the method's first parameter) that the `__init__` of a bound
 *  method's object assigns a DataLoader built there: Python runs `__init__` first, so the method walks a whole loader
 *  each time it iterates one of them. */
export function initLoaderAttributes(method: FunctionDefinition, self: Value | undefined): Set<string> {
  const names = new Set<string>();
  const selfName = method.params[0]?.name;
  if (!selfName || self?.kind !== "instance") return names;
  const init = lookupClassAttribute(self.cls, "__init__");
  if (init?.kind !== "function" || init.definition.type !== "function") return names;
  const initSelf = init.definition.params[0]?.name;
  forEachStatement(init.definition.body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1 || s.value.type !== "call" || !DATA_LOADER.test(attributeChain(s.value.func))) return;
    const target = s.targets[0];
    if (target.type === "attribute" && target.object.type === "name" && target.object.id === initSelf) names.add(`${selfName}.${target.name}`);
  });
  return names;
}

/** torch.utils.data.DataLoader, however it is imported. */
const DATA_LOADER = /(^|\.)DataLoader$/;

/** Attributes of `self` a method's `for` loops iterate (`for i, (x, _) in enumerate(self.data_loader):`). */
function attributesIterated(method: FunctionDefinition, selfName: string): Set<string> {
  const names = new Set<string>();
  // A progress bar bound first (`tq = tqdm(self.dataloader_train)`, then `for x, y in tq:`) walks what it wraps.
  const bars = progressBarsOfSelf(method, selfName);
  forEachStatement(method.body, ({ statement: s }) => {
    if (s.type !== "for") return;
    const barred = s.iter.type === "name" ? bars.get(s.iter.id) : undefined;
    if (barred) names.add(barred);
    forEachExpression(s.iter, (e) => {
      if (e.type === "attribute" && e.object.type === "name" && e.object.id === selfName) names.add(e.name);
    });
  });
  return names;
}

/** Names a method binds to a progress bar over an attribute of `self` (`tq = tqdm(self.loader)`), with that attribute. */
function progressBarsOfSelf(method: FunctionDefinition, selfName: string): Map<string, string> {
  const bars = new Map<string, string>();
  forEachStatement(method.body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name" || s.value.type !== "call" || !PROGRESS_BAR.test(attributeChain(s.value.func))) return;
    const wrapped = s.value.args[0]?.kind === "positional" ? s.value.args[0].value : undefined;
    if (wrapped?.type === "attribute" && wrapped.object.type === "name" && wrapped.object.id === selfName) bars.set(s.targets[0].id, wrapped.name);
  });
  return bars;
}

/** tqdm's progress bars, which yield the items of the iterable they wrap (tqdm.github.io, tqdm 4.x). */
const PROGRESS_BAR = /^(tqdm|(tqdm\.)?(auto\.|notebook\.)?tqdm)$/;
