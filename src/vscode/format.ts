// Number and shape formatting shared by CodeLens, hover, inlay hints and the report (one style everywhere).

/** 25_557_032 → "25.6 M"; small counts stay exact. */
export function formatCount(value: number): string {
  const units: [number, string][] = [
    [1e12, "T"],
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(value) >= size) return `${trim(value / size)} ${unit}`;
  }
  return String(Math.round(value));
}

/** 4.1e9 → "4.1 GFLOPs". */
export function formatFlops(flops: number): string {
  const units: [number, string][] = [
    [1e15, "PFLOPs"],
    [1e12, "TFLOPs"],
    [1e9, "GFLOPs"],
    [1e6, "MFLOPs"],
    [1e3, "kFLOPs"],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(flops) >= size) return `${trim(flops / size)} ${unit}`;
  }
  return `${Math.round(flops)} FLOPs`;
}

/** [1, 64, 56, 56] → "[1, 64, 56, 56]". */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** 0.1234 → "12.3%". */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return "–";
  const percent = (part / whole) * 100;
  return `${percent >= 10 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** Three significant figures at most, without trailing zeros. */
function trim(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

/** Joules with an SI prefix: 0.00077 → "0.77 mJ", 3.2e6 → "3.2 MJ". */
export function formatEnergy(joules: number): string {
  const units: [number, string][] = [
    [1e6, "MJ"],
    [1e3, "kJ"],
    [1, "J"],
    [1e-3, "mJ"],
    [1e-6, "µJ"],
  ];
  for (const [size, unit] of units) if (Math.abs(joules) >= size) return `${trim(joules / size)} ${unit}`;
  return `${trim(joules / 1e-9)} nJ`;
}

/** A central energy and its range, in the central figure's unit: `17 mJ (12-23 mJ)`. */
export function formatEnergyRange(joules: number, range: { low: number; high: number }): string {
  const central = formatEnergy(joules);
  const unit = central.slice(central.indexOf(" ") + 1);
  const scale = { MJ: 1e6, kJ: 1e3, J: 1, mJ: 1e-3, "µJ": 1e-6, nJ: 1e-9 }[unit] ?? 1;
  return `${central} (${trim(range.low / scale)}-${trim(range.high / scale)} ${unit})`;
}

/** Grams of CO2e: below a gram in mg, above a kilogram in kg. */
export function formatGrams(grams: number): string {
  if (Math.abs(grams) >= 1000) return `${trim(grams / 1000)} kg`;
  if (Math.abs(grams) >= 1) return `${trim(grams)} g`;
  return `${trim(grams * 1000)} mg`;
}
