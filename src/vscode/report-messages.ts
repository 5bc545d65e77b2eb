// The report view's message contract, one file for both sides: the extension (report-panel.ts) sends ToWebview and
// reads FromWebview; the page (src/webview/report/) does the reverse. Types only, from pure modules, so the page's
// browser-only build type-checks against the same definitions (as rust-analyzer's lsp_ext.ts serves its client).
import type { ModelReport } from "../core/report/model-report";
import type { modelGroups } from "../core/report/module-groups";
import type { ForecastSlot } from "../core/grid/types";
import type { CalculatorFields } from "./calculator-fields";
import type { InferenceEstimate, MeasuredBeside, TrainingEstimate, TrainingRun } from "./energy-bridge";
import type { MemoryView } from "./memory-bridge";
import type { ExportFormat } from "./report-export";
import type { Precision } from "../core/energy/precision";

/** The grid forecast as the report draws it (filled by the grid module when it is wired in). */
export interface GridForecastView {
  region: string;
  provider: string;
  slots: ForecastSlot[];
  greenest?: { start: number; end: number; gco2PerKwh: number };
  note?: string;
}

/** The training-run calculator as the page draws it: sent with the report, and again once the plan is read. */
export interface CalculatorView {
  /** Changes with the model or the document version; while it stays the same, the page keeps the user's edits. */
  key: string;
  /** reading: the plan is being read (fields hold the settings meanwhile); code: read; settings: none could be. */
  status: "reading" | "code" | "settings";
  /** The model's file name, for "reading train.py…". */
  file: string;
  fields: CalculatorFields;
  /** The estimate at these fields (null while reading, or when none can be made: see `message`). */
  estimate: TrainingEstimate | null;
  message?: string;
  /** Why the fields come from the settings only. */
  note?: string;
  /** CodeCarbon's runs of this script beside the estimate for the same run (when the script has a tracker with runs). */
  measured?: MeasuredBeside;
  /** A tracker without runs, or runs that could not be read: what was looked for and where. */
  measuredNote?: string;
}

/** What the page says its calculator shows (values as in its inputs, labels beside them, the estimate line). */
export interface CalculatorShown {
  key: string;
  values: { epochs: number; samples: number; batch: number; hardware: string; dropLast: boolean };
  labels: Record<keyof CalculatorFields, string>;
  output: string;
}

/** What the page says it drew of the model: grouped chart labels, module tree rows and order, the energy section. */
export interface ReportViewShown {
  /** The model's name in the page's heading. */
  model: string;
  byBlock: string[];
  byKind: string[];
  treeRows: number;
  sort: string;
  /** The energy section's lines as drawn (headline, hardware, range, sources), empty when it shows no estimate. */
  energy: string[];
}

/** The report of one model as the page draws it. */
export interface ReportMessage {
  type: "report";
  model: ModelReport;
  groups: ReturnType<typeof modelGroups>;
  applied: string | null;
  energy: InferenceEstimate | null;
  memory: MemoryView;
  hardware: { id: string; name: string }[];
  settings: { hardware: string; batch: number; precision: Precision };
  calculator: CalculatorView | null;
  grid: GridForecastView | null;
}

/** Messages the extension sends the page (it reads them by `type`). */
export type ToWebview =
  | ReportMessage
  | { type: "calculator"; calculator: CalculatorView }
  | { type: "training"; estimate: TrainingEstimate; message?: undefined }
  | { type: "training"; estimate: null; message: string };

/** Messages the page sends the extension. */
export type FromWebview =
  | { type: "ready" }
  | { type: "calculate"; run: TrainingRun }
  | { type: "export"; format: ExportFormat }
  | { type: "calculatorShown"; shown: CalculatorShown }
  | { type: "calibrate"; run: TrainingRun }
  | { type: "clearCalibration" }
  | { type: "revealLine"; line: number }
  | { type: "viewShown"; shown: ReportViewShown };
