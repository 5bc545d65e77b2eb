// Inputs a program feeds its models by name at top level: `model(inputs)` where `inputs` is a tensor the top level
// bound (`inputs = torch.LongTensor([...])` from the program's own data). The run computed those values; their
// shapes are examples for that model, tried before a default guessed from its first layer.
import type { Statement } from "../python/ast";
import type { InputSpec } from "../report/model-report";
import { callsInBody } from "../python/syntax-walk";
import type { InstanceValue, ModuleNamespaceValue } from "./values";

/** A model the top level calls, and the inputs it feeds it. */
export interface FedModel {
  model: InstanceValue;
  inputs: InputSpec[];
}

/**
 * Calls at top level (nested blocks included, function and class bodies not) of a name bound to a module, whose
 * arguments are all names bound to tensors, in source order.
 */
export function fedInputs(body: Statement[], namespace: ModuleNamespaceValue): FedModel[] {
  const out: FedModel[] = [];
  for (const call of callsInBody(body)) {
    if (call.func.type !== "name" || call.args.length === 0) continue;
    const model = namespace.scope.names.get(call.func.id);
    if (model?.kind !== "instance" || !model.module) continue;
    const specs: InputSpec[] = [];
    for (const a of call.args) {
      const v = a.kind === "positional" && a.value.type === "name" ? namespace.scope.names.get(a.value.id) : undefined;
      if (v?.kind !== "tensor" || v.shape.length === 0) break;
      specs.push({ shape: [...v.shape], dtype: /int|long|bool/.test(v.dtype) ? "int64" : "float32" });
    }
    if (specs.length === call.args.length) out.push({ model, inputs: specs });
  }
  return out;
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
