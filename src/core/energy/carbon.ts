// Carbon and cost of energy. Carbon = energy × PUE × grid intensity; cost = energy × PUE × price: the accounting of
// Patterson et al., "Carbon Emissions and Large Neural Network Training" (arXiv:2104.10350, 2021), eq. 1, and of
// Lannelongue, Grealey and Inouye, "Green Algorithms" (Advanced Science, 2021).

/** Joules in one kilowatt-hour. */
export const JOULES_PER_KWH = 3.6e6;

/** The world's average grid intensity when no region is known: Green Algorithms' CI_aggregated.csv, `WORLD` row. */
export const WORLD_AVERAGE_GCO2_PER_KWH = 475;

/** Where the electricity comes from: grid intensity (gCO2e/kWh) and the facility's power usage effectiveness. */
export interface CarbonBasis {
  gco2PerKwh: number;
  /** Power usage effectiveness of the facility (1.0 for a machine under a desk; data centres 1.1 to 1.6). */
  pue?: number;
}

function checkFinite(value: number, what: string, allowZero = true): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new RangeError(`${what} must be a finite number ${allowZero ? "≥ 0" : "> 0"}, got ${value}`);
  }
}

/** Facility kWh for `joules` of device energy: PUE (power usage effectiveness) times the device's share. */
function facilityKwh(joules: number, pue = 1): number {
  checkFinite(joules, "energy (J)");
  checkFinite(pue, "PUE", false);
  if (pue < 1) throw new RangeError(`PUE must be at least 1, got ${pue}`);
  return (joules / JOULES_PER_KWH) * pue;
}

/** Grams of CO2e for `joules` of device energy at a grid intensity and PUE. */
export function carbonOf(joules: number, basis: CarbonBasis): number {
  checkFinite(basis.gco2PerKwh, "grid intensity (gCO2/kWh)");
  return facilityKwh(joules, basis.pue) * basis.gco2PerKwh;
}

/** Money for `joules` of device energy at a price per kWh (in the price's currency), facility overhead included. */
export function costOf(joules: number, price: { perKwh: number; pue?: number }): number {
  checkFinite(price.perKwh, "price per kWh");
  return facilityKwh(joules, price.pue) * price.perKwh;
}
