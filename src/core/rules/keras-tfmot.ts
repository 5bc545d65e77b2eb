// Which Keras models the TensorFlow Model Optimization toolkit can wrap. tfmot's quantize_model and
// prune_low_magnitude (tensorflow/model-optimization 0.8, quantize.py and prune.py) take a Sequential or functional
// model whose layers are built-in Keras layers: a subclassed model, a model nested as a layer (a transfer-learning
// base) or a custom layer raises unless the user annotates it (QuantizeConfig, PrunableLayer). Offering those fixes
// there would write code that fails; TFLite's post-training quantization converts any of them.
import { KERAS_LAYERS, LAYER_ALIASES } from "../keras/layers/index";
import type { ModelReport } from "../report/model-report";

const BUILT_IN = new Set([...KERAS_LAYERS.map((l) => l.name), ...Object.keys(LAYER_ALIASES), "InputLayer"]);
const WRAPPABLE_MODELS = new Set(["Sequential", "Functional"]);

/** Whether tfmot's quantize_model / prune_low_magnitude accept this model as the analyzer built it (unknown: yes). */
export function tfmotCanWrap(report: ModelReport | undefined): boolean {
  if (!report) return true;
  const root = report.layers.find((l) => l.path === "");
  if (root && !WRAPPABLE_MODELS.has(root.type)) return false;
  return report.layers.every((l) => l.path === "" || BUILT_IN.has(l.type));
}
