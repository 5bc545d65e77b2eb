// Which Keras models the TensorFlow Model Optimization toolkit can wrap (tensorflow/model-optimization 0.8).
// quantize_model (quantize.py) takes a Sequential or functional model of layers its registry knows: a subclassed
// model, a model nested as a layer (a transfer-learning base) or a custom layer raises unless annotated with a
// QuantizeConfig. prune_low_magnitude (prune.py) clones nested Sequential/functional models layer by layer, but
// raises on a subclassed model and on a custom layer that is no PrunableLayer. Offering a fix there would write code
// that fails; TFLite's post-training quantization converts any of them.
import { KERAS_LAYERS, LAYER_ALIASES } from "../keras/layers/index";
import type { ModelReport } from "../report/model-report";
import type { Expression, Statement } from "../python/ast";
import { isKerasName } from "./keras-models";
import type { ModelSite } from "./model-usage";
import type { PythonFile } from "./python-file";

const BUILT_IN = new Set([...KERAS_LAYERS.map((l) => l.name), ...Object.keys(LAYER_ALIASES), "InputLayer"]);
const GRAPH_MODELS = new Set(["Sequential", "Functional"]);

/** Whether tfmot's quantize_model (nested: false) or prune_low_magnitude (nested: true) accepts the model as the analyzer built it (no report: yes). */
export function tfmotCanWrap(report: ModelReport | undefined, nested: boolean): boolean {
  if (!report) return true;
  const root = report.layers.find((l) => l.path === "");
  if (root && !GRAPH_MODELS.has(root.type)) return false;
  return report.layers.every((l) => l.path === "" || BUILT_IN.has(l.type) || (nested && GRAPH_MODELS.has(l.type)));
}

/** Whether every layer the code puts in a Sequential site is a Keras built-in, read from the syntax: the list given
 *  to `Sequential([...])` and the `model.add(...)` calls of the same block until the name is bound again, a name
 *  (`crf = CRF(...)`; `model.add(crf)`) followed to its one assignment. The analyzer leaves out layers it could not
 *  build (keras-contrib's CRF, a package not installed): their report alone would let tfmot's fixes through. A layer
 *  that cannot be read (made elsewhere, a loop's variable) counts as not built in; with `nested`, a Keras Sequential or
 *  functional model used as a layer counts as one (prune_low_magnitude clones it). Functional models: true. */
export function syntaxLayersBuiltIn(file: PythonFile, site: ModelSite, nested: boolean): boolean {
  const v = site.variable;
  const body = site.place.body;
  let end = body.length;
  for (let i = site.place.index + 1; i < body.length; i++) {
    const s = body[i];
    if (s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === v)) {
      end = i;
      break;
    }
  }
  const block = new Set<Statement>(body.slice(site.place.index + 1, end));
  const layers: Expression[] = [];
  const first = site.call.args[0];
  if (/(^|\.)Sequential$/.test(file.qualify(site.call.func) ?? "")) {
    const list = first?.kind === "positional" ? first.value : site.call.args.find((a) => a.kind === "keyword" && a.name === "layers")?.value;
    if (list?.type === "list" || list?.type === "tuple") layers.push(...list.items);
    else if (list) return false;
  }
  for (const { call, place } of file.calls) {
    if (call.func.type !== "attribute" || call.func.name !== "add" || call.func.object.type !== "name" || call.func.object.id !== v) continue;
    if (!block.has(place.statement) && !place.ancestors.some((a) => block.has(a))) continue;
    const arg = call.args[0];
    if (!arg || arg.kind !== "positional") return false;
    layers.push(arg.value);
  }
  return layers.every((l) => isBuiltInLayer(file, l, nested));
}

function isBuiltInLayer(file: PythonFile, e: Expression, nested: boolean): boolean {
  let value: Expression | undefined = e;
  if (e.type === "name") {
    const bound = file.places.filter(({ statement: s }) => s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === e.id));
    const s = bound.length === 1 ? bound[0].statement : undefined;
    value = s?.type === "assign" ? s.value : undefined;
  }
  if (value?.type !== "call") return false;
  const q = file.qualify(value.func) ?? "";
  const name = q.slice(q.lastIndexOf(".") + 1);
  // `keras.Input(...)` in a Sequential list makes its InputLayer.
  return isKerasName(q) && (BUILT_IN.has(name) || name === "Input" || (nested && GRAPH_MODELS.has(name === "Model" ? "Functional" : name)));
}
