import * as assert from "assert";
import { formatCount, formatEnergy, formatEnergyRange, formatFlops, formatGrams, formatShape, formatShare } from "../../../src/vscode/format";

describe("editor number formatting (src/vscode/format.ts)", () => {
  it("counts get a unit and at most three significant figures", () => {
    assert.strictEqual(formatCount(25_557_032), "25.6 M");
    assert.strictEqual(formatCount(41_418), "41.4 k");
    assert.strictEqual(formatCount(824), "824");
    assert.strictEqual(formatCount(1_000), "1 k");
    assert.strictEqual(formatCount(0), "0");
  });

  it("FLOPs use the largest unit that keeps the number at least 1", () => {
    assert.strictEqual(formatFlops(4.1e9), "4.1 GFLOPs");
    assert.strictEqual(formatFlops(966_656), "967 kFLOPs");
    assert.strictEqual(formatFlops(999), "999 FLOPs");
    assert.strictEqual(formatFlops(1.5e15), "1.5 PFLOPs");
  });

  it("energy and carbon pick SI prefixes both ways", () => {
    assert.strictEqual(formatEnergy(0.77), "770 mJ");
    assert.strictEqual(formatEnergy(3.2e6), "3.2 MJ");
    assert.strictEqual(formatEnergy(2.5e-5), "25 µJ");
    assert.strictEqual(formatGrams(0.2), "200 mg");
    assert.strictEqual(formatGrams(12.34), "12.3 g");
    assert.strictEqual(formatGrams(2500), "2.5 kg");
  });

  it("an energy range is written in the central figure's unit", () => {
    assert.strictEqual(formatEnergyRange(0.017, { low: 0.012, high: 0.023 }), "17 mJ (12-23 mJ)");
    assert.strictEqual(formatEnergyRange(0.9, { low: 0.5, high: 1.9 }), "900 mJ (500-1900 mJ)");
  });

  it("shapes and shares", () => {
    assert.strictEqual(formatShape([1, 64, 56, 56]), "[1, 64, 56, 56]");
    assert.strictEqual(formatShape([]), "[]");
    assert.strictEqual(formatShare(1, 8), "13%");
    assert.strictEqual(formatShare(1, 40), "2.5%");
    assert.strictEqual(formatShare(9, 10), "90%");
    assert.strictEqual(formatShare(1, 0), "–");
  });
});
