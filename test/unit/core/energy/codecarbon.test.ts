// The user's own runs: CodeCarbon's files read, matched to the script whose tracker wrote them, summarized beside
// the estimate, and a profile fitted to them.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { applyCalibration, fitCalibration } from "../../../../src/core/energy/calibration";
import { parseCsvRows } from "../../../../src/core/csv";
import { isCodeCarbonHeader, joinPath, parseEmissionsCsv, parseEmissionsJson, runsOfTracker, summarizeRuns, trackerFiles } from "../../../../src/core/energy/codecarbon";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { hardwareProfile } from "../../../../src/core/energy/hardware";
import { hostProfile } from "../../../../src/core/energy/host";
import { analyze } from "../../helpers/analyze";
import { cifarResnet18, resnet50 } from "./workloads";

const csv = fs.readFileSync(path.join(__dirname, "../../../fixtures/codecarbon/emissions.csv"), "utf8");

describe("CodeCarbon runs", () => {
  it("reads emissions.csv: quoted fields, units as written, one run per row", () => {
    const file = parseEmissionsCsv(csv, "/w/emissions.csv");
    assert.deepEqual(file.problems, []);
    assert.equal(file.runs.length, 4);
    const first = file.runs[0];
    assert.equal(first.projectName, "mnist-small");
    assert.equal(first.durationSeconds, 412.5);
    assert.equal(first.gpuKwh, 0.033);
    assert.equal(first.totalKwh, 0.03923);
    assert.equal(first.gpuModel, "NVIDIA H200");
    assert.equal(first.row, 2);
    assert.ok(isCodeCarbonHeader(csv.split("\n")[0]));
    assert.deepEqual(parseCsvRows('a,"b, c","d ""e"""\n1,2,3'), [["a", "b, c", 'd "e"'], ["1", "2", "3"]]);
  });

  it("lists rows it cannot read with their line, keeps the others, and refuses a file that is not CodeCarbon's", () => {
    const lines = csv.trim().split("\n");
    const broken = [lines[0], lines[1], lines[2].replace(",405.0,", ",soon,"), "only,three,fields"].join("\n");
    const file = parseEmissionsCsv(broken, "e.csv");
    assert.equal(file.runs.length, 1);
    assert.match(file.problems[0], /^e\.csv:3: duration is not a number ≥ 0 \("soon"\)$/);
    assert.match(file.problems[1], /^e\.csv:4: 3 fields, the header has 32$/);
    assert.match(parseEmissionsCsv("name,value\nx,1\n", "other.csv").problems[0], /not a CodeCarbon file/);
    assert.equal(parseEmissionsCsv("", "empty.csv").runs.length, 0);
  });

  it("reads the same records as JSON, as an array or one object per line", () => {
    const record = { project_name: "p", duration: 10, energy_consumed: 0.002, gpu_energy: 0.0015, gpu_count: 1 };
    assert.equal(parseEmissionsJson(JSON.stringify([record, record]), "e.json").runs.length, 2);
    const lines = parseEmissionsJson(`${JSON.stringify(record)}\n${JSON.stringify({ ...record, duration: 12 })}\n`, "e.jsonl");
    assert.deepEqual(lines.runs.map((r) => r.durationSeconds), [10, 12]);
    assert.match(parseEmissionsJson("{not json", "bad.json").problems[0], /^bad\.json: not JSON/);
    assert.match(parseEmissionsJson(JSON.stringify([{ duration: 1 }]), "x.json").problems[0], /record 1 is not a CodeCarbon run/);
  });

  it("matches runs to a tracker by project name and where it writes, and summarizes them by medians", () => {
    const runs = parseEmissionsCsv(csv, "/w/runs/emissions.csv").runs;
    const mine = runsOfTracker(runs, { projectName: "mnist-small", outputDir: ".", outputFile: "emissions.csv" });
    assert.equal(mine.length, 3);
    const summary = summarizeRuns(mine)!;
    assert.equal(summary.runs, 3);
    assert.equal(summary.durationSeconds, 412.5);
    assert.equal(summary.gpuKwh, 0.033);
    assert.equal(summary.gpuModel, "NVIDIA H200");
    assert.equal(summarizeRuns([]), undefined);
    assert.deepEqual(trackerFiles({ projectName: "p", outputDir: "logs/../runs", outputFile: "e.csv" }, "/w/src", ["/w"]), ["/w/src/runs/e.csv", "/w/runs/e.csv"]);
    assert.deepEqual(trackerFiles({ projectName: "p", outputDir: "/tmp/cc", outputFile: "e.csv" }, "/w/src", ["/w"]), ["/tmp/cc/e.csv"]);
    assert.equal(joinPath("/a/b", "./c", "../d"), "/a/b/d");
  });
});

describe("a training script's tracker, read from its code", () => {
  const script = (tracker: string) => `
import torch
from torch import nn
from codecarbon import EmissionsTracker, track_emissions

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)
    def forward(self, x):
        return self.fc(x)

PROJECT = "mnist-" + "small"
${tracker}
`;

  it("finds EmissionsTracker's project name, output folder and file, evaluating names and expressions", async () => {
    const result = await analyze(script(`tracker = EmissionsTracker(project_name=PROJECT, output_dir="logs")\ntracker.start()`), { readTraining: true });
    const tracker = result.training?.tracker;
    assert.ok(tracker, "tracker found");
    assert.deepEqual([tracker.projectName, tracker.outputDir, tracker.outputFile, tracker.line], ["mnist-small", "logs", "emissions.csv", 14]);
  });

  it("finds the decorator and the context manager forms, with CodeCarbon's defaults for what is not given", async () => {
    const decorated = await analyze(script(`@track_emissions(project_name="decorated", output_file="runs.csv")\ndef train():\n    pass`), { readTraining: true });
    assert.deepEqual([decorated.training?.tracker?.projectName, decorated.training?.tracker?.outputFile], ["decorated", "runs.csv"]);
    const managed = await analyze(script(`def main():\n    with OfflineEmissionsTracker(country_iso_code="DEU") as t:\n        pass`).replace("EmissionsTracker, track_emissions", "OfflineEmissionsTracker"), { readTraining: true });
    assert.deepEqual([managed.training?.tracker?.projectName, managed.training?.tracker?.outputDir], ["codecarbon", "."]);
    const none = await analyze(script(""), { readTraining: true });
    assert.equal(none.training?.tracker, undefined);
  });
});

describe("calibrating a profile to measured runs", () => {
  const truth = { hardware: "l40s", host: "server-x86", runs: 0, efficiencyScale: 0.7, hostScale: 1.3, powerScale: 0.8, source: "truth" };
  const workloads = [resnet50(1), resnet50(64), cifarResnet18(256)];
  const estimateOf = (report: ReturnType<typeof resnet50>, calibration?: typeof truth) => {
    const e = estimateModel(report, { hardware: "l40s", dtype: "fp32", mode: "train", calibration });
    return { seconds: e.seconds_per_iter, joules: e.joules_per_iter, bound: e.bound };
  };

  it("recovers the constants behind runs that a known calibration produced", () => {
    const runs = workloads.map((report) => ({ measured: estimateOf(report, truth), estimate: (c: typeof truth) => estimateOf(report, c) }));
    const fitted = fitCalibration(hardwareProfile("l40s"), hostProfile("server-x86"), runs, "emissions.csv (mnist-small)");
    assert.equal(fitted.runs, 3);
    for (const run of runs) {
      const back = run.estimate(fitted);
      assert.ok(Math.abs(back.seconds / run.measured.seconds - 1) < 0.1, `time ${back.seconds} vs ${run.measured.seconds}`);
      assert.ok(Math.abs(back.joules / run.measured.joules - 1) < 0.1, `energy ${back.joules} vs ${run.measured.joules}`);
    }
    assert.ok(fitted.efficiencyScale < 1 && fitted.hostScale > 1 && fitted.powerScale < 1, JSON.stringify(fitted));
  });

  it("applies only to its own hardware and host, says 'calibrated from N runs', and never pushes an efficiency over 1", () => {
    const fitted = { ...truth, runs: 3 };
    assert.equal(estimateModel(resnet50(1), { hardware: "l40s", dtype: "fp32", mode: "inference", calibration: fitted }).range.reason, "launch-bound on l40s, calibrated from 3 runs");
    assert.match(estimateModel(resnet50(1), { hardware: "h200-sxm", dtype: "fp32", mode: "inference", calibration: fitted }).range.reason, /profile not measured/);
    assert.match(estimateModel(resnet50(1), { hardware: "l40s", host: "desktop-x86", dtype: "fp32", mode: "inference", calibration: fitted }).range.reason, /profile not measured/);
    const hot = applyCalibration(hardwareProfile("l40s"), hostProfile("server-x86"), { ...truth, efficiencyScale: 5 });
    assert.ok(Math.max(hot.profile.model.matmulEfficiency, hot.profile.model.memoryEfficiency) <= 1);
    assert.equal(hardwareProfile("l40s").model.matmulEfficiency, 0.74, "the bundled profile is unchanged");
  });

  it("refuses to fit to runs without a duration or energy", () => {
    assert.throws(() => fitCalibration(hardwareProfile("l40s"), hostProfile("server-x86"), [{ measured: { seconds: 0, joules: 5 }, estimate: () => ({ seconds: 1, joules: 1, bound: "compute" }) }], "x"), /no run with a measured duration and energy/);
  });
});
