// Inputs a program feeds its models by name at top level: `model(inputs)` where `inputs` is a tensor the top level
// bound (`inputs = torch.LongTensor([...])` from the program's own data). The run computed those values; their
// shapes are examples for that model, tried before a default guessed from its first layer.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { InputSpec } from "../report/model-report";
import { callsInBody, forEachExpression, forEachStatement, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { lookupClassAttribute } from "./classes";
import { loopInvariantBinding } from "./loop-fed-inputs";
import type { InstanceValue, ModuleNamespaceValue, Value } from "./values";

/** A model the top level calls, and the inputs it feeds it. */
export interface FedModel {
  model: InstanceValue;
  inputs: InputSpec[];
}

/**
 * Calls at top level (nested blocks included, function and class bodies not) of a name bound to a module, whose
 * arguments are all names bound to tensors, in source order; and calls of the module's own methods that run its
 * forward on their arguments (`net.fit(x, y)` whose body calls `self(x_data)`), with the tensors those arguments hold.
 */
export function fedInputs(body: Statement[], namespace: ModuleNamespaceValue, evaluate?: (e: Expression) => Value | undefined): FedModel[] {
  const out: FedModel[] = [];
  const spec = (v: Value | undefined): InputSpec | undefined =>
    v?.kind === "tensor" && v.shape.length > 0 ? { shape: [...v.shape], dtype: /int|long|bool/.test(v.dtype) ? "int64" : "float32" } : undefined;
  const tensorAt = (e: Expression | undefined): InputSpec | undefined => spec(e?.type === "name" ? namespace.scope.names.get(e.id) : undefined);
  // A name a loop the run skipped binds, to a value the same on each pass (loop-fed-inputs.ts).
  const loopTensorAt = (call: CallExpression, e: Expression): InputSpec | undefined => {
    if (!evaluate || e.type !== "name") return undefined;
    const binding = loopInvariantBinding(body, call, e.id);
    return binding ? spec(evaluate(binding)) : undefined;
  };
  for (const call of callsInBody(body)) {
    if (call.args.length === 0) continue;
    if (call.func.type === "attribute" && call.func.object.type === "name") {
      // `net.fit(x, y)` of the model's own method whose body calls `self(inputs)` on what the call passes.
      const model = namespace.scope.names.get(call.func.object.id);
      if (model?.kind !== "instance" || !model.module) continue;
      // Only a method this file defines: library methods (`model.to(device)`, `load_state_dict`) run no forward on
      // their arguments, and reading their bodies would lower them on every keystroke.
      const method = lookupClassAttribute(model.cls, call.func.name);
      if (method?.kind !== "function" || method.definition.type !== "function" || method.module.file !== namespace.file) continue;
      const passed = selfCallParameters(method.definition);
      const specs = passed?.map((p) => tensorAt(argumentFor(method.definition as FunctionDefinition, call, p)));
      if (specs && specs.length > 0 && specs.every((x) => x !== undefined)) out.push({ model, inputs: specs as InputSpec[] });
      continue;
    }
    if (call.func.type !== "name") continue;
    const model = namespace.scope.names.get(call.func.id);
    if (model?.kind !== "instance" || !model.module) continue;
    const specs: InputSpec[] = [];
    for (const a of call.args) {
      const fed = a.kind === "positional" ? tensorAt(a.value) ?? loopTensorAt(call, a.value) : undefined;
      if (!fed) break;
      specs.push(fed);
    }
    if (specs.length === call.args.length) out.push({ model, inputs: specs });
  }
  return out;
}

/** The parameters (after self) a method hands its module's own forward, in order: `self(x)` or `self.forward(x)` on a
 *  parameter, or on a name the method binds to one (`inputs, labels = x_data, y_data`); undefined when its first such
 *  call passes anything else. */
function selfCallParameters(fn: FunctionDefinition): string[] | undefined {
  const params = new Set(fn.params.slice(1).map((p) => p.name));
  const alias = new Map<string, string>();
  const bind = (target: Expression, value: Expression) => {
    if (target.type === "name" && value.type === "name" && params.has(value.id)) alias.set(target.id, value.id);
    else if ((target.type === "tuple" || target.type === "list") && (value.type === "tuple" || value.type === "list") && target.items.length === value.items.length) target.items.forEach((t, i) => bind(t, value.items[i]));
  };
  let call: CallExpression | undefined;
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.length === 1) bind(s.targets[0], s.value);
    if (call) return;
    const own = s.type === "assign" ? [s.value] : s.type === "expression" ? [s.value] : s.type === "return" && s.value ? [s.value] : [];
    for (const e of own) forEachExpression(e, (node) => {
      if (call || node.type !== "call") return;
      const f = node.func;
      if ((f.type === "name" && f.id === "self") || (f.type === "attribute" && f.name === "forward" && f.object.type === "name" && f.object.id === "self")) call = node;
    });
  }, [], () => false);
  if (!call || call.args.length === 0 || call.args.some((a) => a.kind !== "positional" || a.value.type !== "name")) return undefined;
  const names = call.args.map((a) => (a.kind === "positional" && a.value.type === "name" ? a.value.id : ""));
  const resolved = names.map((n) => (params.has(n) ? n : alias.get(n)));
  return resolved.every((n): n is string => n !== undefined) ? resolved : undefined;
}

/** What a call of a method passes for one of its parameters (self skipped), by position or keyword. */
function argumentFor(fn: FunctionDefinition, call: CallExpression, parameter: string): Expression | undefined {
  const index = fn.params.findIndex((p) => p.name === parameter) - 1;
  return keywordArgument(call, parameter) ?? (index >= 0 ? positionalArgument(call, index) : undefined);
}

/**
 * The inputs fed to this model, else to another model of its class (the analyzer builds a class afresh; the
 * program's own instance is another object), each once.
 */
export function inputsFedTo(fed: FedModel[], model: InstanceValue): InputSpec[][] {
  const own = fed.filter((f) => f.model === model);
  const chosen = own.length > 0 ? own : fed.filter((f) => f.model.cls === model.cls);
  const seen = new Set<string>();
  return chosen.map((f) => f.inputs).filter((i) => !seen.has(JSON.stringify(i)) && !!seen.add(JSON.stringify(i)));
}
