import type { ModelReport } from "../report/model-report";
import type { ModelSite } from "./model-usage";
import type { PlacedCall, PythonFile } from "./python-file";
import { enclosingFunction } from "./run-target";
import { calleeName, isMethodCall } from "../python/syntax-walk";

// What GL001's PyTorch and Keras halves share: which layers count, how a model's are summed up, the numbers'
// wording, and the calls that mean a model is already reduced.

/** Layers whose weights int8 quantization or pruning shrinks (the analyzer's layer type names). */
export const QUANTIZABLE = /^(Linear|LazyLinear|Bilinear|Conv[123]d|LazyConv[123]d|ConvTranspose[123]d|LSTM|GRU|RNN|LSTMCell|GRUCell|RNNCell)$/;
/** The same for Keras layers (the Keras frontend's layer type names). */
export const KERAS_QUANTIZABLE = /^(Dense|EinsumDense|Conv[123]D|Conv[123]DTranspose|DepthwiseConv[12]D|SeparableConv[12]D|LSTM|GRU|SimpleRNN)$/;

/**
 * True for a model the Keras frontend built: made by a Keras constructor (`atKerasSite`) or holding a layer type only
 * Keras has (Dense, Conv2D), and holding none only PyTorch has. LSTM, GRU and Embedding are both frameworks' names,
 * so they alone do not make a model a PyTorch one.
 */
export function isKerasBuilt(model: ModelReport, atKerasSite: boolean): boolean {
  const leaves = model.layers.filter((l) => l.leaf);
  const only = (mine: RegExp, theirs: RegExp) => leaves.some((l) => mine.test(l.type) && !theirs.test(l.type));
  return (atKerasSite || only(KERAS_QUANTIZABLE, QUANTIZABLE)) && !only(QUANTIZABLE, KERAS_QUANTIZABLE);
}

/** Calls that mean a model is already quantized, pruned or converted. */
export const REDUCING_CALLS = new Set([
  "quantize_dynamic", "quantize_", "quantize", "prepare", "prepare_fx", "prepare_qat", "prepare_qat_fx", "convert", "convert_fx",
  "global_unstructured", "l1_unstructured", "ln_structured", "random_unstructured", "random_structured",
  "quantize_model", "quantize_apply", "prune_low_magnitude", "from_keras_model", "half", "bfloat16",
]);
/** Prefixes of the helpers GL001's fixes add (`quantized_Net(model)`), by the fix kind that adds them. */
export const HELPER_KINDS: Record<string, string> = {
  quantized: "dynamic-int8",
  int8_weight_only: "weight-only-int8",
  int4_weight_only: "weight-only-int4",
  autocast_bf16: "autocast-bf16",
  channels_last_bf16: "channels-last-bf16",
  pruned: "prune-l1",
  quantization_aware: "keras-quantize",
  tflite_int8: "tflite-int8",
};
export const HELPER_PREFIXES = Object.keys(HELPER_KINDS);

/** A model's layers of the kinds that count: their types, weights, and share of the FLOPs. */
export interface Summary {
  types: Set<string>;
  weights: number;
  flopShare: number | undefined;
}

/** Sums up a model's layers of the given kinds. */
export function summarize(model: ModelReport, kinds: RegExp = QUANTIZABLE): Summary {
  const layers = model.layers.filter((l) => l.leaf && kinds.test(l.type));
  return { types: new Set(layers.map((l) => l.type)), weights: layers.reduce((sum, l) => sum + l.params, 0), flopShare: flopShare(model, layers) };
}

/** The layers of some types in a model (leaves): how many, their weights, their share of the FLOPs. */
export function layersOf(model: ModelReport, types: Iterable<string>): { count: number; weights: number; flopShare: number | undefined } {
  const wanted = new Set(types);
  const layers = model.layers.filter((l) => l.leaf && wanted.has(l.type));
  return { count: layers.length, weights: layers.reduce((sum, l) => sum + l.params, 0), flopShare: flopShare(model, layers) };
}

function flopShare(model: ModelReport, layers: { flops: number }[]): number | undefined {
  return model.flops > 0 ? layers.reduce((sum, l) => sum + l.flops, 0) / model.flops : undefined;
}

/** "12% of its FLOPs", or "12% of the FLOPs counted (a partial count)" when the analyzer could not count them all;
 *  `again`: a message that already said the count is partial says "of the FLOPs counted" alone. */
export function shareText(model: ModelReport, share: number | undefined, again = false): string {
  if (share === undefined) return "";
  const percent = `${(share * 100).toFixed(share > 0.999 || (share < 0.01 && share > 0) ? 1 : 0)}%`;
  if (model.complete) return `${percent} of its FLOPs`;
  return again ? `${percent} of the FLOPs counted` : `${percent} of the FLOPs counted (a partial count: ${model.unresolved.length} part${model.unresolved.length === 1 ? "" : "s"} unresolved)`;
}

// Bytes and joules in the one formatter every surface uses (src/core/report/format.ts).
export { formatBytes, formatEnergy as formatJoules } from "../report/format";

/** The calls of a model variable that count within its scope: from its site to the next assignment of the name. */
export function inSiteScope(file: PythonFile, site: ModelSite): (c: PlacedCall) => boolean {
  const variable = site.variable;
  // The same name in another function is another model (two builders that both say `model = ...`), and so is
  // the same name assigned again later: a call counts up to the end of the next assignment of the name. An
  // assignment that reads the name (`model = model.cuda()`, `model = quantize_dynamic(model, ...)`) keeps the model.
  const scope = enclosingFunction(site.place);
  const start = site.statement.pos.endIndex;
  const word = new RegExp(`\\b${variable}\\b`);
  const next = file.places.find(
    (p) =>
      p.statement.pos.startIndex >= start &&
      enclosingFunction(p) === scope &&
      p.statement.type === "assign" &&
      p.statement.targets.some((t) => t.type === "name" && t.id === variable) &&
      !word.test(file.text(p.statement.value.pos)),
  );
  const end = next ? next.statement.pos.endIndex : Infinity;
  return (c) => enclosingFunction(c.place) === scope && c.call.pos.startIndex >= start && c.call.pos.startIndex <= end;
}

/** Reducing calls (quantize/prune/convert APIs, Greenlight helpers) in a site's scope that take the model. */
export function reducingCallsOn(file: PythonFile, site: ModelSite): PlacedCall[] {
  const inScope = inSiteScope(file, site);
  const word = new RegExp(`\\b${site.variable}\\b`);
  return reducingCalls(file).filter((c) => inScope(c) && c.call.args.some((a) => word.test(file.text(a.value.pos))));
}

/** True when the file already quantizes, prunes or halves this variable, or calls a Greenlight helper on it. */
export function isReduced(file: PythonFile, site: ModelSite): boolean {
  const inScope = inSiteScope(file, site);
  if (file.methodCallsOn(site.variable).some((c) => inScope(c) && isMethodCall(c.call, site.variable, ["half", "bfloat16"]))) return true;
  return reducingCallsOn(file, site).length > 0;
}

const reducingCallsOf = new WeakMap<PythonFile, PlacedCall[]>();

/** Calls of quantize/prune/convert APIs or Greenlight helpers in the file (found once per file). */
export function reducingCalls(file: PythonFile): PlacedCall[] {
  let calls = reducingCallsOf.get(file);
  if (!calls) {
    calls = file.calls.filter(({ call }) => {
      const name = calleeName(call);
      return name !== undefined && (REDUCING_CALLS.has(name) || HELPER_PREFIXES.some((p) => name.startsWith(`${p}_`)));
    });
    reducingCallsOf.set(file, calls);
  }
  return calls;
}

/** The fix kinds of the Greenlight helpers the file defines for this name (`quantized_Net` → dynamic-int8). */
export function helperKinds(file: PythonFile, name: string): Set<string> {
  const kinds = new Set<string>();
  for (const { statement: s } of file.places) {
    if (s.type !== "function") continue;
    for (const [prefix, kind] of Object.entries(HELPER_KINDS)) if (s.name === `${prefix}_${name}`) kinds.add(kind);
  }
  return kinds;
}

/** True when the file defines a Greenlight helper for this name (`quantized_Net`). */
export function hasHelper(file: PythonFile, name: string): boolean {
  return helperKinds(file, name).size > 0;
}

/** True when the file defines a Greenlight helper for this class or reduces a model of it outside the helpers. */
export function hasHelperOrReduction(file: PythonFile, className: string): boolean {
  if (hasHelper(file, className)) return true;
  // A reduction of this class's model outside the Greenlight helpers (whose calls name `model`, not the class).
  const word = new RegExp(`\\b${className}\\b`);
  return reducingCalls(file).some(({ call }) => call.args.some((a) => word.test(file.text(a.value.pos))));
}
