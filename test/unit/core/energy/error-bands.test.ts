// Ranges on every time, energy and carbon figure: the bands come from the committed measurements (reproducibly),
// cover the measured value for at least 80% of runs leave-one-out, and widen with the distance from measured hardware.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { errorBands, quantile, rangeFactors, residualBand, REGIMES } from "../../../../src/core/energy/error-bands";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { hardwareProfile } from "../../../../src/core/energy/hardware";
import { hostProfile } from "../../../../src/core/energy/host";
import { estimateTrainingRun } from "../../../../src/core/energy/training-run";
import { estimateJson } from "../../../../src/cli/estimate-options";
import { chooseLevels, fitBands, leaveOneOut, onMeasuredHardware, residualRows, summarize, type MeasurementSet } from "./calibration-runs";
import { cifarResnet18, resnet50, squareMatmul } from "./workloads";

const root = path.resolve(__dirname, "../../../..");
const MEASUREMENTS = ["data/calibration/h100.json", "test/fixtures/energy/held-out-h100.json", "test/fixtures/energy/held-out-2-h100.json"];
const sets = MEASUREMENTS.map((file) => ({ name: path.basename(file), data: JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as MeasurementSet }));

describe("ranges on the energy model's figures", () => {
  it("takes central quantiles by linear interpolation, and a band always holds the estimate itself", () => {
    assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
    assert.equal(quantile([0, 10], 0.25), 2.5);
    assert.throws(() => quantile([], 0.5), /no values/);
    const band = residualBand([0.1, 0.2, 0.3, 0.4, 0.5], 0.5);
    assert.deepEqual([band.low, Number(band.high.toFixed(6)), band.runs], [0, 0.4, 5]);
  });

  describe("bands fitted to the committed H100 measurements", function () {
    const rows = residualRows(sets).filter(onMeasuredHardware);
    const bands = errorBands();

    it("are what tools/energy-ranges.mjs computes from them (src/core/energy/error-bands.json is reproducible)", () => {
      const levels = chooseLevels(rows, bands.widening);
      const fitted = fitBands(rows, levels);
      for (const figure of ["time", "energy"] as const) {
        for (const regime of REGIMES) {
          const [want, got] = [fitted[figure][regime], bands[figure][regime]];
          assert.equal(got.runs, want.runs, `${figure} ${regime} runs`);
          assert.equal(got.level, want.level, `${figure} ${regime} level`);
          assert.ok(Math.abs(got.low - want.low) < 1e-3 && Math.abs(got.high - want.high) < 1e-3, `${figure} ${regime}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
        }
      }
    });

    it("hold the measured time and energy of at least 80% of runs, leave-one-out", () => {
      const levels = Object.fromEntries(REGIMES.map((r) => [r, bands.time[r].level])) as Record<(typeof REGIMES)[number], number>;
      const s = summarize(leaveOneOut(rows, levels, bands.widening));
      console.log(`      ${s.runs} runs: time in range ${(s.time.coverage * 100).toFixed(0)}% (median width ${(s.time.medianWidth * 100).toFixed(0)}%), energy ${(s.energy.coverage * 100).toFixed(0)}% (median width ${(s.energy.medianWidth * 100).toFixed(0)}%)`);
      assert.ok(s.runs >= 70);
      assert.ok(s.time.coverage >= 0.8, `time coverage ${s.time.coverage}`);
      assert.ok(s.energy.coverage >= 0.8, `energy coverage ${s.energy.coverage}`);
      // No wider than needed: a band at the next narrower level would miss the target somewhere.
      assert.ok(s.time.medianWidth < 1.2 && s.energy.medianWidth < 1.2, "median widths stay below 120% of the estimate");
    });
  });

  describe("on an estimate", () => {
    const options = { dtype: "fp32", mode: "inference" } as const;

    it("brackets every figure, carbon by the energy's range, and says why", () => {
      const e = estimateModel(resnet50(1), { ...options, hardware: "h200-sxm" });
      for (const [value, range] of [
        [e.seconds_per_iter, e.range.seconds_per_iter],
        [e.joules_per_iter, e.range.joules_per_iter],
        [e.gco2e_per_iter, e.range.gco2e_per_iter],
      ] as const) {
        assert.ok(range.low < value && value < range.high, `${range.low} < ${value} < ${range.high}`);
      }
      assert.ok(Math.abs(e.range.gco2e_per_iter.high / e.gco2e_per_iter - e.range.joules_per_iter.high / e.joules_per_iter) < 1e-9);
      assert.equal(e.range.reason, "launch-bound on h200-sxm, profile not measured, host server-x86 estimated");
    });

    it("widens with the distance from measured hardware and the host's, and narrows when the regime is better known", () => {
      const width = (hardware: string, host?: string, report = resnet50(1)) => {
        const e = estimateModel(report, { ...options, hardware, host });
        return e.range.joules_per_iter.high / e.range.joules_per_iter.low;
      };
      assert.ok(width("h100-sxm", "h100-calibration") < width("h100-sxm", "server-x86"), "an estimated host widens a launch-bound range");
      assert.ok(width("h100-sxm", "server-x86") < width("h200-sxm", "server-x86"), "an unmeasured part widens it");
      assert.ok(width("h200-sxm") < width("l40s") && width("l40s") < width("mi300x"), "same architecture < same vendor < other stack");
      const big = squareMatmul(8192);
      assert.ok(width("h100-sxm", "h100-calibration", big) < width("h100-sxm", "h100-calibration"), "compute-bound ranges are narrower than launch-bound ones");
      assert.equal(rangeFactors("compute", hardwareProfile("h100-sxm"), hostProfile("server-x86")).reason, "compute-bound on h100-sxm", "the host does not widen a compute-bound range");
    });

    it("drops the unmeasured-hardware part when the profile was calibrated from the user's runs", () => {
      const plain = estimateModel(resnet50(1), { ...options, hardware: "l40s" });
      const unchanged = { hardware: "l40s", host: "server-x86", runs: 3, efficiencyScale: 1, hostScale: 1, powerScale: 1, source: "test" };
      const calibrated = estimateModel(resnet50(1), { ...options, hardware: "l40s", calibration: unchanged });
      assert.equal(calibrated.range.reason, "launch-bound on l40s, calibrated from 3 runs");
      assert.ok(calibrated.range.joules_per_iter.high - calibrated.range.joules_per_iter.low < plain.range.joules_per_iter.high - plain.range.joules_per_iter.low);
    });

    it("carries the step's range to a whole training run, and into the CLI's JSON as low/high", () => {
      const step = estimateModel(cifarResnet18(128), { hardware: "a100-sxm", dtype: "bf16", mode: "train" });
      const run = estimateTrainingRun(step, { epochs: 10, samples: 50_000 });
      assert.ok(Math.abs(run.range.kwh.low / run.kwh - step.range.joules_per_iter.low / step.joules_per_iter) < 1e-9);
      assert.ok(run.range.seconds.low < run.seconds && run.seconds < run.range.seconds.high);
      const json = estimateJson(step) as { joules_per_iter: number; ranges: Record<string, { low: number; high: number }>; range_reason: string };
      for (const key of ["seconds_per_iter", "joules_per_iter", "gco2e_per_iter"]) assert.ok(json.ranges[key].low <= json.ranges[key].high, key);
      assert.ok(json.ranges.joules_per_iter.low <= json.joules_per_iter && json.joules_per_iter <= json.ranges.joules_per_iter.high);
      assert.match(json.range_reason, /^(compute|memory|launch)-bound on a100-sxm, profile not measured/);
    });
  });
});
