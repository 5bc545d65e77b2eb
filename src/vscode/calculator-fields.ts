import type { PlanFigure, TrainingPlan } from "../core/training/training-plan";
import type { TrainingRun } from "./energy-bridge";

// The report's training-run calculator starts from what the code says (the training plan, issue 3) and falls back
// to the settings, as `greenlight analyze --mode train` does (src/core/training/resolve-run.ts: code first, then
// settings). Each field says where its value came from, so the user knows which figures to check.
// Pure TypeScript (no 'vscode'): the report panel and the unit tests share it.

/** Where a calculator field's first value came from (a plan figure's source, or the editor's fallbacks). */
export type FieldSource = PlanFigure["source"] | "placeholder";

/** The first value of one calculator field and where it came from. */
export interface CalculatorField<T> {
  value: T;
  source: FieldSource;
  /** Short, shown beside the field: "from train.py:42", "from settings". */
  label: string;
  /** Longer, shown on hover: the code construct, the dataset and its reference, or the setting's name. */
  detail: string;
  /** 1-based line of the code it was read from (the report can reveal it). */
  line?: number;
}

/** The calculator's first values: read from the code where it says so, else from the settings. */
export interface CalculatorFields {
  epochs: CalculatorField<number>;
  samples: CalculatorField<number>;
  batch: CalculatorField<number>;
  hardware: CalculatorField<string>;
  /** DataLoader(drop_last=True) in the code; false otherwise. */
  dropLast: CalculatorField<boolean>;
}

/** What the editor's settings give when the code is silent. */
export interface CalculatorSettings {
  /** greenlight.hardware. */
  hardware: string;
  /** greenlight.batchSize. */
  batchSize: number;
}

/**
 * Epochs and samples when neither the code nor a setting gives them (the editor has no such setting): a run of
 * CIFAR-10's size, labelled as a placeholder so nobody takes it for a reading of the code.
 */
export const PLACEHOLDER_EPOCHS = 10;
export const PLACEHOLDER_SAMPLES = 50_000;

/** The calculator's first values from the code's plan (may be empty or absent) and the settings. */
export function calculatorFields(plan: TrainingPlan | undefined, settings: CalculatorSettings, file: string, lineLabel?: (line: number) => string): CalculatorFields {
  const name = baseName(file);
  // A notebook's plan lines are its program's: the label names the cell instead (notebook-program.ts).
  const fromPlan = (figure: PlanFigure, name: string) => planField(figure, name, lineLabel);
  const placeholder = (value: number, what: string): CalculatorField<number> => ({
    value,
    source: "placeholder",
    label: "placeholder: not in the code",
    detail: `${name} states no ${what} that Greenlight can read; ${value.toLocaleString("en-US")} is a placeholder: change it in the report's training calculator`,
  });
  const batch: CalculatorField<number> = plan?.batch
    ? fromPlan(plan.batch, name)
    : { value: settings.batchSize, source: "settings", label: "from settings", detail: `the greenlight.batchSize setting (${name} states no training batch size)` };
  return {
    epochs: plan?.epochs ? fromPlan(plan.epochs, name) : placeholder(PLACEHOLDER_EPOCHS, "epoch count"),
    samples: plan?.samples ? fromPlan(plan.samples, name) : placeholder(PLACEHOLDER_SAMPLES, "dataset or sample count"),
    batch,
    hardware: { value: settings.hardware, source: "settings", label: "from settings", detail: "greenlight.hardware" },
    dropLast: plan?.dropLast
      ? { value: true, source: "code", label: `from ${name}`, detail: "DataLoader(drop_last=True): the last partial batch of each epoch is skipped" }
      : { value: false, source: "default", label: "DataLoader default", detail: "drop_last=False: the last partial batch of each epoch is kept (pytorch.org/docs/stable/data.html)" },
  };
}

/** The run the calculator's fields describe, as the energy bridge takes it. */
export function runOf(fields: CalculatorFields): TrainingRun {
  return { epochs: fields.epochs.value, samples: fields.samples.value, batch: fields.batch.value, hardware: fields.hardware.value, dropLast: fields.dropLast.value };
}

function planField(figure: PlanFigure, name: string, lineLabel?: (line: number) => string): CalculatorField<number> {
  const where = figure.line ? (lineLabel ? `${name} ${lineLabel(figure.line)}` : `${name}:${figure.line}`) : name;
  const label =
    figure.source === "code" ? `from ${where}`
    : figure.source === "dataset table" ? `dataset size, ${where}`
    : figure.source === "default" ? `library default, ${where}`
    : figure.source === "settings" ? "from settings"
    : `model input, ${where}`;
  return { value: figure.value, source: figure.source, label, detail: figure.detail, ...(figure.line ? { line: figure.line } : {}) };
}

/** The last segment of a path ('/a/b/train.py' → 'train.py'). */
function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1) || file;
}
