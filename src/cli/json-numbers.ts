/** A figure rounded to `digits` significant digits for the CLI's JSON (zero and non-finite values unchanged). */
export function roundForJson(value: number, digits = 4): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
}
