import { estimateModel } from "../energy/index";
import type { ModelReport } from "../report/model-report";
import type { Int8EnergyEstimate } from "./types";

/**
 * Energy per inference of a model in fp32 and with its Linear layers in int8, from the energy model (docs/energy.md:
 * `estimateModel` with `quantizedLinear`). Undefined when the model has no Linear layer or the model cannot estimate it.
 */
export function int8EnergyEstimate(model: ModelReport, hardware: string): Int8EnergyEstimate | undefined {
  if (!model.layers.some((l) => l.leaf && l.type === "Linear")) return undefined;
  try {
    const fp32 = estimateModel(model, { hardware, dtype: "fp32", mode: "inference" });
    const int8 = estimateModel(model, { hardware, dtype: "fp32", mode: "inference", quantizedLinear: true });
    if (!(fp32.joules_per_iter > 0) || !(int8.joules_per_iter > 0)) return undefined;
    return { fp32Joules: fp32.joules_per_iter, int8Joules: int8.joules_per_iter, hardware: fp32.hardware };
  } catch {
    // An unknown hardware id or a report the energy model rejects: the message goes without the energy figure.
    return undefined;
  }
}
