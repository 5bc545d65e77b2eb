// Default inputs of a model built without an example: one input per tensor argument of its forward, each from the
// module that first reads it (forward(self, x, y) with self.a = Linear(16, ..) on x and self.b = Linear(32, ..) on y
// reads 1x16 and 1x32), instead of one input from the model's first layer and None for the rest.
import type { FunctionDefinition } from "../python/ast";
import type { InputSpec } from "../report/model-report";
import type { InstanceValue } from "./values";
import { argumentConsumers } from "./argument-consumers";
import { defaultInputs } from "./input-discovery";

/**
 * Candidate inputs for a model, most likely first (see defaultInputs). For a forward of two or more required
 * arguments the first candidate gives each its own input; an argument no module reads directly (a mask, positions
 * used with another input) gets the first argument's shape.
 */
export function defaultInputsPerArgument(model: InstanceValue): InputSpec[][] {
  const candidates = defaultInputs(model);
  const forward = forwardDefinition(model);
  const consumers = forward ? argumentConsumers(forward) : [];
  if (consumers.length < 2) return candidates;
  const own = consumers.map((c) => (c.attribute ? firstInputOf(model, c.attribute) : undefined));
  const first = own[0] ?? candidates[0]?.[0];
  if (!first) return candidates;
  return [consumers.map((_, i) => own[i] ?? first), ...candidates];
}

/** The forward a model's class defines or inherits, when written in Python. */
function forwardDefinition(model: InstanceValue): FunctionDefinition | undefined {
  for (const cls of model.cls.mro) {
    const fn = cls.attributes.get("forward");
    if (fn?.kind === "function" && fn.definition.type === "function") return fn.definition;
  }
  return undefined;
}

/** The default input of the submodule held by an attribute (its first candidate's first input). */
function firstInputOf(model: InstanceValue, attribute: string): InputSpec | undefined {
  const sub = model.module?.children.get(attribute) ?? model.attributes.get(attribute);
  return sub?.kind === "instance" && sub.module ? defaultInputs(sub)[0]?.[0] : undefined;
}
