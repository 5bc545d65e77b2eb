// Ultralytics runs its own training loop: `YOLO("yolov8n.pt").train(data="custom.yaml", epochs=100, batch=24)` takes
// every setting as a keyword, and those left out come from its default configuration (ultralytics/cfg/default.yaml,
// 8.x: `epochs: 100`, `batch: 16`, `amp: True`; docs.ultralytics.com/modes/train/#train-settings). `batch=-1` or a
// fraction below 1 asks AutoBatch to size the batch from the GPU's memory, and `time=` (hours) overrides the epochs,
// so neither is known from the code. AMP trains in float16 autocast on a CUDA device.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, type CallExpression } from "../python/syntax-walk";

/** Whether the file imports Ultralytics. */
export function importsUltralytics(text: string): boolean {
  return /^\s*(?:from|import)\s+ultralytics\b/m.test(text);
}

/** The settings of Ultralytics' default.yaml this reading takes (ultralytics 8.x). */
export const ULTRALYTICS_DEFAULTS = { epochs: 100, batch: 16, amp: true } as const;

const SOURCE = "ultralytics/cfg/default.yaml, 8.x";

type Figure = { value: number; defaulted: boolean; detail: string };

/** Whether a `.train(...)` call is Ultralytics' model training: its `data=` (or a `cfg=` file of settings) names the
 *  dataset, which PyTorch's `module.train(mode)` never takes. */
export function isUltralyticsTrain(call: CallExpression): boolean {
  return call.func.type === "attribute" && call.func.name === "train" && call.args.every((a) => a.kind === "keyword") && (keywordArgument(call, "data") ?? keywordArgument(call, "cfg")) !== undefined;
}

/** The epochs and batch an Ultralytics `model.train(...)` runs, each undefined where the code leaves it to the
 *  machine (AutoBatch, a time budget) or to a value the analyzer cannot read. */
export function ultralyticsTrain(call: CallExpression, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): { epochs?: Figure; batch?: Figure } {
  const read = (name: "epochs" | "batch"): Figure | undefined => {
    const argument = keywordArgument(call, name);
    if (!argument) return { value: ULTRALYTICS_DEFAULTS[name], defaulted: true, detail: `Ultralytics' default ${name}=${ULTRALYTICS_DEFAULTS[name]} (${SOURCE})` };
    const value = evaluate(argument);
    return value?.kind === "int" && value.value > 0 ? { value: value.value, defaulted: false, detail: `Ultralytics' train(${name}=${snippet(argument)})` } : undefined;
  };
  // A `cfg=` file's settings replace the defaults: not read here.
  if (keywordArgument(call, "cfg")) return {};
  return { epochs: keywordArgument(call, "time") ? undefined : read("epochs"), batch: read("batch") };
}

/** Whether the call trains with AMP (float16 autocast): unless `amp=False`; undefined where `amp=` cannot be read. */
export function ultralyticsAmp(call: CallExpression, evaluate: (e: Expression) => Value | undefined): boolean | undefined {
  const argument = keywordArgument(call, "amp");
  if (!argument) return keywordArgument(call, "cfg") ? undefined : ULTRALYTICS_DEFAULTS.amp;
  const value = evaluate(argument);
  return value?.kind === "bool" ? value.value : undefined;
}
