import type { ModelReport, CodePrecision } from "../report/model-report";
import { inferenceCalls, reportedModelSites } from "./model-usage";
import type { PythonFile } from "./python-file";
import type { TrainingPlan } from "../training/training-plan";
import { runTargetOf } from "./run-target";
import { kerasFloat64Before } from "./keras-floatx";

// The precision a script runs its models at, as the rules read it (run-target.ts), handed to the model reports so
// that every figure (lens, hover, report, CLI) is of the model as the script runs it: a forward under
// `with torch.autocast(...)`, or a `.half()` in a function the analyzer did not run.

/**
 * Sets `codePrecision` on each of the file's models that every site building it runs at one 16-bit precision the
 * analysis did not already see in its weights (autocast always counts: its weights stay fp32). The training plan's
 * autocast, whose dtype the interpreter evaluated with the run's values, names the 16-bit type where both read one.
 */
export function readCodePrecision(file: PythonFile, models: ModelReport[], plan?: Pick<TrainingPlan, "precision">): void {
  const found = new Map<ModelReport, (CodePrecision | undefined)[]>();
  for (const { site, model } of reportedModelSites(file, models.filter((m) => m.file === file.path))) {
    const target = runTargetOf(file, site.variable, site, inferenceCalls(file, site.variable));
    const precision = target.precision === "fp32" ? undefined : target.precision;
    const seen: CodePrecision | undefined = precision && { precision, autocast: target.autocast, line: target.precisionLine ?? site.statement.pos.line };
    // A Keras model built after set_floatx("float64"): its weights are float64 (keras-floatx.ts).
    const float64At = !precision && !model.weightsPrecision ? kerasFloat64Before(file, site) : undefined;
    if (float64At !== undefined) model.weightsPrecision = "fp64";
    found.set(model, [...(found.get(model) ?? []), seen]);
  }
  for (const [model, all] of found) {
    // Autocast leaves a float64 model as it is (pytorch.org/docs/stable/amp.html, "Op Eligibility": ops that run in
    // float64 are not eligible and run in float64 whether or not autocast is enabled).
    if (model.weightsPrecision === "fp64") continue;
    const first = all[0];
    // A class built twice and run differently (trained in fp32, sampled under autocast) keeps its own precision.
    if (!first || all.some((p) => p?.precision !== first.precision || p.autocast !== first.autocast)) continue;
    if (!first.autocast && model.weightsPrecision === first.precision) continue;
    // The interpreter found that cast in an arm it took on a guess: the figures stay as the weights are.
    if (!first.autocast && model.unsureCast?.line === first.line) continue;
    // `autocast(dtype=ptdtype)` with `ptdtype = {...}[dtype]` and `dtype = "bfloat16" if is_bf16_supported() else
    // "float16"`: the rules read by syntax fall back to autocast's CUDA default, fp16; the plan ran it on the hardware.
    const planned = plan?.precision;
    const evaluated = first.autocast && planned?.autocast && (planned.value === "bf16" || planned.value === "fp16") ? planned.value : undefined;
    model.codePrecision = evaluated ? { ...first, precision: evaluated } : first;
  }
}
