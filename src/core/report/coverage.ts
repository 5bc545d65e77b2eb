// How much of a model's cost was computed from known shapes. A partial report must say how partial it is: the share
// of its layers that ran with known shapes, and the share of FLOPs those account for against an estimate of the rest.
import type { ModuleTally } from "../interp/recorder";
import type { InstanceValue } from "../interp/values";
import { numel } from "../interp/construct";
import type { Coverage } from "./model-report";


/**
 * Layer kinds whose FLOPs torch.utils.flop_counter counts (matmuls and convolutions); others count 0 there, so a
 * missing call of theirs loses nothing.
 */
const COUNTED = /^(Conv(Transpose)?[123]d|LazyConv(Transpose)?[123]d|Linear|LazyLinear|Bilinear|RNN|LSTM|GRU|RNNCell|LSTMCell|GRUCell|MultiheadAttention)$/;

/**
 * A layer's FLOPs when its input shape is unknown, from the last shape forward knew: 2 multiply-adds per weight per
 * output position (the flop_counter convention), positions = elements / channels of that shape (channels first for
 * convolutions, last for the rest). An estimate: strides and sequence changes since that shape are not known.
 */
export function estimateFlops(type: string, weights: number, shape: number[] | undefined, modelInput?: number[]): number {
  if (!COUNTED.test(type)) return 0;
  // A convolution needs channels and positions: a last known shape without spatial dims (a (batch, 9) transform
  // before a Conv1d) says nothing of them, so the model's own input stands in (at most its positions, as a rule).
  if (type.includes("Conv") && (!shape || shape.length < 3) && modelInput && modelInput.length >= 3) shape = modelInput;
  if (!shape || shape.length === 0) return 0;
  const channels = type.includes("Conv") && shape.length >= 3 ? shape[1] : shape[shape.length - 1];
  if (!channels) return 0;
  return 2 * weights * (numel(shape) / channels);
}

/** Elements of a module's own weight matrices and kernels (parameters of two or more dims; biases and norms excluded). */
function ownWeights(m: InstanceValue): number {
  let n = 0;
  for (const p of m.module!.parameters.values()) if (p.kind === "tensor" && p.shape.length >= 2) n += numel(p.shape);
  return n;
}

/** True when a module holds parameters of its own. */
function hasParameters(m: InstanceValue): boolean {
  return [...m.module!.parameters.values()].some((p) => p.kind === "tensor");
}

/**
 * Coverage of one forward run. `stopped` says the forward pass ended early or guessed a branch: leaf layers it never
 * reached then count as unknown (estimated from the last known shape) rather than as unused.
 */
export function computeCoverage(
  modules: [string, InstanceValue][], tallies: Map<number, ModuleTally>, flopsKnown: number, stopped: boolean, lastShape: number[] | undefined, modelInput?: number[],
): Coverage {
  let layersKnown = 0;
  let layersTotal = 0;
  let missing = 0;
  for (const [, m] of modules) {
    const leaf = [...m.module!.children.values()].every((c) => c.kind !== "instance");
    if (!leaf || !hasParameters(m)) continue;
    const weights = ownWeights(m);
    const t = tallies.get(m.id);
    const calls = t?.calls ?? 0;
    const unknownCalls = t?.unknownCalls ?? 0;
    if (calls === 0 && unknownCalls === 0 && !stopped) continue; // not used by this forward
    layersTotal++;
    if (calls > 0 && unknownCalls === 0) layersKnown++;
    const type = m.cls.mro.find((c) => c.layer)?.layer?.name ?? m.cls.name; // subclasses of nn layers cost as their base
    if (unknownCalls > 0) missing += unknownCalls * estimateFlops(type, weights, t?.shapeBeforeUnknown, modelInput);
    else if (calls === 0) missing += estimateFlops(type, weights, lastShape, modelInput);
  }
  const total = flopsKnown + missing;
  let flopsShare = total > 0 ? flopsKnown / total : layersTotal > 0 ? layersKnown / layersTotal : 1;
  // A layer whose class was unknown was never built: no weights to estimate it from, so the share is an upper bound.
  let partsUnknown = 0;
  for (const [, m] of modules) {
    for (const v of m.attributes.values()) if (v.kind === "unknown") partsUnknown++;
    // A container's entry that was never built (a Sequential's Linear of an unknown width).
    for (const v of m.module!.children.values()) if ((v as { kind: string }).kind === "unknown") partsUnknown++;
  }
  // Nothing computed and parts never built: no share of the FLOPs is known (not "at most 99%").
  if (partsUnknown > 0 && flopsKnown === 0) flopsShare = 0;
  return { layersKnown, layersTotal, flopsKnown, flopsEstimatedMissing: missing, flopsShare, ...(partsUnknown ? { partsUnknown } : {}) };
}

/** Whole percent, rounded down so that a partial share never reads 100%. */
function percent(share: number): number {
  return Math.min(Math.floor(share * 100), share < 1 ? 99 : 100);
}

/** How partial a report is, in words: "partial: 63% of FLOPs (estimated) from known shapes, 40/52 layers, 3 gaps". */
export function partialStatus(coverage: Coverage, gaps: number): string {
  const layers = coverage.layersTotal > 0 ? `, ${coverage.layersKnown}/${coverage.layersTotal} layers` : "";
  const bound = coverage.partsUnknown ? "at most " : "";
  const unbuilt = coverage.partsUnknown ? `, ${coverage.partsUnknown} module attribute${coverage.partsUnknown === 1 ? "" : "s"} unknown` : "";
  const shown = coverage.partsUnknown ? Math.min(percent(coverage.flopsShare), 99) : percent(coverage.flopsShare);
  return `partial: ${bound}${shown}% of FLOPs from known shapes (estimated)${layers}${unbuilt}, ${gaps} gap${gaps === 1 ? "" : "s"}`;
}
