import * as assert from "assert";
import {
  formatCarbon,
  formatFractionalCountOf,
  formatCount,
  formatDuration,
  formatBytes,
  formatEnergy,
  formatFlops,
  formatInputSpec,
  formatIntensity,
  formatKwh,
  formatPower,
  formatRange,
  formatShape,
  formatShare,
  formatWhole,
  formatWithRange,
  significant,
} from "../../../../src/core/report/format";

describe("number formatting, one home for CLI and editor (src/core/report/format.ts)", () => {
  it("keeps at most three significant figures without trailing zeros, also after rounding up", () => {
    assert.strictEqual(significant(4.1), "4.1");
    assert.strictEqual(significant(4.104), "4.1");
    assert.strictEqual(significant(966.656), "967");
    assert.strictEqual(significant(99.96), "100");
    assert.strictEqual(significant(9.996), "10");
    assert.strictEqual(significant(Number.NaN), "?");
  });

  it("counts get a unit and at most three significant figures", () => {
    assert.strictEqual(formatCount(25_557_032), "25.6 M");
    assert.strictEqual(formatCount(41_418), "41.4 k");
    assert.strictEqual(formatCount(94_762), "94.8 k");
    assert.strictEqual(formatCount(824), "824");
    assert.strictEqual(formatCount(1_000), "1 k");
    assert.strictEqual(formatCount(0), "0");
    assert.strictEqual(formatCount(Number.POSITIVE_INFINITY), "?");
  });

  it("FLOPs use the largest unit that keeps the number at least 1", () => {
    assert.strictEqual(formatFlops(4.1e9), "4.1 GFLOPs");
    assert.strictEqual(formatFlops(4.1e9 + 1), "4.1 GFLOPs");
    assert.strictEqual(formatFlops(966_656), "967 kFLOPs");
    assert.strictEqual(formatFlops(999), "999 FLOPs");
    assert.strictEqual(formatFlops(1.5e15), "1.5 PFLOPs");
  });

  it("energy, kWh, power and carbon pick SI prefixes both ways, carbon in the field's gCO2e", () => {
    assert.strictEqual(formatEnergy(0.77), "770 mJ");
    assert.strictEqual(formatEnergy(3.2e6), "3.2 MJ");
    assert.strictEqual(formatEnergy(2.5e-5), "25 µJ");
    assert.strictEqual(formatEnergy(0), "0 nJ");
    assert.strictEqual(formatKwh(0.0042), "4.2 Wh");
    assert.strictEqual(formatKwh(1_287_000), "1.29 GWh");
    assert.strictEqual(formatPower(312.4), "312 W");
    assert.strictEqual(formatCarbon(0.2), "200 mgCO2e");
    assert.strictEqual(formatCarbon(12.34), "12.3 gCO2e");
    assert.strictEqual(formatCarbon(2500), "2.5 kgCO2e");
    assert.strictEqual(formatCarbon(552e6), "552 tCO2e");
    assert.strictEqual(formatIntensity(475.4), "475 gCO2e/kWh");
  });

  it("a range writes its unit once when both ends share it", () => {
    assert.strictEqual(formatWithRange(0.017, { low: 0.012, high: 0.023 }, formatEnergy), "17 mJ (12–23 mJ)");
    assert.strictEqual(formatWithRange(0.9, { low: 0.5, high: 1.9 }, formatEnergy), "900 mJ (500 mJ–1.9 J)");
    assert.strictEqual(formatRange({ low: 0.0011, high: 0.0015 }, formatDuration), "1.1–1.5 ms");
  });

  it("durations in the unit a person would use", () => {
    assert.strictEqual(formatDuration(0.0012), "1.2 ms");
    assert.strictEqual(formatDuration(90), "90 s");
    assert.strictEqual(formatDuration(5_400), "90 min");
    assert.strictEqual(formatDuration(9_000), "2.5 h");
    assert.strictEqual(formatDuration(4 * 86_400), "4 days");
    assert.strictEqual(formatDuration(3e-6), "3 µs");
  });

  it("shapes, input specs, shares and whole numbers", () => {
    assert.strictEqual(formatShape([1, 64, 56, 56]), "[1, 64, 56, 56]");
    assert.strictEqual(formatShape([]), "[]");
    assert.strictEqual(formatInputSpec({ shape: [1, 3, 224, 224], dtype: "float32" }), "1x3x224x224");
    assert.strictEqual(formatInputSpec({ shape: [1, 1024], dtype: "int64" }), "1x1024:int64");
    assert.strictEqual(formatShare(1, 8), "13%");
    assert.strictEqual(formatShare(1, 40), "2.5%");
    assert.strictEqual(formatShare(9, 10), "90%");
    assert.strictEqual(formatShare(1, 0), "–");
    assert.strictEqual(formatWhole(1_234_567), "1,234,567");
    assert.strictEqual(formatBytes(800), "800 B");
    assert.strictEqual(formatBytes(1536), "1.5 KiB");
    assert.strictEqual(formatBytes(4e9), "3.73 GiB");
  });

  it("fractional counts keep three figures under 100 and take the plural unless exactly one", () => {
    assert.strictEqual(formatFractionalCountOf(0.5333, "epoch"), "0.53 epochs");
    assert.strictEqual(formatFractionalCountOf(1, "epoch"), "1 epoch");
    assert.strictEqual(formatFractionalCountOf(1.004, "epoch"), "1 epoch");
    assert.strictEqual(formatFractionalCountOf(12.46, "epoch"), "12.5 epochs");
    assert.strictEqual(formatFractionalCountOf(1234.5, "epoch"), "1,235 epochs");
  });
});
