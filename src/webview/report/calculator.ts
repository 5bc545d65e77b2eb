// The training-run calculator: the host computes (same energy model as the CodeLens) and sends the first values, read
// from the code's training plan where it states them; each field says where its value came from. The user's changes
// are kept while the calculator's key (model and document version) stays the same.
import type { CalculatorFields } from "../../vscode/calculator-fields";
import type { TrainingEstimate } from "../../vscode/energy-bridge";
import type { CalculatorShown, CalculatorView } from "../../vscode/report-messages";
import { el } from "./dom";
import { post } from "./host";

type FieldName = keyof CalculatorFields;
const FIELDS: readonly FieldName[] = ["epochs", "samples", "batch", "hardware", "dropLast"];

/** The calculator's fields the user changed, by name, for the calculator key they were changed under: a new model or
 *  document version (a new key) starts again from the host's values. */
const edits = new Map<FieldName, string | boolean>();
let editsKey: string | null = null;

/** What an origin label shows: where a value came from (the code's line, the settings, a placeholder, the user). */
interface Origin {
  label: string;
  source: string;
  detail: string;
  line?: number;
}

const EDITED: Origin = { label: "changed here", source: "edited", detail: "Your value; reopen the report to start from the code again." };

/** The calculator's form, empty until applyCalculator fills it. */
export function calculatorForm(hardwareProfiles: readonly { id: string; name: string }[]): HTMLFormElement {
  const form = el("form", { class: "calculator", id: "calculator" }) as HTMLFormElement;
  const origin = (name: FieldName) => el("span", { class: "origin", "data-origin": name });
  const remember = (name: FieldName, input: HTMLInputElement | HTMLSelectElement) => {
    const changed = () => {
      edits.set(name, input instanceof HTMLInputElement && input.type === "checkbox" ? input.checked : input.value);
      const label = form.querySelector(`[data-origin="${name}"]`);
      if (label) showOrigin(label, EDITED);
    };
    input.addEventListener("input", changed);
    input.addEventListener("change", changed);
  };
  const field = (label: string, name: FieldName) => {
    const input = el("input", { name, type: "number", min: "1", step: "1", required: "" }) as HTMLInputElement;
    remember(name, input);
    return el("label", {}, [el("span", { class: "name" }, [label]), input, origin(name)]);
  };
  const hardware = el("select", { name: "hardware" }) as HTMLSelectElement;
  for (const profile of hardwareProfiles) {
    const option = el("option", { value: profile.id }, [profile.id]);
    option.title = profile.name;
    hardware.append(option);
  }
  remember("hardware", hardware);
  const dropLast = el("input", { name: "dropLast", type: "checkbox" }) as HTMLInputElement;
  remember("dropLast", dropLast);
  form.append(
    el("h3", {}, ["Training run"]),
    el("p", { class: "muted note", id: "calculator-note" }),
    field("Epochs", "epochs"),
    field("Samples per epoch", "samples"),
    field("Batch", "batch"),
    el("label", {}, [el("span", { class: "name" }, ["Hardware"]), hardware, origin("hardware")]),
    el("label", { class: "check" }, [el("span", { class: "name" }, ["Drop last partial batch"]), dropLast, origin("dropLast")]),
    el("button", { type: "submit" }, ["Estimate"]),
    el("output", { id: "training" }),
    el("div", { class: "measured", id: "measured" }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    calculate(form);
  });
  return form;
}

function showOrigin(label: Element, field: Origin): void {
  label.textContent = field.label;
  label.setAttribute("title", field.detail);
  label.className = `origin ${field.source.replace(/\s+/g, "-")}`;
  if (field.line && field.source !== "edited") {
    // A link to the line the value was read from.
    label.setAttribute("role", "link");
    label.setAttribute("tabindex", "0");
    label.setAttribute("data-line", String(field.line));
  } else {
    label.removeAttribute("role");
    label.removeAttribute("tabindex");
    label.removeAttribute("data-line");
  }
}

function calculate(form: HTMLFormElement): void {
  const values = formValues(form);
  setOutput("Estimating…");
  post({ type: "calculate", run: values });
}

function input(form: HTMLFormElement, name: FieldName): HTMLInputElement {
  return form.elements.namedItem(name) as HTMLInputElement;
}

function formValues(form: HTMLFormElement): CalculatorShown["values"] {
  return {
    epochs: Number(input(form, "epochs").value), samples: Number(input(form, "samples").value), batch: Number(input(form, "batch").value),
    hardware: String(input(form, "hardware").value), dropLast: input(form, "dropLast").checked,
  };
}

/** Puts the host's calculator into the form (fields the user changed stay as they are) and its estimate. */
export function applyCalculator(view: CalculatorView | null): void {
  const form = document.getElementById("calculator") as HTMLFormElement | null;
  if (!form || !view) return;
  if (view.key !== editsKey) {
    edits.clear();
    editsKey = view.key;
  }
  for (const name of FIELDS) {
    const field = view.fields[name];
    const value = edits.has(name) ? edits.get(name) : field.value;
    const box = input(form, name);
    if (box.type === "checkbox") box.checked = Boolean(value);
    else box.value = String(value);
    const label = form.querySelector(`[data-origin="${name}"]`);
    if (label) showOrigin(label, edits.has(name) ? EDITED : field);
  }
  const note = document.getElementById("calculator-note");
  if (note) {
    note.textContent =
      view.status === "reading" ? `Reading epochs, samples and batch from ${view.file}…`
      : view.status === "code"
        ? (["epochs", "samples", "batch"] as const).some((name) => view.fields[name].source !== "placeholder" && view.fields[name].source !== "settings")
          ? `Filled from ${view.file} where it states them; change any field and press Estimate.`
          : `${view.file} states no epochs, samples or batch size that Greenlight can read: placeholders and settings below; change any field and press Estimate.`
      : `Filled from the settings${view.note ? ` (${view.note})` : ""}; change any field and press Estimate.`;
    // From the code: which config files fed the fields, or are named and missing.
    if (view.status === "code" && view.note) note.textContent += ` ${view.note[0].toUpperCase()}${view.note.slice(1)}.`;
  }
  renderMeasured(view, form);
  if (view.status === "reading") setOutput("");
  else if (edits.size > 0) calculate(form);
  else if (view.estimate) setOutput(estimateText(view.estimate));
  else setOutput(view.message || "No estimate.");
}

/** CodeCarbon's runs of this script beside the estimate for the same run, and the offer to calibrate to them. */
function renderMeasured(view: CalculatorView, form: HTMLFormElement): void {
  const box = document.getElementById("measured");
  if (!box) return;
  box.replaceChildren();
  if (view.measuredNote) box.append(el("p", { class: "muted" }, [view.measuredNote]));
  const m = view.measured;
  if (!m) return;
  const hours = (h: number) => (h < 1 ? `${(h * 60).toPrecision(3)} min` : `${h.toPrecision(3)} h`);
  const runs = `${m.measured.runs} run${m.measured.runs === 1 ? "" : "s"}`;
  const device = m.measured.gpuModel ? ` on ${m.measured.gpuModel}${m.measured.gpuCount > 1 ? ` ×${m.measured.gpuCount}` : ""}` : "";
  const rows = [
    ["", "Time", "Device energy"],
    [`Measured (CodeCarbon, median of ${runs}${device})`, hours(m.measured.durationSeconds / 3600), `${m.measuredDeviceKwh.toPrecision(3)} kWh`],
  ];
  if (m.estimated) {
    rows.push([`Estimated (${m.hardware}, this run)`, hours(m.estimated.hours), `${m.estimated.deviceKwh.toPrecision(3)} kWh (${m.estimated.range.low.toPrecision(2)}-${m.estimated.range.high.toPrecision(2)})`]);
  }
  const table = el("table", { class: "measured-table" }, [
    el("thead", {}, [el("tr", {}, rows[0].map((cell) => el("th", {}, [cell])))]),
    el("tbody", {}, rows.slice(1).map((row) => el("tr", {}, row.map((cell, i) => el("td", i === 0 ? {} : { class: "num" }, [cell]))))),
  ]);
  box.append(el("h3", {}, ["Measured beside estimated"]), el("p", { class: "muted" }, [`${m.file}, project '${m.project}'`]), table);
  if (m.estimated) box.append(el("p", { class: "muted" }, [`Range: ${m.estimated.reason}. CodeCarbon times the whole tracked run (data loading and evaluation included).`]));
  else if (m.message) box.append(el("p", { class: "muted" }, [`No estimate to compare: ${m.message}`]));
  if (m.calibratedRuns) {
    const clear = el("button", { type: "button", class: "secondary" }, ["Remove calibration"]);
    clear.addEventListener("click", () => post({ type: "clearCalibration" }));
    box.append(el("p", {}, [`${m.hardware} calibrated from ${m.calibratedRuns} run${m.calibratedRuns === 1 ? "" : "s"} (workspace setting greenlight.calibration). `, clear]));
  } else if (m.estimated) {
    const fit = el("button", { type: "button" }, [`Calibrate ${m.hardware} to these ${runs}`]);
    fit.title = "Fits the profile's efficiency, host dispatch and power to these runs and keeps the fit in the workspace settings.";
    fit.addEventListener("click", () => post({ type: "calibrate", run: formValues(form) }));
    box.append(el("p", {}, [fit]));
  }
}

/** The run's estimate as one line. */
export function estimateText(e: TrainingEstimate): string {
  const gpus = e.gpus > 1 ? ` on ${e.gpus} × GPU (${e.gpuHours.toPrecision(3)} GPU-hours)` : "";
  return `${e.steps} steps · ${e.hours.toPrecision(3)} h${gpus} · ${e.kilowattHours.toPrecision(3)} kWh (${e.range.kilowattHours.low.toPrecision(2)}-${e.range.kilowattHours.high.toPrecision(2)}: ${e.range.reason}) · ${e.kilogramsCo2e.toPrecision(3)} kg CO2e (${e.sources.join("; ")})`;
}

/** Shows the estimate line and tells the host what the calculator now shows. */
export function setOutput(text: string): void {
  const output = document.getElementById("training");
  const form = document.getElementById("calculator") as HTMLFormElement | null;
  if (!output || !form) return;
  output.textContent = text;
  const labels = {} as Record<FieldName, string>;
  for (const name of FIELDS) labels[name] = form.querySelector(`[data-origin="${name}"]`)?.textContent ?? "";
  post({ type: "calculatorShown", shown: { key: editsKey ?? "", values: formValues(form), labels, output: text } });
}
