// The report's energy and memory sections, drawn from the host's figures.
import { formatEnergy } from "../../core/report/format";
import type { ReportMessage } from "../../vscode/report-messages";
import { calculatorForm } from "./calculator";
import { el } from "./dom";

/** Grams of CO2e as the headline writes them ("366 mg CO2e"): the unit apart from "CO2e". */
function grams(g: number): string {
  if (Math.abs(g) >= 1000) return `${+(g / 1000).toPrecision(3)} kg`;
  if (Math.abs(g) >= 1) return `${+g.toPrecision(3)} g`;
  return `${+(g * 1000).toPrecision(3)} mg`;
}

/** Energy per inference, its range and sources, and the training-run calculator. */
export function energySection(data: ReportMessage): HTMLElement {
  const section = el("section", { id: "energy" }, [el("h2", {}, ["Energy"])]);
  if (data.energy) {
    const e = data.energy;
    section.append(
      el("p", { class: "headline" }, [`${formatEnergy(e.joulesPerInference)} per inference · ${grams(e.gramsCo2ePerThousand)} CO2e per 1,000 inferences`]),
      el("p", {}, [`${e.hardware}, ${e.precision}, batch ${e.batch}: ${(e.secondsPerBatch * 1e3).toPrecision(3)} ms per batch, ${e.bound}-bound`]),
      el("p", { class: "range" }, [
        `Range: ${formatEnergy(e.range.joulesPerInference.low)} to ${formatEnergy(e.range.joulesPerInference.high)} per inference, ` +
          `${(e.range.secondsPerBatch.low * 1e3).toPrecision(2)}-${(e.range.secondsPerBatch.high * 1e3).toPrecision(2)} ms per batch: ${e.range.reason}`,
      ]),
      el("p", { class: "muted" }, [`Sources: ${e.sources.join("; ")}`]),
    );
  } else {
    section.append(el("p", { class: "muted" }, ["No energy estimate for this model (unknown hardware, or no forward ops were resolved)."]));
  }
  section.append(calculatorForm(data.hardware));
  return section;
}

/** The energy section's lines as drawn (for the host: what the page shows). */
export function energyLines(): string[] {
  return [...document.querySelectorAll("#energy > p")].map((p) => p.textContent ?? "").filter((text) => !text.startsWith("No energy estimate"));
}

/** Device memory (a forward or generation, and a training step) and the generation's prefill/decode figures. */
export function memorySection(data: ReportMessage): HTMLElement {
  const section = el("section", { id: "memory" }, [el("h2", {}, ["Memory and generation"])]);
  const m = data.memory;
  if (!m || (!m.inference && !m.train)) {
    section.append(el("p", { class: "muted" }, ["No memory estimate for this model (no forward ops were resolved)."]));
    return section;
  }
  if (m.generation) {
    section.append(el("p", { class: "headline", id: "generation" }, [m.generation.title]), el("p", { class: "muted" }, [`From: ${m.generation.sources.join("; ")}`]));
  }
  if (m.inference) section.append(el("p", { id: "memory-inference" }, [`${m.generation ? "Generation" : "Inference"}: ${m.inference.summary}`]));
  if (m.train) {
    section.append(el("p", { id: "memory-train" }, [`Training step: ${m.train.summary}`]));
    if (m.train.changes.length > 0) section.append(el("p", { class: "muted" }, [`Fits with: ${m.train.changes.join("; ")}`]));
  }
  return section;
}
