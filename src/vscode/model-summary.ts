import { formatCount, formatFlops } from "../core/report/format";
import type { ModelReport } from "../core/report/model-report";

/** `Net: 1.2 M params, 3.4 GFLOPs` (and `(partial)`): the one-line summary of Estimate Model and Analyze Workspace's log. */
export function summaryLine(model: ModelReport): string {
  return `${model.name}: ${formatCount(model.params)} params, ${formatFlops(model.flops)}${model.complete ? "" : " (partial)"}`;
}
