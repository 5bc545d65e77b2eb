import { strict as assert } from "node:assert";
import { carbonOf, costOf } from "../../../../src/core/energy/carbon";
import { estimateClusterRun } from "../../../../src/core/energy/training-run";

describe("carbon and cost", () => {
  it("carbon = kWh × PUE × intensity", () => {
    assert.equal(carbonOf(3.6e6, { gco2PerKwh: 400 }), 400);
    assert.ok(Math.abs(carbonOf(7.2e6, { gco2PerKwh: 50, pue: 1.5 }) - 150) < 1e-9);
  });

  it("cost = kWh × PUE × price", () => {
    assert.ok(Math.abs(costOf(3.6e7, { perKwh: 0.3 }) - 3) < 1e-12);
    assert.ok(Math.abs(costOf(3.6e7, { perKwh: 0.3, pue: 1.2 }) - 3.6) < 1e-12);
  });

  it("rejects negative energy, intensity or price and a PUE below 1", () => {
    assert.throws(() => carbonOf(-1, { gco2PerKwh: 1 }), /energy/);
    assert.throws(() => carbonOf(1, { gco2PerKwh: Number.NaN }), /grid intensity/);
    assert.throws(() => carbonOf(1, { gco2PerKwh: 1, pue: 0.9 }), /PUE must be at least 1/);
    assert.throws(() => costOf(1, { perKwh: -0.1 }), /price/);
  });

  // Patterson et al., "Carbon Emissions and Large Neural Network Training" (2021), Table 4, GPT-3: 3.14e23 FLOPs
  // on 10,000 V100s for 14.8 days at 330 W measured per chip, PUE 1.10, 0.429 kgCO2e/kWh → 1,287 MWh, 552 tCO2e.
  describe("GPT-3's published training run (Patterson et al. 2021, Table 4)", () => {
    const published = { mwh: 1287, tco2e: 552 };
    const grid = { gco2PerKwh: 429, pue: 1.1 };
    const within10 = (value: number, target: number): boolean => Math.abs(value / target - 1) <= 0.1;

    it("reproduces 1,287 MWh and 552 tCO2e from devices, days and measured power", () => {
      const run = estimateClusterRun({ devices: 10_000, seconds: 14.8 * 86_400, powerPerDeviceW: 330, grid });
      assert.ok(within10(run.kwh / 1000, published.mwh), `${(run.kwh / 1000).toFixed(0)} MWh`);
      assert.ok(within10(run.gco2e / 1e6, published.tco2e), `${(run.gco2e / 1e6).toFixed(0)} t`);
    });

    it("reproduces them from the FLOPs and the throughput the paper implies", () => {
      // 3.14e23 FLOPs in 14.8 days on 10,000 chips is 24.6 TFLOP/s per chip (20% of the V100's 125).
      const run = estimateClusterRun({ devices: 10_000, flops: 3.14e23, achievedFlopsPerDevice: 24.6e12, powerPerDeviceW: 330, grid });
      assert.ok(Math.abs(run.seconds / 86_400 - 14.8) < 0.1);
      assert.ok(within10(run.kwh / 1000, published.mwh));
      assert.ok(within10(run.gco2e / 1e6, published.tco2e));
    });

    it("lands within 10% with the v100 profile's modelled power at full load instead of the measured 330 W", () => {
      const run = estimateClusterRun({ devices: 10_000, seconds: 14.8 * 86_400, hardware: "v100", utilisation: 1, grid });
      assert.equal(run.powerPerDeviceW, 300);
      assert.ok(within10(run.kwh / 1000, published.mwh), `${(run.kwh / 1000).toFixed(0)} MWh`);
      assert.ok(within10(run.gco2e / 1e6, published.tco2e), `${(run.gco2e / 1e6).toFixed(0)} t`);
    });

    it("asks for what it needs", () => {
      assert.throws(() => estimateClusterRun({ devices: 10, grid }), /seconds, or its flops/);
      assert.throws(() => estimateClusterRun({ devices: 10, seconds: 1, grid }), /powerPerDeviceW or a hardware profile/);
      assert.throws(() => estimateClusterRun({ devices: 0, seconds: 1, powerPerDeviceW: 1, grid }), /devices must be a positive integer/);
      assert.throws(() => estimateClusterRun({ devices: 1, seconds: 1, hardware: "v100", utilisation: 2, grid }), /utilisation/);
    });
  });
});
