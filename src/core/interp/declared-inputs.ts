// The input shapes a model declares itself, which the analyzer uses when no CLI shape or pragma is given: a Keras
// model's (Input(shape=...), input_shape= on its first layer, build((None, ...)), or the first call), and a network a
// library stand-in builds for data it knows (Stable-Baselines3's policy, for the environment's observation).
import type { ClassValue, InstanceValue } from "./values";
import type { InputSpec } from "../report/model-report";

const declared = new WeakMap<InstanceValue, InputSpec[]>();
// A subclassed model's class learns its inputs from any of its objects (`model = MyModel(); model(x)`), so the
// class itself, built afresh by model discovery, gets them too.
const declaredByClass = new WeakMap<ClassValue, InputSpec[]>();

/** Records the inputs a model declares (the first declaration wins unless replace is set). */
export function declareInputs(model: InstanceValue, inputs: InputSpec[], replace = false): void {
  if (replace || !declared.has(model)) declared.set(model, inputs);
  // Only classes written in the analyzed code: native ones (Functional, Sequential) are shared by every model.
  if (model.cls.location && (replace || !declaredByClass.has(model.cls))) declaredByClass.set(model.cls, inputs);
}

/** The inputs a model declared, if any (Keras models, library stand-ins' networks; other PyTorch modules declare none). */
export function declaredInputs(model: InstanceValue): InputSpec[] | undefined {
  return declared.get(model) ?? declaredByClass.get(model.cls);
}

/**
 * The inputs a subclassed model's first declaring part reads, when the model declares none itself: Keras builds a
 * subclass on its first call, so `VGG16(input_shape)` whose `call` runs an inner `Sequential` with
 * `Conv2D(..., input_shape=input_shape)` says what it reads only through that part. Tried before the defaults; a
 * model whose call feeds the part something else fails the attempt and the next one runs.
 */
export function declaredInputsOfParts(model: InstanceValue): InputSpec[] | undefined {
  const seen = new Set<number>([model.id]);
  const visit = (m: InstanceValue): InputSpec[] | undefined => {
    for (const child of m.module?.children.values() ?? []) {
      if (child.kind !== "instance" || !child.module || seen.has(child.id)) continue;
      seen.add(child.id);
      const found = declared.get(child) ?? visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(model);
}
