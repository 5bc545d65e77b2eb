// Which Keras models the TensorFlow Model Optimization toolkit can wrap (tensorflow/model-optimization 0.8).
// quantize_model (quantize.py) takes a Sequential or functional model of layers its registry knows: a subclassed
// model, a model nested as a layer (a transfer-learning base) or a custom layer raises unless annotated with a
// QuantizeConfig. prune_low_magnitude (prune.py) clones nested Sequential/functional models layer by layer, but
// raises on a subclassed model and on a custom layer that is no PrunableLayer. Offering a fix there would write code
// that fails; TFLite's post-training quantization converts any of them.
import { KERAS_LAYERS, LAYER_ALIASES } from "../keras/layers/index";
import type { ModelReport } from "../report/model-report";

const BUILT_IN = new Set([...KERAS_LAYERS.map((l) => l.name), ...Object.keys(LAYER_ALIASES), "InputLayer"]);
const GRAPH_MODELS = new Set(["Sequential", "Functional"]);

/** Whether tfmot's quantize_model (nested: false) or prune_low_magnitude (nested: true) accepts the model as the analyzer built it (no report: yes). */
export function tfmotCanWrap(report: ModelReport | undefined, nested: boolean): boolean {
  if (!report) return true;
  const root = report.layers.find((l) => l.path === "");
  if (root && !GRAPH_MODELS.has(root.type)) return false;
  return report.layers.every((l) => l.path === "" || BUILT_IN.has(l.type) || (nested && GRAPH_MODELS.has(l.type)));
}
