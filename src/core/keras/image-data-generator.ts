// Keras' ImageDataGenerator (keras.io/2.15/api/data_loading/image; Keras 2.x keras_preprocessing/image). Its own fit,
// `datagen.fit(x_train)`, computes the statistics featurewise_center, featurewise_std_normalization and zca_whitening
// need (ImageDataGenerator.fit(x, augment=False, rounds=1, seed=None)): it trains no model, so it is no Model.fit of the
// run, and read as one its missing epochs were fit's default 1. Its flow(x, y, batch_size, ..., subset) walks x's
// rows once an epoch; with subset='training' or 'validation' it keeps the part of x its generator's validation_split
// gives that subset (NumpyArrayIterator: split_idx = int(len(x) * validation_split); validation x[:split_idx],
// training x[split_idx:]).
import type { Expression, Statement } from "../python/ast";
import { importedPath } from "../python/import-origin";
import { dottedName, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { leadingDimension } from "../interp/value-figures";
import type { Value } from "../interp/values";
import type { CodeSite } from "../training/code-sites";
import { receiverCall } from "./sklearn-wrapper";

type CallSite = Extract<CodeSite, { kind: "call" }>;
type Call = Extract<Expression, { type: "call" }>;

const KERAS_IMAGE_GENERATOR = /^(keras|tf_keras|tensorflow\.keras|tensorflow\.python\.keras|keras_preprocessing)(\.[\w.]+)?\.ImageDataGenerator$/;

/** Whether a call builds Keras' ImageDataGenerator: by its import, or by that class's name where the file neither
 *  imports nor defines it (the run stops there, and the call is still no model's). */
function buildsImageGenerator(built: Call | undefined, body: Statement[]): boolean {
  const callee = built ? dottedName(built.func) : undefined;
  if (!callee || callee.split(".").pop() !== "ImageDataGenerator") return false;
  const path = importedPath(callee, body);
  if (path !== undefined) return KERAS_IMAGE_GENERATOR.test(path);
  return !callee.includes(".") && !body.some((s) => (s.type === "class" || s.type === "function") && s.name === callee);
}

/** Whether a `.fit(...)` is an ImageDataGenerator's statistics fit, not a model's. */
export function imageGeneratorFit(site: CallSite, sites: readonly CodeSite[], body: Statement[]): boolean {
  return buildsImageGenerator(receiverCall(site, sites), body);
}

/** The rows an epoch of `gen.flow(x, ...)` walks, given to a fit: x's rows, or the part its subset keeps. */
export function imageFlowRows(flow: Call, sites: readonly CodeSite[], body: Statement[], evaluate: (e: Expression) => Value | undefined): { value: number; subset?: string; split?: number } | undefined {
  if (flow.func.type !== "attribute" || flow.func.name !== "flow") return undefined;
  const site = sites.find((s): s is CallSite => s.kind === "call" && s.call === flow);
  const generator = site ? receiverCall(site, sites) : undefined;
  if (!generator || !buildsImageGenerator(generator, body)) return undefined;
  const x = positionalArgument(flow, 0) ?? keywordArgument(flow, "x");
  const rows = x ? leadingDimension(evaluate(x)) : undefined;
  if (rows === undefined) return undefined;
  const subsetArgument = keywordArgument(flow, "subset");
  if (!subsetArgument) return { value: rows };
  const subset = evaluate(subsetArgument);
  if (subset?.kind === "none") return { value: rows };
  if (subset?.kind !== "str" || (subset.value !== "training" && subset.value !== "validation")) return undefined;
  // validation_split defaults to 0.0: then the training subset is every row.
  const given = splitOf(generator, evaluate);
  const split = given === "default" ? 0 : given?.kind === "float" || given?.kind === "int" ? given.value : undefined;
  if (split === undefined || split < 0 || split >= 1) return undefined;
  const held = Math.floor(rows * split);
  return { value: subset.value === "validation" ? held : rows - held, subset: subset.value, split };
}

/** The validation_split of the ImageDataGenerator a `flow`/`flow_from_directory` call is made on (the call itself,
 *  `ImageDataGenerator(...).flow_from_directory(...)`, or the binding of its receiver), or undefined. */
export function generatorValidationSplit(site: CallSite, sites: readonly CodeSite[], body: Statement[], evaluate: (e: Expression) => Value | undefined): Value | undefined {
  const generator = receiverCall(site, sites);
  if (!generator || !buildsImageGenerator(generator, body)) return undefined;
  const given = splitOf(generator, evaluate);
  return given === "default" ? undefined : given;
}

/** The generator's validation_split argument, evaluated; "default" where it is not given. */
function splitOf(generator: Call, evaluate: (e: Expression) => Value | undefined): Value | "default" | undefined {
  const argument = keywordArgument(generator, "validation_split");
  return argument ? evaluate(argument) : "default";
}
