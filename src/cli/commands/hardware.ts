// `greenlight hardware [--format table|json]`: the hardware profiles the estimate knows, with their figures.
import { hardwareProfiles, type HardwareProfile } from "../../core/energy/hardware";
import { CliError, parseOptions, type CommandOutput } from "../cli-io";

const COLUMNS: { title: string; value: (p: HardwareProfile) => string }[] = [
  { title: "id", value: (p) => p.id },
  { title: "fp32", value: (p) => tflops(p.peakTflops.fp32) },
  { title: "tf32", value: (p) => tflops(p.peakTflops.tf32) },
  { title: "bf16", value: (p) => tflops(p.peakTflops.bf16) },
  { title: "fp16", value: (p) => tflops(p.peakTflops.fp16) },
  { title: "int8", value: (p) => tflops(p.peakTflops.int8) },
  { title: "GB/s", value: (p) => String(p.memoryBandwidthGBs) },
  { title: "limit W", value: (p) => String(p.powerLimitW) },
  { title: "idle W", value: (p) => String(p.idlePowerW) },
  { title: "name", value: (p) => p.name },
];

function tflops(value: number | undefined): string {
  return value === undefined ? "-" : String(value);
}

/** The profiles as JSON: the figures and their sources, for scripts. */
export function hardwareJson(profiles: HardwareProfile[]): unknown {
  return profiles.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    peak_tflops: p.peakTflops,
    memory_bandwidth_gbs: p.memoryBandwidthGBs,
    parallel_units: p.parallelUnits,
    power_limit_w: p.powerLimitW,
    idle_power_w: p.idlePowerW,
    sources: p.sources,
    notes: p.notes ?? null,
  }));
}

/** A fixed-width table; peak rates are dense TFLOP/s (TOPS for int8), '-' where the hardware lacks the precision. */
export function hardwareTable(profiles: HardwareProfile[]): string {
  const rows = [COLUMNS.map((c) => c.title), ...profiles.map((p) => COLUMNS.map((c) => c.value(p)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd());
  return [
    ...lines,
    "",
    "Peak rates are dense TFLOP/s (TOPS for int8) from vendor datasheets; '-': no such units (runs at the next precision).",
    "Sources for every figure: greenlight hardware --format json.",
  ].join("\n");
}

/** `greenlight hardware`: lists the profiles (`--hardware ID` of analyze takes their ids). */
export async function runHardware(argv: string[], out: CommandOutput): Promise<number> {
  const options = parseOptions(argv, { values: ["format"] });
  if (options.positionals.length) throw new CliError(`unexpected argument '${options.positionals[0]}'`);
  const format = options.values.get("format") ?? "table";
  if (format !== "table" && format !== "json") throw new CliError(`--format must be table or json, not '${format}'`);
  const profiles = hardwareProfiles();
  out.stdout(format === "json" ? `${JSON.stringify(hardwareJson(profiles), null, 2)}\n` : `${hardwareTable(profiles)}\n`);
  return 0;
}
