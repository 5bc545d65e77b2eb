/** Human-readable figures shared by the CLI, CodeLens and hovers. */

const UNITS = ["", "K", "M", "G", "T", "P", "E"];

/** 25557032 → "25.6 M"; small counts stay exact. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "?";
  if (Math.abs(n) < 1000) return String(Math.round(n));
  let i = 0;
  let v = n;
  while (Math.abs(v) >= 1000 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${UNITS[i]}`;
}

/** 4.1e9 → "4.10 GFLOPs"; 1792 → "1792 FLOPs". */
export function formatFlops(n: number): string {
  const count = formatCount(n);
  return /[A-Z]$/.test(count) ? `${count}FLOPs` : `${count} FLOPs`;
}

/** [1, 3, 224, 224] → "1x3x224x224". */
export function formatShape(shape: readonly number[]): string {
  return shape.join("x");
}

/** Bytes in binary units, as device memory is sold: "9.4 GiB", "94 GiB", "512 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 2 ** 30) {
    const mib = bytes / 2 ** 20;
    return `${mib.toFixed(mib < 10 ? 1 : 0)} MiB`;
  }
  const gib = bytes / 2 ** 30;
  return `${gib.toFixed(gib < 10 ? 1 : 0)} GiB`;
}
