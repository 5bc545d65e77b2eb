// The one home of number and unit formatting: the CLI, CodeLens, hover, inlay hints, status bar and the report all
// print figures through these, so the same figure reads the same everywhere (a test compares CLI and editor).

/** At most three significant figures, without trailing zeros: 4.10 → "4.1", 966.656 → "967". */
export function significant(value: number): string {
  if (!Number.isFinite(value)) return "?";
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  // toFixed rounds 99.96 up to "100.0": re-check the digits after rounding.
  const rounded = Number(value.toFixed(digits));
  return String(Math.abs(rounded) >= 100 ? Math.round(rounded) : rounded);
}

/** Picks the largest unit the value reaches (else the smallest) and prints "value unit". */
function scaled(value: number, units: readonly (readonly [number, string])[]): string {
  if (!Number.isFinite(value)) return "?";
  for (const [size, unit] of units) {
    if (Math.abs(value) >= size) return `${significant(value / size)} ${unit}`;
  }
  const [size, unit] = units[units.length - 1];
  return value === 0 ? `0 ${unit}` : `${significant(value / size)} ${unit}`;
}

const COUNT_UNITS = [
  [1e12, "T"],
  [1e9, "G"],
  [1e6, "M"],
  [1e3, "k"],
] as const;

/** 25_557_032 → "25.6 M", 41_418 → "41.4 k"; counts under 1,000 stay exact. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return "?";
  for (const [size, unit] of COUNT_UNITS) if (Math.abs(value) >= size) return `${significant(value / size)} ${unit}`;
  return String(Math.round(value));
}

/** 4.1e9 → "4.1 GFLOPs", 966_656 → "967 kFLOPs", 999 → "999 FLOPs". */
export function formatFlops(flops: number): string {
  if (!Number.isFinite(flops)) return "? FLOPs";
  for (const [size, unit] of [[1e15, "P"], ...COUNT_UNITS] as const) {
    if (Math.abs(flops) >= size) return `${significant(flops / size)} ${unit}FLOPs`;
  }
  return `${Math.round(flops)} FLOPs`;
}

/** A tensor shape: [1, 64, 56, 56] → "[1, 64, 56, 56]". */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** An input as `--input` and the pragma write it: [1, 3, 224, 224] → "1x3x224x224", token ids with ":int64". */
export function formatInputSpec(input: { shape: readonly number[]; dtype?: string }): string {
  return input.shape.join("x") + (input.dtype === "int64" ? ":int64" : "");
}

/** part / whole as a percentage: 1/8 → "13%", 1/40 → "2.5%"; "–" when the whole is not positive. */
export function formatShare(part: number, whole: number): string {
  if (!(whole > 0)) return "–";
  const percent = (part / whole) * 100;
  return `${percent >= 10 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** Joules with an SI prefix: 0.77 → "770 mJ", 3.2e6 → "3.2 MJ". */
export function formatEnergy(joules: number): string {
  return scaled(joules, [
    [1e9, "GJ"],
    [1e6, "MJ"],
    [1e3, "kJ"],
    [1, "J"],
    [1e-3, "mJ"],
    [1e-6, "µJ"],
    [1e-9, "nJ"],
  ]);
}

/** Kilowatt-hours, the unit of a training run: 0.0042 → "4.2 Wh", 1_287_000 → "1.29 GWh". */
export function formatKwh(kwh: number): string {
  return scaled(kwh * 1000, [
    [1e9, "GWh"],
    [1e6, "MWh"],
    [1e3, "kWh"],
    [1, "Wh"],
    [1e-3, "mWh"],
  ]);
}

/** Mass of CO2-equivalent in the field's units: 0.00225 → "2.25 mgCO2e", 12.34 → "12.3 gCO2e", 2500 → "2.5 kgCO2e". */
export function formatCarbon(grams: number): string {
  return scaled(grams, [
    [1e6, "tCO2e"],
    [1e3, "kgCO2e"],
    [1, "gCO2e"],
    [1e-3, "mgCO2e"],
    [1e-6, "µgCO2e"],
  ]);
}

/** A grid's carbon intensity: 475.3 → "475 gCO2e/kWh" (whole grams: providers report no finer). */
export function formatIntensity(gco2ePerKwh: number): string {
  return Number.isFinite(gco2ePerKwh) ? `${Math.round(gco2ePerKwh)} gCO2e/kWh` : "? gCO2e/kWh";
}

/** Seconds in the unit a person would use: 0.0012 → "1.2 ms", 90 → "90 s", 5400 → "1.5 h", 4 days → "4 days". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const magnitude = Math.abs(seconds);
  if (magnitude < 1e-3) return `${significant(seconds * 1e6)} µs`;
  if (magnitude < 1) return `${significant(seconds * 1e3)} ms`;
  if (magnitude < 120) return `${significant(seconds)} s`;
  if (magnitude < 7_200) return `${significant(seconds / 60)} min`;
  if (magnitude < 172_800) return `${significant(seconds / 3_600)} h`;
  return `${significant(seconds / 86_400)} days`;
}

/** Watts: 312.4 → "312 W", 1500 → "1.5 kW". */
export function formatPower(watts: number): string {
  return scaled(watts, [
    [1e3, "kW"],
    [1, "W"],
    [1e-3, "mW"],
  ]);
}

/** An interval, the unit written once when both ends share it: ({0.012, 0.023}, formatEnergy) → "12–23 mJ". */
export function formatRange(range: { low: number; high: number }, format: (value: number) => string): string {
  const low = format(range.low);
  const high = format(range.high);
  const lowUnit = low.slice(low.indexOf(" ") + 1);
  const highUnit = high.slice(high.indexOf(" ") + 1);
  return low.includes(" ") && lowUnit === highUnit ? `${low.slice(0, low.indexOf(" "))}–${high}` : `${low}–${high}`;
}

/** A central figure with its interval: "17 mJ (12–23 mJ)". */
export function formatWithRange(value: number, range: { low: number; high: number }, format: (value: number) => string): string {
  return `${format(value)} (${formatRange(range, format)})`;
}

/** Bytes in binary units, as memory is sized: 1536 → "1.5 KiB", 4e9 → "3.73 GiB". */
export function formatBytes(bytes: number): string {
  if (Math.abs(bytes) < 1024) return `${Math.round(bytes)} B`;
  return scaled(bytes, [
    [1024 ** 4, "TiB"],
    [1024 ** 3, "GiB"],
    [1024 ** 2, "MiB"],
    [1024, "KiB"],
  ]);
}

/** A whole number with thousands separators, independent of the host's locale: 1000000 → "1,000,000". */
export function formatWhole(value: number): string {
  if (!Number.isFinite(value)) return "?";
  return Math.round(value).toLocaleString("en-US");
}

/** A whole count and its noun, singular for one: "1 epoch", "5,000 steps", "2 batches" (plural given). */
export function formatCountOf(value: number, noun: string, plural = `${noun}s`): string {
  return `${formatWhole(value)} ${Math.round(value) === 1 ? noun : plural}`;
}

/** A count that may be a fraction, with its noun: 0.533 → "0.53 epochs", 1 → "1 epoch", 1,234.5 → "1,235 epochs". */
export function formatFractionalCountOf(value: number, noun: string): string {
  const text = Math.abs(value) >= 100 ? formatWhole(value) : significant(value);
  return `${text} ${noun}${text === "1" ? "" : "s"}`;
}
