// The user's own measurements: CodeCarbon's emissions.csv (and the same records as JSON), matched to the script
// that wrote them, shown beside the estimate, and used to fit a profile's constants (calibration.ts).
// Columns and units as CodeCarbon's EmissionsData (codecarbon/output_methods/emissions_data.py): duration in
// seconds, energies in kWh, powers in W, emissions in kg CO2eq; one row per tracked run.
import { parseCsvRows } from "../csv";

/** One run CodeCarbon recorded. */
export interface CodeCarbonRun {
  timestamp: string;
  projectName: string;
  runId: string;
  /** Wall time the tracker ran (s). */
  durationSeconds: number;
  /** Energy of the GPUs together (kWh); 0 when CodeCarbon could not read them. */
  gpuKwh: number;
  cpuKwh: number;
  ramKwh: number;
  /** Everything CodeCarbon counted (kWh). */
  totalKwh: number;
  emissionsKg: number;
  gpuModel: string;
  gpuCount: number;
  /** The file and 1-based row (or record) it was read from. */
  file: string;
  row: number;
}

/** Runs read from one file, and the rows that could not be read, each with why. */
export interface CodeCarbonFile {
  runs: CodeCarbonRun[];
  problems: string[];
}

const REQUIRED = ["duration", "energy_consumed"] as const;

/** Whether a CSV header line is CodeCarbon's (it names duration and energy_consumed). */
export function isCodeCarbonHeader(firstLine: string): boolean {
  const columns = parseCsvRows(firstLine)[0] ?? [];
  return REQUIRED.every((name) => columns.includes(name));
}

function runFrom(record: Record<string, unknown>, file: string, row: number): CodeCarbonRun | string {
  const number = (key: string, required = false): number | string => {
    const raw = record[key];
    if (raw === undefined || raw === null || raw === "") return required ? `no ${key}` : 0;
    const value = typeof raw === "number" ? raw : Number(String(raw).trim());
    return Number.isFinite(value) && value >= 0 ? value : `${key} is not a number ≥ 0 (${JSON.stringify(raw)})`;
  };
  const figures = {
    duration: number("duration", true),
    gpu: number("gpu_energy"),
    cpu: number("cpu_energy"),
    ram: number("ram_energy"),
    total: number("energy_consumed", true),
    emissions: number("emissions"),
    gpuCount: number("gpu_count"),
  };
  const bad = Object.values(figures).find((v) => typeof v === "string");
  if (typeof bad === "string") return `${file}:${row}: ${bad}`;
  const f = figures as Record<keyof typeof figures, number>;
  const text = (key: string) => (record[key] === undefined || record[key] === null ? "" : String(record[key]));
  return {
    timestamp: text("timestamp"),
    projectName: text("project_name") || "codecarbon",
    runId: text("run_id"),
    durationSeconds: f.duration,
    gpuKwh: f.gpu,
    cpuKwh: f.cpu,
    ramKwh: f.ram,
    totalKwh: f.total,
    emissionsKg: f.emissions,
    gpuModel: text("gpu_model"),
    gpuCount: f.gpuCount,
    file,
    row,
  };
}

/** Reads CodeCarbon's CSV: a header, then one run per row. Rows it cannot read are listed, never guessed. */
export function parseEmissionsCsv(text: string, file: string): CodeCarbonFile {
  const rows = parseCsvRows(text);
  const header = rows[0];
  if (!header || !REQUIRED.every((name) => header.includes(name))) {
    return { runs: [], problems: [`${file}: not a CodeCarbon file (its header has no ${REQUIRED.join(" and ")} columns)`] };
  }
  const runs: CodeCarbonRun[] = [];
  const problems: string[] = [];
  rows.slice(1).forEach((fields, i) => {
    if (fields.length !== header.length) {
      problems.push(`${file}:${i + 2}: ${fields.length} fields, the header has ${header.length}`);
      return;
    }
    const run = runFrom(Object.fromEntries(header.map((name, j) => [name, fields[j]])), file, i + 2);
    if (typeof run === "string") problems.push(run);
    else runs.push(run);
  });
  return { runs, problems };
}

/** Reads the same records as JSON: one object, an array of them, or one object per line (CodeCarbon's logger output). */
export function parseEmissionsJson(text: string, file: string): CodeCarbonFile {
  let records: unknown[];
  try {
    const parsed: unknown = JSON.parse(text);
    records = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
    try {
      records = lines.map((line) => JSON.parse(line) as unknown);
    } catch (error) {
      return { runs: [], problems: [`${file}: not JSON or JSON lines (${error instanceof Error ? error.message : String(error)})`] };
    }
  }
  const runs: CodeCarbonRun[] = [];
  const problems: string[] = [];
  records.forEach((record, i) => {
    if (!record || typeof record !== "object" || Array.isArray(record) || !REQUIRED.every((key) => key in record)) {
      problems.push(`${file}: record ${i + 1} is not a CodeCarbon run (needs ${REQUIRED.join(" and ")})`);
      return;
    }
    const run = runFrom(record as Record<string, unknown>, file, i + 1);
    if (typeof run === "string") problems.push(run);
    else runs.push(run);
  });
  return { runs, problems };
}

/** Where a script's tracker writes, as read from its code (training/codecarbon-tracker.ts). */
export interface TrackerTarget {
  projectName: string;
  /** output_dir as written ("." by default: the directory the script runs in). */
  outputDir: string;
  outputFile: string;
}

/** Joins POSIX paths, resolving "." and ".." (the core does no I/O, so no node:path). */
export function joinPath(...parts: string[]): string {
  // An absolute part restarts the path, as in path.join's resolve.
  let start = 0;
  parts.forEach((p, i) => {
    if (p.startsWith("/")) start = i;
  });
  const from = parts.slice(start);
  const out: string[] = [];
  for (const segment of from.join("/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return `${from[0]?.startsWith("/") ? "/" : ""}${out.join("/")}`;
}

/** The files a tracker may have written: output_dir/output_file from the script's folder and from each workspace
 *  folder (the script may be run from either); absolute output_dirs as they are. */
export function trackerFiles(target: TrackerTarget, scriptDir: string, roots: readonly string[]): string[] {
  const bases = [scriptDir, ...roots];
  return [...new Set(bases.map((base) => joinPath(base, target.outputDir, target.outputFile)))];
}

/** The runs of a file that belong to the tracker: the same project name (CodeCarbon's default "codecarbon"
 *  matches only a tracker that keeps the default). */
export function runsOfTracker(runs: readonly CodeCarbonRun[], target: TrackerTarget): CodeCarbonRun[] {
  return runs.filter((run) => run.projectName === target.projectName);
}

/** What the runs measured, per run: medians, so that one aborted run does not move the figure much. */
export interface MeasuredSummary {
  runs: number;
  durationSeconds: number;
  gpuKwh: number;
  totalKwh: number;
  emissionsKg: number;
  gpuModel: string;
  gpuCount: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median run of a set (undefined for none). */
export function summarizeRuns(runs: readonly CodeCarbonRun[]): MeasuredSummary | undefined {
  if (runs.length === 0) return undefined;
  const models = [...new Set(runs.map((r) => r.gpuModel).filter((m) => m !== ""))];
  return {
    runs: runs.length,
    durationSeconds: median(runs.map((r) => r.durationSeconds)),
    gpuKwh: median(runs.map((r) => r.gpuKwh)),
    totalKwh: median(runs.map((r) => r.totalKwh)),
    emissionsKg: median(runs.map((r) => r.emissionsKg)),
    gpuModel: models.join(", "),
    gpuCount: median(runs.map((r) => r.gpuCount)),
  };
}
