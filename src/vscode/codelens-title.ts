// The CodeLens text, apart from the provider so it can be compared with the CLI's in Node (no 'vscode' import).
import type { Settings } from "../core/config";
import type { ModelReport } from "../core/report/model-report";
import { appliedText } from "../core/report/applied";
import { formatCount, formatFlops } from "../core/report/format";
import { estimateInference, type EstimateProblems, type IntensitySource } from "./energy-bridge";

/** `ResNet · 25.6 M params · 4.1 GFLOPs · 770 mJ per sample · 366 mgCO2e per 1,000 samples (h100-sxm, fp32, batch 1)`. */
export function codeLensTitle(model: ModelReport, settings: Settings, intensity: IntensitySource, problems?: EstimateProblems): string {
  // Not built: no figures to show, only what it needs (the hint's quick fix writes the entry).
  if (model.needs) return `${model.name} · needs constructor arguments (${model.needs.required.join(", ")}): set '# greenlight: entry=...' (quick fix)`;
  const parts = [model.name, `${formatCount(model.params)} params`, formatFlops(model.flops)];
  const energy = estimateInference(model, settings, intensity, problems);
  if (energy) parts.push(energy.text.energyPerSample, `${energy.text.carbonPerThousand} (${energy.text.basis})`);
  // After a fix (quantize, cast, prune) the figures are of the script's instance: say what it applied.
  const applied = appliedText(model);
  if (applied) parts.push(applied);
  if (!model.complete) parts.push(`incomplete: ${model.coverage.partsUnknown ? "at most " : ""}${Math.min(Math.floor(model.coverage.flopsShare * 100), 99)}% of FLOPs known`);
  return parts.join(" · ");
}
