// Default inputs of a model built without an example: one input per tensor argument of its forward, each from the
// module that first reads it (forward(self, x, y) with self.a = Linear(16, ..) on x and self.b = Linear(32, ..) on y
// reads 1x16 and 1x32), instead of one input from the model's first layer and None for the rest.
import type { FunctionDefinition } from "../python/ast";
import type { InputSpec } from "../report/model-report";
import type { InstanceValue } from "./values";
import { argumentConsumers } from "./argument-consumers";
import { concatenatedArgumentWidths } from "./concatenated-arguments";
import { defaultInputs } from "./input-discovery";
import { namedModules } from "../torch/module-tree";

/**
 * Candidate inputs for a model, most likely first (see defaultInputs); the forward pass tries them in turn. For a
 * forward of two or more required arguments, the first candidates give each argument an input of its own: the input
 * of the layer that reads it; else, for one a module of the model's own reads (a timestep through a sinusoidal
 * embedding, a class label), one value per sample; for one no module reads directly (a mask), the first argument's
 * shape. Later candidates try the other of those two readings.
 */
export function defaultInputsPerArgument(model: InstanceValue, dataSides: [number, number][] = []): InputSpec[][] {
  const candidates = defaultInputs(model, dataSides);
  const forward = forwardDefinition(model);
  const consumers = forward ? argumentConsumers(forward) : [];
  if (consumers.length === 1) return readByFirstConsumer(model, consumers[0].attributes, candidates);
  if (consumers.length < 2) return candidates;
  // An argument a Linear reads only concatenated with others has its own part of that Linear's width.
  const joined = concatenatedArgumentWidths(model, forward!);
  const own = consumers.map((c, i): InputSpec | undefined => (joined.has(i) ? { shape: [1, joined.get(i)!], dtype: "float32" } : firstInputOf(model, c.attributes)));
  const first = own[0] ?? candidates[0]?.[0];
  if (!first) return candidates;
  const likeFirst: InputSpec = { shape: [...first.shape], dtype: first.dtype };
  const alternatives = consumers.map((c, i): InputSpec[] => {
    if (i === 0) return [first];
    const perSample: InputSpec = { shape: [first.shape[0] ?? 1], dtype: own[i]?.dtype ?? "float32" };
    if (own[i]) return [own[i]!, perSample, likeFirst];
    return c.attribute ? [perSample, likeFirst] : [likeFirst, perSample];
  });
  const out: InputSpec[][] = [];
  const seen = new Set<string>();
  for (let k = 0; k < 3; k++) {
    const attempt = alternatives.map((a) => a[Math.min(k, a.length - 1)]);
    const key = JSON.stringify(attempt);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(attempt);
    }
  }
  return [...out, ...candidates];
}

/**
 * A one-argument forward whose argument first reaches a module other than the first one registered (VDSR registers
 * its 64-channel residual blocks before the 1-channel `self.input` conv that forward applies to x): the candidates
 * with the channels (dimension 1) that module reads come first, each candidate's other dimensions kept.
 */
function readByFirstConsumer(model: InstanceValue, attributes: readonly string[], candidates: InputSpec[][]): InputSpec[][] {
  const read = firstInputOf(model, attributes);
  // Dimension 1 is channels or features for float inputs; for token ids (int64) it is the sequence's length.
  if (!read || read.shape.length < 2 || !read.dtype.startsWith("float")) return candidates;
  const adjusted = candidates.flatMap((c): InputSpec[][] => {
    const [only] = c;
    if (c.length !== 1 || only.shape.length !== read.shape.length || only.shape[1] === read.shape[1] || only.dtype !== read.dtype) return [];
    return [[{ shape: [only.shape[0], read.shape[1], ...only.shape.slice(2)], dtype: only.dtype }]];
  });
  return adjusted.length > 0 ? [...adjusted, ...candidates] : candidates;
}

/** The forward a model's class defines or inherits, when written in Python. */
function forwardDefinition(model: InstanceValue): FunctionDefinition | undefined {
  for (const cls of model.cls.mro) {
    const fn = cls.attributes.get("forward");
    if (fn?.kind === "function" && fn.definition.type === "function") return fn.definition;
  }
  return undefined;
}

/**
 * The default input of the first of `attributes` that holds a built submodule: a block of the model's own code with a
 * one-argument forward reads what the module its forward first hands the argument to reads (RepVGG's block, whose
 * post-SE and activation are registered before the 3-channel conv it applies first), else its first candidate's first
 * input; undefined when a module of the model's own code with no submodules runs before any catalogue layer (a
 * sinusoidal embedding): what it reads is its own code's business, not its first layer's.
 */
function firstInputOf(model: InstanceValue, attributes: readonly string[], depth = 0): InputSpec | undefined {
  for (const attribute of attributes) {
    const sub = model.module?.children.get(attribute) ?? model.attributes.get(attribute);
    if (sub?.kind === "instance" && sub.module) return inputOfPart(sub, depth);
  }
  return undefined;
}

/** What a submodule reads first (see firstInputOf). */
function inputOfPart(sub: InstanceValue, depth: number): InputSpec | undefined {
  const forward = sub.cls.layer ?? sub.cls.mro.find((c) => c.layer) ? undefined : forwardDefinition(sub);
  const consumers = forward && depth < 4 ? argumentConsumers(forward) : [];
  const inner = consumers.length === 1 ? firstInputOf(sub, consumers[0].attributes, depth + 1) : undefined;
  if (inner) return inner;
  for (const [, m] of namedModules(sub)) {
    if (m.cls.layer ?? m.cls.mro.find((c) => c.layer)) break;
    if (m.module!.children.size === 0) return undefined;
  }
  return defaultInputs(sub)[0]?.[0];
}
