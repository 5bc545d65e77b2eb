// A project often builds its run in a config function that returns a dict (`def config_trainer(): ...
// train_loader = DataLoader(t_dataset, 32); return {"train_loader": train_loader, ...}`) and the script hands one key
// to a trainer (`trainer.fit(train_loader=config["train_loader"])`), whose method, or a helper it passes the parameter
// to (`self.epoch_pass(loader=train_loader)`), walks it. Python binds that parameter to the loader the function built
// under that key, so its batch is the run's, read where it is built even when the function's other work (a data file
// it opens) cannot be followed.
import type { Interpreter } from "../interp/interpreter";
import type { FunctionValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { attributeChain, callsInBody, forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { ModuleFiles } from "../interp/module-resolver";
import { argumentsByParameter } from "./call-site-bindings";
import { findCodeSites } from "./code-sites";
import { evaluateAtSite, type StepAllowance } from "./evaluate-site";
import type { ForeignTraining } from "./foreign-loops";
import { unpackedCall } from "./unpacked-loader-calls";

/** torch.utils.data.DataLoader, however it is imported. */
const DATA_LOADER = /(^|\.)DataLoader$/;
/** Wrappers a loop puts around the data it walks (`enumerate(tqdm(loader))`). */
const WALK_WRAPPER = /^(enumerate|tqdm|tqdm\.tqdm|iter|trange)$/;

/** The batch of a dict-keyed loader the call passes, where it was found, and its code. */
export interface DictKeyLoader {
  batch: number;
  file: string;
  line: number;
  code: string;
}

/** The name a loop walks, through wrappers and a local bound to a wrapped name (`pbar = tqdm(loader)`). */
function walkedName(iter: Expression, body: Statement[], depth = 0): string | undefined {
  if (iter.type === "name") {
    const made = depth < 3 ? unpackedCall(body, iter.id) : undefined;
    return made && WALK_WRAPPER.test(attributeChain(made.func)) ? walkedName(made, body, depth + 1) : iter.id;
  }
  if (iter.type === "call" && WALK_WRAPPER.test(attributeChain(iter.func)) && depth < 3) {
    const first = positionalArgument(iter, 0);
    return first ? walkedName(first, body, depth + 1) : undefined;
  }
  return undefined;
}

/** The training method's parameters that its loops, or those of a self helper it hands them to, walk. */
function walkedParameters(training: Pick<ForeignTraining, "definition" | "helpers">): string[] {
  const { definition, helpers } = training;
  const out = new Set<string>();
  for (const d of [definition, ...helpers]) {
    forEachStatement(d.body, ({ statement: s }) => {
      if (s.type !== "for") return;
      const name = walkedName(s.iter, d.body);
      if (!name || !d.params.some((p) => p.name === name)) return;
      if (d === definition) out.add(name);
      // Each call of the helper on `self` (one for training, one for validation) hands it one of the method's own.
      else for (const parameter of handedOn(d, name, definition)) out.add(parameter);
    });
  }
  // A training loader's name first (`train_loader` before `val_loader`).
  return [...out].sort((a, b) => Number(/train/i.test(b)) - Number(/train/i.test(a)));
}

/** The parameters of `caller` that its calls of `self.<helper>(...)` pass as the helper's `parameter`. */
function handedOn(helper: FunctionDefinition, parameter: string, caller: FunctionDefinition): string[] {
  const self = caller.params[0]?.name;
  const unbound = { ...helper, params: helper.params.slice(1) };
  return callsInBody(caller.body).flatMap((call) => {
    if (call.func.type !== "attribute" || call.func.name !== helper.name || call.func.object.type !== "name" || call.func.object.id !== self) return [];
    const argument = argumentsByParameter(unbound, call).get(parameter);
    return argument?.type === "name" && caller.params.some((p) => p.name === argument.id) ? [argument.id] : [];
  });
}

/** The value expression a function returns under `key`: `return {"k": v}` or `d = {"k": v}; return d`. */
function returnedKey(definition: FunctionDefinition, key: string): Expression | undefined {
  let found: Expression | undefined;
  const entry = (e: Expression | undefined) => {
    if (e?.type !== "dict") return undefined;
    for (const item of e.items) if ("key" in item && item.key.type === "str" && item.key.value === key) return item.value;
    return undefined;
  };
  forEachStatement(definition.body, ({ statement: s }) => {
    if (found || s.type !== "return" || !s.value) return;
    found = entry(s.value) ?? (s.value.type === "name" ? entry(unpackedCall(definition.body, s.value.id) ?? dictBound(definition.body, s.value.id)) : undefined);
  });
  return found;
}

/** The dict literal last bound to a name in a body. */
function dictBound(body: Statement[], name: string): Expression | undefined {
  let found: Expression | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.value.type === "dict" && s.targets.some((t) => t.type === "name" && t.id === name)) found = s.value;
  });
  return found;
}

/** The loader a foreign training call is given as `config["key"]` of a dict a project function returned, with its
 *  batch where the function builds it; undefined where any link is not so. */
export function dictKeyLoader(training: Pick<ForeignTraining, "definition" | "site" | "helpers">, scriptBody: Statement[], evaluateInScript: (e: Expression) => Value | undefined, interp: Interpreter, files: ModuleFiles, now: () => number, allowance: StepAllowance): DictKeyLoader | undefined {
  const { definition, site } = training;
  const method = site.call.func.type === "attribute" && definition.params[0]?.name === "self";
  const passed = argumentsByParameter(method ? { ...definition, params: definition.params.slice(1) } : definition, site.call);
  for (const parameter of walkedParameters(training)) {
    const argument = passed.get(parameter);
    if (argument?.type !== "subscript" || argument.object.type !== "name" || argument.index.type !== "str" || argument.index.value === null) continue;
    const made = unpackedCall(scriptBody, argument.object.id);
    const fn = made ? evaluateInScript(made.func) : undefined;
    if (fn?.kind !== "function" || fn.definition.type !== "function" || !fn.module.file) continue;
    const found = keyedLoader(fn, argument.index.value, interp, files, now, allowance);
    if (found) return found;
  }
  return undefined;
}

/** The DataLoader a function binds to the name it returns under `key`, and its batch evaluated there. */
function keyedLoader(fn: FunctionValue, key: string, interp: Interpreter, files: ModuleFiles, now: () => number, allowance: StepAllowance): DictKeyLoader | undefined {
  const definition = fn.definition as FunctionDefinition;
  const value = returnedKey(definition, key);
  const loader = value?.type === "name" ? unpackedCall(definition.body, value.id) : value?.type === "call" ? value : undefined;
  if (!loader || !DATA_LOADER.test(attributeChain(loader.func))) return undefined;
  const given = keywordArgument(loader, "batch_size") ?? positionalArgument(loader, 1);
  // DataLoader's own default batch_size=1 (pytorch.org/docs/stable/data.html).
  if (!given) return { batch: 1, file: fn.module.file!, line: loader.pos.line, code: "DataLoader's default batch_size=1" };
  const text = files.read(fn.module.file!) ?? "";
  const loaderSite = findCodeSites([definition], text, /\w\s*\(/).find((c) => c.kind === "call" && c.call === loader);
  if (!loaderSite) return undefined;
  const batch = given.type === "int" ? { kind: "int" as const, value: given.value } : evaluateAtSite(interp, fn.module.scope, fn.module.file!, { ...loaderSite.context, fn: definition }, [given], now, undefined, allowance)[0];
  if (batch?.kind !== "int" || batch.value <= 0) return undefined;
  return { batch: batch.value, file: fn.module.file!, line: loader.pos.line, code: text.slice(loader.pos.startIndex, loader.pos.endIndex).replace(/\s+/g, " ") };
}
