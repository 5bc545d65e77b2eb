// The report's "measured beside estimated": a training script with a CodeCarbon tracker, its emissions.csv written
// to a real folder, read back, compared with the estimate for the same run, and the profile fitted to it.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { defaultSettings } from "../../../src/core/config";
import { estimateModel } from "../../../src/core/energy";
import { calibrateToRuns, estimateInference, measuredBeside } from "../../../src/vscode/energy-bridge";
import { readTrackerRuns } from "../../../src/vscode/measured-runs";
import { analyze } from "../helpers/analyze";

const SCRIPT = `
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from codecarbon import EmissionsTracker

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 512)
        self.fc2 = nn.Linear(512, 10)
    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

def main():
    data = TensorDataset(torch.zeros(60000, 784), torch.zeros(60000, dtype=torch.long))
    loader = DataLoader(data, batch_size=256, shuffle=True)
    model = Net()
    with EmissionsTracker(project_name="mnist-mlp", output_dir="logs") as tracker:
        for epoch in range(5):
            for x, y in loader:
                model(x).sum().backward()
`;

const header = "timestamp,project_name,run_id,duration,emissions,cpu_energy,gpu_energy,ram_energy,energy_consumed,gpu_count,gpu_model";
const row = (project: string, seconds: number, gpuKwh: number) => `2026-12-01T10:00:00,${project},r,${seconds},0.001,0.0001,${gpuKwh},0.00001,${gpuKwh + 0.00011},1,NVIDIA L40S`;

describe("CodeCarbon runs beside the estimate (report)", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "greenlight-codecarbon-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const read = async (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined);

  it("finds the tracker's runs where it writes them, shows them beside the estimate, and fits the profile to them", async () => {
    const script = path.join(dir, "src", "train.py");
    fs.mkdirSync(path.join(dir, "src"));
    fs.writeFileSync(script, SCRIPT);
    fs.mkdirSync(path.join(dir, "logs"));
    // Run from the workspace root, as `python src/train.py`: output_dir "logs" is the root's.
    fs.writeFileSync(path.join(dir, "logs", "emissions.csv"), [header, row("mnist-mlp", 0.3, 0.000009), row("other", 99, 0.5), row("mnist-mlp", 0.34, 0.000011), row("mnist-mlp", 0.32, 0.00001)].join("\n") + "\n");

    const result = await analyze(SCRIPT, { file: script, root: dir, readTraining: true });
    const tracker = result.training!.tracker!;
    const found = await readTrackerRuns(tracker, script, [dir], read);
    assert.strictEqual(found.file, path.join(dir, "logs", "emissions.csv"));
    assert.deepStrictEqual(found.runs.map((r) => r.durationSeconds), [0.3, 0.34, 0.32]);

    const model = result.models.find((m) => m.name === "Net")!;
    const run = { epochs: result.training!.epochs!.value, samples: result.training!.samples!.value, batch: result.training!.batch!.value, hardware: "l40s" };
    assert.deepStrictEqual([run.epochs, run.samples, run.batch], [5, 60000, 256]);
    const settings = { ...defaultSettings, hardware: "l40s" };
    const beside = measuredBeside(model, run, settings, found.runs, { file: found.file!, project: tracker.projectName })!;
    assert.strictEqual(beside.measured.runs, 3);
    assert.strictEqual(beside.measured.durationSeconds, 0.32);
    assert.ok(Math.abs(beside.measuredDeviceKwh - 0.00001) < 1e-12);
    assert.ok(beside.estimated && beside.estimated.deviceKwh > 0 && beside.estimated.range.low < beside.estimated.deviceKwh);
    assert.match(beside.estimated.reason, /on l40s, profile not measured/);
    assert.strictEqual(beside.calibratedRuns, undefined);

    // The fit brings the estimate of the same run to the measured median, and the settings carry it.
    const fitted = calibrateToRuns(model, run, settings, found.runs, "emissions.csv (project mnist-mlp)");
    assert.strictEqual(fitted.runs, 3);
    const calibrated = measuredBeside(model, run, { ...settings, calibration: fitted }, found.runs, { file: found.file!, project: tracker.projectName })!;
    assert.strictEqual(calibrated.calibratedRuns, 3);
    assert.ok(Math.abs((calibrated.estimated!.hours * 3600) / 0.32 - 1) < 0.1, `time ${calibrated.estimated!.hours * 3600} s vs 0.32 s`);
    assert.ok(Math.abs(calibrated.estimated!.deviceKwh / 0.00001 - 1) < 0.1, `energy ${calibrated.estimated!.deviceKwh} kWh vs 0.00001`);
    assert.match(calibrated.estimated!.reason, /calibrated from 3 runs/);
    // Every surface follows the setting: the CodeLens and hover figures come from the calibrated profile too.
    const inference = estimateInference(model, { ...settings, calibration: fitted })!;
    const plain = estimateModel(model, { hardware: "l40s", dtype: "fp32", mode: "inference", batch: 1 });
    assert.notStrictEqual(inference.joulesPerInference, plain.joules_per_iter);
    assert.match(inference.range.reason, /calibrated from 3 runs/);
  });

  it("says where it looked when the tracker has no runs yet, and lists rows it could not read", async () => {
    const script = path.join(dir, "train.py");
    const tracker = { projectName: "mnist-mlp", outputDir: ".", outputFile: "emissions.csv", line: 18, detail: "" };
    const none = await readTrackerRuns(tracker, script, [dir], read);
    assert.strictEqual(none.runs.length, 0);
    assert.ok(none.looked.includes(path.join(dir, "emissions.csv")));
    fs.writeFileSync(path.join(dir, "emissions.csv"), `${header}\n${row("mnist-mlp", 30, 0.0009).replace(",30,", ",-1,")}\n`);
    const bad = await readTrackerRuns(tracker, script, [dir], read);
    assert.strictEqual(bad.runs.length, 0);
    assert.match(bad.problems[0], /emissions\.csv:2: duration is not a number ≥ 0/);
  });
});
