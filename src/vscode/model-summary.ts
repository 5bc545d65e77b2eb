import { formatCount, formatFlops } from "../core/report/format";
import type { ModelReport } from "../core/report/model-report";

/** `Net: 1.2 M params, 3.4 GFLOPs` (and `(partial)`): the one-line summary of Estimate Model and Analyze Workspace's log. */
export function summaryLine(model: ModelReport): string {
  return `${model.name}: ${formatCount(model.params)} params, ${formatFlops(model.flops)}${model.complete ? "" : " (partial)"}`;
}

/** `Assumed: ...` for a model whose counts rest on an assumption (a mixture-of-experts router's picks spread evenly),
 *  the line the CLI prints, so the hover and the lens say it too; undefined when the code states everything. */
export function assumptionLine(model: ModelReport): string | undefined {
  const first = model.assumptions?.[0];
  return first ? `Assumed (${first.file.split("/").pop()}:${first.line}): ${first.text}` : undefined;
}
