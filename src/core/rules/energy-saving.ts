import { estimateModel, hardwareProfile, hardwareProfiles } from "../energy/index";
import { estimateBasis } from "../energy/figure-text";
import type { ModelReport } from "../report/model-report";
import type { Device } from "./run-target";
import type { EnergyFigure, EnergyVariant } from "./types";

/**
 * Energy per inference (one sample) of a model as the energy model estimates it (docs/energy.md) in one variant:
 * a precision, int8 Linear layers (torch.ao dynamic), weight-only Linear (torchao) or channels-last convolutions.
 * Undefined when the model has no ops or the energy model rejects the hardware or the report.
 */
export function inferenceEnergy(model: ModelReport, hardware: string, variant: EnergyVariant, batch?: number, host?: string): EnergyFigure | undefined {
  if (model.ops.length === 0) return undefined;
  try {
    const e = estimateModel(model, {
      hardware,
      host,
      dtype: variant.dtype,
      mode: "inference",
      batch,
      quantizedLinear: variant.int8Linear,
      linearWeightBits: variant.linearWeightBits,
      channelsLast: variant.channelsLast,
    });
    if (!(e.joules_per_iter > 0)) return undefined;
    return { joules: e.joules_per_iter / e.batch, hardware: e.hardware, basis: estimateBasis(e) };
  } catch {
    // An unknown hardware id or a report the energy model rejects: the message goes without the energy figure.
    return undefined;
  }
}

/**
 * The hardware a finding's estimate is for: the selected profile when it is the kind of device the script runs on,
 * else the first profile of that kind (a CPU-only script is not estimated on a GPU).
 */
export function hardwareFor(selected: string, device: Device): string {
  const kind = device === "cpu" ? "cpu" : device === "cuda" ? "gpu" : undefined;
  if (!kind) return selected;
  let profile;
  try {
    profile = hardwareProfile(selected);
  } catch {
    return selected; // unknown ids are passed on: the estimate then says nothing
  }
  if (profile.kind === kind) return selected;
  return hardwareProfiles().find((p) => p.kind === kind)?.id ?? selected;
}
