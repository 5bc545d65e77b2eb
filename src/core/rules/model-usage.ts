import type { AnalysisResult } from "../analysis-result";
import type { Expression, Statement } from "../python/ast";
import type { ModelReport } from "../report/model-report";
import type { PythonFile, PlacedCall } from "./python-file";
import { calleeName, callsIn, childBodies as childBodiesOf, constructionCall, isMethodCall, type CallExpression, type StatementPlace } from "../python/syntax-walk";

// Where models are built and how they are used, read from the syntax: the analyzer knows what a model is made of,
// these helpers know what the file does with it.

/** True when the expression's chain calls `.eval()` (`Net().eval()`). */
export function chainCallsEval(e: Expression): boolean {
  let current = e;
  while (current.type === "call" && current.func.type === "attribute") {
    if (current.func.name === "eval") return true;
    current = current.func.object;
  }
  return false;
}

/** A statement `name = <builds a model>`: where a model is built, in the file's own code. */
export interface ModelSite {
  variable: string;
  place: StatementPlace;
  statement: Extract<Statement, { type: "assign" }>;
  call: CallExpression;
}

/** Assignments of a single name from a call, with the callee's last name: candidates for model construction. */
export function assignmentsFromCalls(file: PythonFile): (ModelSite & { callee: string | undefined })[] {
  const out: (ModelSite & { callee: string | undefined })[] = [];
  for (const place of file.places) {
    const s = place.statement;
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name") continue;
    const call = constructionCall(s.value);
    if (!call) continue;
    out.push({ variable: s.targets[0].id, place, statement: s, call, callee: calleeName(call) });
  }
  return out;
}

/** The class or function name a model report's entry calls (`ResNet18()` → `ResNet18`), or undefined. */
export function entryCallee(model: ModelReport): string | undefined {
  return /^([A-Za-z_]\w*)\s*\(/.exec(model.entry)?.[1];
}

/** The root class name of a model report (the type of its "" layer). */
export function rootClass(model: ModelReport): string | undefined {
  return model.layers.find((l) => l.path === "")?.type;
}

/** Calls that run a model: `m(x)`, `m.forward(x)`, `m.generate(...)`, `m.predict(...)`. */
export function inferenceCalls(file: PythonFile, variable: string): PlacedCall[] {
  const methods = file.methodCallsOn(variable).filter(({ call }) => isMethodCall(call, variable, ["forward", "generate", "predict", "predict_on_batch", "sample"]));
  return [...file.callsOf(variable), ...methods].sort((a, b) => a.call.pos.startIndex - b.call.pos.startIndex);
}

/** Libraries whose models' `generate` runs without autograd: transformers' GenerationMixin.generate is decorated
 *  `@torch.no_grad()` (transformers/generation/utils.py, 4.x through 5.17.0, the version read here). */
const NO_GRAD_GENERATE = /^transformers\./;

/** True when every model `variable` holds is a transformers model (`AutoModelForCausalLM.from_pretrained(...)`), or a
 *  wrapper built from it (`PeftModel.from_pretrained(model, ...)`, `model.to(...)`): its `.generate` runs under no_grad. */
export function generatesWithoutGrad(file: PythonFile, variable: string): boolean {
  let library = false;
  for (const { statement: s } of file.places) {
    if (s.type !== "assign" || !s.targets.some((t) => t.type === "name" && t.id === variable)) continue;
    if (s.value.type !== "call") return false;
    const q = file.qualifiedCallee(s.value) ?? "";
    const first = s.value.args[0];
    const wraps = (first?.kind === "positional" && first.value.type === "name" && first.value.id === variable) ||
      (s.value.func.type === "attribute" && s.value.func.object.type === "name" && s.value.func.object.id === variable);
    if (NO_GRAD_GENERATE.test(q)) library = true;
    else if (!wraps) return false;
  }
  return library;
}

const EXPORTS = /(^|\.)(save|onnx\.export|jit\.trace|jit\.script|export\.export|dynamo_export)$/;

/** True when the file saves or exports the model (`torch.save(model...)`, `torch.onnx.export(model, ...)`, `model.save(...)`). */
export function isExported(file: PythonFile, variable: string): boolean {
  if (file.methodCallsOn(variable).some(({ call }) => isMethodCall(call, variable, ["save", "export", "save_pretrained"]))) return true;
  return file.calls.some(({ call }) => {
    if (call.args.length === 0) return false;
    const q = file.qualifiedCallee(call);
    if (!q || !EXPORTS.test(q) || q === `${variable}.save`) return false;
    const first = call.args[0];
    if (!first || first.kind !== "positional") return false;
    const v = first.value;
    return (v.type === "name" && v.id === variable) || (v.type === "call" && v.func.type === "attribute" && v.func.object.type === "name" && v.func.object.id === variable);
  });
}

/** True for `receiver.eval()` and `receiver.train(False)` (nn.Module.eval is `self.train(False)`, torch/nn/modules/module.py). */
export function isEvalCall(call: CallExpression): boolean {
  const f = call.func;
  if (f.type !== "attribute") return false;
  if (f.name === "eval") return call.args.length === 0;
  const arg = call.args[0];
  const off = arg !== undefined && arg.value.type === "constant" && arg.value.value === "False" && (arg.kind === "positional" || (arg.kind === "keyword" && arg.name === "mode"));
  return f.name === "train" && call.args.length === 1 && off;
}

/** True when `variable.eval()` (or `.train(False)`) is called anywhere, or a `variable = ....eval()` assignment exists. */
export function callsEval(file: PythonFile, variable: string): boolean {
  if (file.methodCallsOn(variable).some(({ call }) => isMethodCall(call, variable, ["eval"]) || (isMethodCall(call, variable, ["train"]) && call.args[0]?.value.type === "constant" && call.args[0].value.value === "False"))) {
    return true;
  }
  return file.places.some(({ statement: s }) => s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === variable) && chainCallsEval(s.value));
}

/** True when the file trains a PyTorch model anywhere (`.backward()`, or an optimizer built). */
export function hasTorchTraining(file: PythonFile): boolean {
  // A trainer from a framework (ignite's create_supervised_trainer, Lightning) calls backward itself: a file that
  // builds a torch optimizer trains, whoever calls backward.
  return file.calls.some(({ call }) => (call.func.type === "attribute" && call.func.name === "backward") || isOptimizerClass(file.qualifiedCallee(call)));
}

/** An optimizer class of an `optim` package (`torch.optim.SGD`, `timm.optim.Lamb`, `bitsandbytes.optim.Adam8bit`),
 *  not a class of its lr_scheduler or swa_utils modules. */
function isOptimizerClass(name: string | undefined): boolean {
  return name !== undefined && /(^|\.)optim\.[A-Z]\w*$/.test(name);
}

/** True when the file trains this model: its parameters go to an optimizer, or it is put in train mode, or fitted.
 *  A submodule's parameters count (`model.classifier.parameters()`, `model.fc[-1].parameters()`: fine-tuning the head
 *  of a pretrained model trains that model). */
export function isTrained(file: PythonFile, variable: string): boolean {
  if (file.methodCallsOn(variable).some(({ call }) => isMethodCall(call, variable, ["parameters", "named_parameters", "train", "fit"]))) return true;
  return file.calls.some(({ call }) => {
    if (call.func.type !== "attribute" || !["parameters", "named_parameters"].includes(call.func.name)) return false;
    let owner = call.func.object;
    if (owner.type === "name") return false; // the model itself, read above
    while (owner.type === "attribute" || owner.type === "subscript") owner = owner.object;
    return owner.type === "name" && owner.id === variable;
  });
}

/** Names that hold a module: built at a site, loaded whole, or used like one (`.load_state_dict`, `.parameters()`). */
export function moduleVariables(file: PythonFile, sites: ModelSite[]): Set<string> {
  const names = new Set(sites.map((s) => s.variable));
  const receivers = new Set(["self", "cls"]); // a module's own methods are not uses of a model
  // Optimizers, schedulers and grad scalers have state dicts too: names built by them are not modules.
  const notModules = new Set<string>();
  for (const a of assignmentsFromCalls(file)) if (/optim|scheduler|scaler/i.test(file.qualify(a.call.func) ?? "")) notModules.add(a.variable);
  for (const { call } of file.calls) {
    if (call.func.type !== "attribute" || call.func.object.type !== "name" || notModules.has(call.func.object.id) || receivers.has(call.func.object.id)) continue;
    if (["load_state_dict", "parameters", "named_parameters", "named_modules"].includes(call.func.name)) names.add(call.func.object.id);
  }
  return names;
}

/** Top-level classes of the file that subclass nn.Module (directly or through another such class). */
export function torchModuleClasses(file: PythonFile): Set<string> {
  const out = new Set<string>();
  for (const s of file.syntax.body) {
    if (s.type !== "class") continue;
    if (s.bases.some((b) => /(^|\.)nn\.Module$|^torch\.nn\.modules\.module\.Module$/.test(file.qualify(b.value) ?? "") || out.has(file.qualify(b.value) ?? ""))) out.add(s.name);
  }
  return out;
}

/**
 * Assignments that build a PyTorch model: a class or builder the analyzer reported, an nn.Module subclass of the
 * file, or a whole model loaded with torch.load. Loss modules are left out (they have no train/eval behaviour).
 */
export function torchModelSites(file: PythonFile, analysis: AnalysisResult | undefined): ModelSite[] {
  const names = torchModuleClasses(file);
  for (const m of analysis?.models ?? []) {
    const callee = entryCallee(m);
    if (callee) names.add(callee);
    const root = rootClass(m);
    if (root) names.add(root);
  }
  return assignmentsFromCalls(file).filter((a) => {
    if (a.callee === undefined || /Loss$/.test(a.callee)) return false;
    const q = file.qualify(a.call.func) ?? "";
    // torch.nn layers and containers (classes right under torch.nn), torchvision's model zoo, whole saved models.
    return names.has(a.callee) || /^torch\.nn\.[A-Z]\w*$/.test(q) || /^torchvision\.models\./.test(q) || q === "torch.load";
  });
}

/**
 * Where the file builds each reported model: an assignment calling its class or builder, or the top-level variable
 * the analyzer found it as (`model = nn.Sequential(...)`). Builders that return the model are left out: their
 * callers are where it runs.
 */
export function reportedModelSites(file: PythonFile, reports: ModelReport[]): { site: ModelSite; model: ModelReport }[] {
  const byCallee = new Map<string, ModelReport>();
  for (const m of reports) {
    const callee = entryCallee(m);
    if (callee && !byCallee.has(callee)) byCallee.set(callee, m);
  }
  const sites: { site: ModelSite; model: ModelReport }[] = [];
  for (const a of assignmentsFromCalls(file)) {
    const byCall = a.callee ? byCallee.get(a.callee) : undefined;
    const byVariable = reports.find((m) => m.entry === a.variable && m.name === a.variable && m.line === a.statement.pos.line);
    const model = byCall ?? byVariable;
    if (model && !isBuilderSite(a)) sites.push({ site: a, model });
  }
  return sites;
}

/** True when the site sits in a function that returns the model it builds (a builder such as `from_pretrained`). */
export function isBuilderSite(site: ModelSite): boolean {
  const fn = [...site.place.ancestors].reverse().find((a) => a.type === "function");
  if (!fn || fn.type !== "function") return false;
  let returns = false;
  const visit = (body: Statement[]) => {
    for (const s of body) {
      if (s.type === "return" && s.value?.type === "name" && s.value.id === site.variable) returns = true;
      if (s.type !== "function" && s.type !== "class") for (const b of childBodiesOf(s)) visit(b);
    }
  };
  visit(fn.body);
  return returns;
}

/** Calls that still set a model up after it is built (weights loaded, moved): a fix goes after the last of them. */
const SETUP_METHODS = ["load_state_dict", "load_weights", "to", "cuda", "cpu", "float", "double", "requires_grad_", "share_memory"];

/** The statement after which a model is ready: its construction, or the set-up statements right after it. */
export function readyStatement(file: PythonFile, site: ModelSite): Statement {
  let ready: Statement = site.statement;
  for (const s of site.place.body.slice(site.place.index + 1)) {
    const calls = callsIn(s, true);
    const setup = calls.some((c) => isMethodCall(c, site.variable, SETUP_METHODS));
    const used = calls.some((c) => (c.func.type === "name" && c.func.id === site.variable) || isMethodCall(c, site.variable, ["forward", "generate", "predict", "state_dict", "parameters", "modules", "named_parameters"]));
    if (used || s.type === "return") break;
    if (setup) ready = s;
  }
  return ready;
}
