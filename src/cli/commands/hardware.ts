// `greenlight hardware [--format table|json]`: the accelerators the estimate knows, the host classes that drive
// them, and the parts listed without an estimate because their vendor leaves out a figure it needs.
import { hardwareProfiles, incompleteProfiles, missingFigures, type HardwareProfile, type IncompleteProfile } from "../../core/energy/hardware";
import { hostProfiles, type HostProfile } from "../../core/energy/host";
import { CliError, parseCommandLine, type CommandOutput } from "../cli-io";
import { COMMAND_SPECS } from "../command-specs";

type Column<T> = { title: string; value: (row: T) => string };

const figure = (value: number | null | undefined): string => (value === undefined ? "-" : value === null ? "?" : String(value));

const ACCELERATOR_COLUMNS: Column<HardwareProfile | IncompleteProfile>[] = [
  { title: "id", value: (p) => p.id },
  { title: "fp32", value: (p) => figure(p.peakTflops.fp32) },
  { title: "tf32", value: (p) => figure(p.peakTflops.tf32) },
  { title: "bf16", value: (p) => figure(p.peakTflops.bf16) },
  { title: "fp16", value: (p) => figure(p.peakTflops.fp16) },
  { title: "int8", value: (p) => figure(p.peakTflops.int8) },
  { title: "fp64", value: (p) => figure(p.peakTflops.fp64) },
  { title: "GB/s", value: (p) => figure(p.memoryBandwidthGBs) },
  { title: "load W", value: (p) => figure(p.powerLimitW) },
  { title: "rest W", value: (p) => figure(p.idlePowerW) },
  { title: "host", value: (p) => p.host },
  { title: "calibration", value: (p) => p.calibration },
  { title: "name", value: (p) => p.name },
];

const HOST_COLUMNS: Column<HostProfile>[] = [
  { title: "host", value: (h) => h.id },
  { title: "µs/op", value: (h) => String(Number((h.secondsPerOp * 1e6).toPrecision(3))) },
  { title: "µs/launch", value: (h) => String(Number((h.secondsPerLaunch * 1e6).toPrecision(3))) },
  { title: "figures", value: (h) => (h.measured ? "measured" : "estimate") },
  { title: "name", value: (h) => h.name },
];

/** Fixed-width rows: the first and last columns left-aligned, numbers right-aligned. */
function table<T>(columns: Column<T>[], rows: T[]): string[] {
  const cells = [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => c.value(r)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const last = columns.length - 1;
  return cells.map((r) => r.map((cell, i) => (i === 0 || i >= last - 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd());
}

/** The profiles as JSON: accelerators, hosts and incomplete parts with every figure's source, for scripts. */
export function hardwareJson(profiles: HardwareProfile[], hosts: HostProfile[] = hostProfiles(), incomplete: IncompleteProfile[] = incompleteProfiles()): unknown {
  const accelerator = (p: HardwareProfile | IncompleteProfile) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    host: p.host,
    calibration: p.calibration,
    peak_tflops: p.peakTflops,
    memory_bandwidth_gbs: p.memoryBandwidthGBs,
    parallel_units: p.parallelUnits,
    power_limit_w: p.powerLimitW,
    idle_power_w: p.idlePowerW,
    sources: p.sources,
    notes: p.notes ?? null,
  });
  return {
    accelerators: profiles.map(accelerator),
    hosts: hosts.map((h) => ({ id: h.id, name: h.name, seconds_per_op: h.secondsPerOp, seconds_per_launch: h.secondsPerLaunch, measured: h.measured, sources: h.sources })),
    incomplete: incomplete.map((p) => ({ ...accelerator(p), missing: missingFigures(p) })),
  };
}

/** Three fixed-width tables (accelerators, hosts, incomplete parts) and what their columns mean. */
export function hardwareTable(profiles: HardwareProfile[], hosts: HostProfile[] = hostProfiles(), incomplete: IncompleteProfile[] = incompleteProfiles()): string {
  return [
    "Accelerators (--hardware ID)",
    ...table(ACCELERATOR_COLUMNS, profiles),
    "",
    "Hosts (--host ID; default: the accelerator's host column)",
    ...table(HOST_COLUMNS, hosts),
    "",
    "Listed without an estimate (a figure the estimate needs is not published: '?')",
    ...table(ACCELERATOR_COLUMNS, incomplete),
    "",
    "Peak rates are dense TFLOP/s (TOPS for int8) from vendor datasheets; '-': no such units (runs at the next precision).",
    "The accelerator sets peak rates, bandwidth and power; the host sets the time to dispatch each op, which bounds batch-1 runs.",
    "calibration: how far the part is from measured hardware (measured, same-architecture, same-vendor, other-stack); it widens the ranges.",
    "Sources for every figure: greenlight hardware --format json.",
  ].join("\n");
}

/** `greenlight hardware`: lists the profiles (`--hardware ID` and `--host ID` of analyze take their ids). */
export async function runHardware(argv: string[], out: CommandOutput): Promise<number> {
  const options = parseCommandLine(COMMAND_SPECS.hardware, argv);
  const format = options.values.get("format") ?? "table";
  if (format !== "table" && format !== "json") throw new CliError(`--format must be table or json, not '${format}'`);
  const profiles = hardwareProfiles();
  out.stdout(format === "json" ? `${JSON.stringify(hardwareJson(profiles), null, 2)}\n` : `${hardwareTable(profiles)}\n`);
  return 0;
}
