// The energy model against runs measured on an H100 (NVML energy counter): the calibration file
// (data/calibration/h100.json) and the held-out runs of test/fixtures/energy. The networks are generated in workloads.ts.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { compareRuns, formatTable, withinTolerance, type MeasuredRun } from "./calibration-runs";

const calibrationFile = path.resolve(__dirname, "../../../../data/calibration/h100.json");
const heldOutFile = path.resolve(__dirname, "../../../fixtures/energy/held-out-h100.json");
const secondHeldOutFile = path.resolve(__dirname, "../../../fixtures/energy/held-out-2-h100.json");

function readRuns(file: string): MeasuredRun[] {
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { runs: MeasuredRun[] }).runs;
}

describe("energy model against measured H100 runs", () => {
  describe("calibration (data/calibration/h100.json)", function () {
    const runs = readRuns(calibrationFile);

    it("generates the measured FLOPs of every run (inference within 2%; training by the flop_counter convention)", () => {
      for (const row of compareRuns(runs)) {
        const limit = row.run.mode === "inference" ? 0.02 : 0.03;
        assert.ok(Math.abs(row.flopsError) <= limit, `${row.run.name} b${row.run.batch} ${row.run.mode}: FLOPs off by ${(row.flopsError * 100).toFixed(1)}%`);
      }
    });

    it("estimates joules and seconds per iteration within ±30% for at least 12 of the 15 runs", () => {
      const rows = compareRuns(runs);
      console.log(formatTable(rows).replace(/^/gm, "      "));
      const counts = withinTolerance(rows);
      assert.equal(counts.total, 15);
      assert.ok(counts.energy >= 12, `energy within ±30% for ${counts.energy}/15`);
      assert.ok(counts.time >= 12, `time within ±30% for ${counts.time}/15`);
    });

    it("tracks the 100× swing of joules per FLOP between batch 1 and large batches", () => {
      const rows = compareRuns(runs).filter((r) => r.run.name === "tv-resnet50" && r.run.dtype === "fp32" && r.run.mode === "inference");
      const perFlop = (r: (typeof rows)[number], joules: number): number => joules / r.run.flops_per_iter;
      const small = rows.find((r) => r.run.batch === 1)!;
      const large = rows.find((r) => r.run.batch === 128)!;
      const measured = perFlop(small, small.run.J_per_iter) / perFlop(large, large.run.J_per_iter);
      const modelled = perFlop(small, small.modelJoules) / perFlop(large, large.modelJoules);
      assert.ok(measured > 5, "the calibration shows the swing");
      assert.ok(Math.abs(modelled / measured - 1) <= 0.3, `J/FLOP ratio b1/b128: modelled ${modelled.toFixed(1)}, measured ${measured.toFixed(1)}`);
    });
  });

  describe("second held-out set, measured after the constants were fixed (held-out-2-h100.json)", () => {
    const runs = readRuns(secondHeldOutFile);

    it("generates the measured FLOPs of every run", () => {
      for (const row of compareRuns(runs)) {
        assert.ok(Math.abs(row.flopsError) <= 0.02, `${row.run.name} b${row.run.batch} ${row.run.mode}: FLOPs off by ${(row.flopsError * 100).toFixed(1)}%`);
      }
    });

    it("estimates at least 80% of its runs within ±30% (time and energy)", () => {
      const rows = compareRuns(runs);
      console.log(formatTable(rows).replace(/^/gm, "      "));
      const counts = withinTolerance(rows);
      assert.equal(counts.total, 20);
      assert.ok(counts.energy >= 16, `energy within ±30% for ${counts.energy}/20`);
      assert.ok(counts.time >= 16, `time within ±30% for ${counts.time}/20`);
    });
  });

  describe("held-out runs (test/fixtures/energy/held-out-h100.json)", () => {
    const all = readRuns(heldOutFile);
    const heldOut = all.filter((r) => r.group === "held-out");

    it("generates the measured FLOPs of the held-out inference runs", () => {
      // flop_counter has no rule for cuDNN's LSTM (the fixture's LSTM FLOPs are analytic) and over-counts depthwise
      // convolutions' backward, so training and LSTM runs are not compared on FLOPs.
      for (const row of compareRuns(heldOut.filter((r) => r.mode === "inference" && r.flops_source !== "analytic"))) {
        assert.ok(Math.abs(row.flopsError) <= 0.02, `${row.run.name} b${row.run.batch}: FLOPs off by ${(row.flopsError * 100).toFixed(1)}%`);
      }
    });

    it("estimates at least 80% of held-out runs within ±30% (time and energy)", () => {
      const rows = compareRuns(heldOut);
      console.log(formatTable(rows).replace(/^/gm, "      "));
      const counts = withinTolerance(rows);
      assert.ok(counts.total >= 30, "the fixture holds the held-out runs");
      assert.ok(counts.energy >= 0.8 * counts.total, `energy within ±30% for ${counts.energy}/${counts.total}`);
      assert.ok(counts.time >= 0.8 * counts.total, `time within ±30% for ${counts.time}/${counts.total}`);
    });
  });
});
