import { partialStatus } from "../core/report/coverage";
import type { ModelReport } from "../core/report/model-report";
import type { InferenceEstimate } from "./energy-bridge";

/** Formats the report's export can write. */
export type ExportFormat = "markdown" | "csv" | "json";

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The model report as Markdown, CSV (one row per layer) or JSON (the full report plus the estimate). */
export function exportReport(model: ModelReport, format: ExportFormat, energy?: InferenceEstimate): string {
  if (format === "json") return `${JSON.stringify({ model, energy: energy ?? null }, null, 2)}\n`;
  const layers = model.layers.filter((layer) => layer.path !== "");
  if (format === "csv") {
    const header = ["path", "type", "line", "params", "flops", "output", "calls", "leaf"];
    const rows = layers.map((layer) =>
      [layer.path, layer.type, layer.line, layer.params, layer.flops, layer.output ? layer.output.join("x") : "", layer.calls, layer.leaf ? 1 : 0].map(csvCell).join(","),
    );
    return `${header.join(",")}\n${rows.join("\n")}\n`;
  }
  const lines = [
    `# ${model.name}`,
    "",
    `- Entry: \`${model.entry}\` (${model.file.split("/").pop()}:${model.line})`,
    `- Inputs: ${model.inputs.map((input) => `${input.shape.join("x")} ${input.dtype}`).join(", ") || "none"} (from ${model.inputSource})`,
    `- Parameters: ${model.params} (${model.trainableParams} trainable), buffers: ${model.buffers}`,
    `- FLOPs: ${model.flops} (MACs ${model.macs})`,
  ];
  if (energy) {
    lines.push(`- Energy: ${energy.text.energyPerSample}, ${energy.text.carbonPerThousand} (${energy.text.basis})`);
    lines.push(`- Range: ${energy.text.energyPerSampleRange} (${energy.text.rangeReason})`);
  }
  if (!model.complete) lines.push(`- Incomplete (${partialStatus(model.coverage, model.unresolved.length)}): ${model.unresolved.map((note) => `${note.file.split("/").pop()}:${note.line}: ${note.reason}`).join("; ")}`);
  lines.push("", "| Layer | Type | Output | Params | FLOPs |", "|---|---|---|---:|---:|");
  for (const layer of layers) {
    lines.push(`| ${layer.path} | ${layer.type} | ${layer.output ? layer.output.join("×") : "–"} | ${layer.params} | ${layer.flops} |`);
  }
  return `${lines.join("\n")}\n`;
}
