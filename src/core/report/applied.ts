import type { ModelReport } from "./model-report";

/**
 * What the analyzed code applied to a model, in words, for the lens, hover and CLI: its layers quantized or pruned
 * its weights cast ("int8 weights in 3 Linear layers", "fp16 weights") and the autocast its calls run under ("bf16
 * autocast (line 18)"); empty when the model runs as built.
 */
export function appliedToModel(model: ModelReport): string[] {
  const applied: string[] = [];
  const layers = (pick: (l: ModelReport["layers"][number]) => boolean) => {
    const counts = new Map<string, number>();
    for (const l of model.layers) if (l.path !== "" && pick(l)) counts.set(l.type, (counts.get(l.type) ?? 0) + 1);
    return [...counts].map(([type, n]) => `${n} ${type} layer${n === 1 ? "" : "s"}`).join(", ");
  };
  for (const precision of ["int8", "int4"] as const) {
    const list = layers((l) => l.precision === precision);
    if (list) applied.push(`${precision} weights in ${list}`);
  }
  const code = model.codePrecision;
  if (code?.autocast) applied.push(`${code.precision} autocast (line ${code.line})`);
  else if (code) applied.push(`${code.precision} weights (line ${code.line})`);
  else if (model.weightsPrecision) applied.push(`${model.weightsPrecision} weights`);
  else if (model.unsureCast) applied.push(`fp32 weights: the ${model.unsureCast.precision} cast on line ${model.unsureCast.line} is under a test the analysis cannot read`);
  const pruned = layers((l) => l.pruned === true);
  if (pruned) applied.push(`pruned ${pruned} (same FLOPs with dense kernels)`);
  return applied;
}

/** "as 'model' runs it: int8 weights in 3 Linear layers", or undefined when the figures are of the class as built. */
export function appliedText(model: ModelReport): string | undefined {
  const applied = appliedToModel(model);
  if (applied.length === 0) return undefined;
  return `${model.instance ? `as '${model.instance}' runs it: ` : ""}${applied.join("; ")}`;
}
