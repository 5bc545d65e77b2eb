import * as assert from "assert";
import { readFileSync } from "fs";
import * as path from "path";
import { defaultSettings } from "../../../src/core/config";
import { estimateModel } from "../../../src/core/energy";
import { estimateInference, estimateTraining, knownHardware, modulesEnergy } from "../../../src/vscode/energy-bridge";
import { onlyModel } from "../helpers/analyze";
import { parallelTraining } from "../../../src/core/parallel/parallel-training";

// The bridge only rescales the energy model's figures for the editor (per inference, per 1,000, per run); these
// tests check that arithmetic against src/core/energy on a real analysis of an integration fixture.
const fixture = readFileSync(path.join(__dirname, "../../fixtures/integration/simple_cnn.py"), "utf8");

describe("energy figures for the editor (src/vscode/energy-bridge.ts)", () => {
  it("per-inference energy and carbon per 1,000 are the model's iteration figures over the batch", async () => {
    const model = await onlyModel(fixture);
    const settings = { ...defaultSettings, batchSize: 4 };
    const bridge = estimateInference(model, settings, { gco2PerKwh: 200, source: "test" })!;
    const core = estimateModel(model, { hardware: settings.hardware, dtype: settings.precision, mode: "inference", batch: 4, carbon: { gco2PerKwh: 200 } });
    assert.ok(bridge.joulesPerInference > 0);
    assert.strictEqual(bridge.joulesPerInference, core.joules_per_iter / 4);
    assert.strictEqual(bridge.gramsCo2ePerThousand, (core.gco2e_per_iter / 4) * 1000);
    assert.strictEqual(bridge.batch, 4);
    assert.ok(bridge.sources.some((s) => s.includes("200 gCO2e/kWh")));
    // The range is the core's, per inference too, with its reason.
    assert.strictEqual(bridge.range.joulesPerInference.low, core.range.joules_per_iter.low / 4);
    assert.strictEqual(bridge.range.gramsCo2ePerThousand.high, (core.range.gco2e_per_iter.high / 4) * 1000);
    assert.strictEqual(bridge.range.reason, core.range.reason);
  });

  it("follows the host setting: auto is the hardware's own host, another host changes batch-1 time", async () => {
    const model = await onlyModel(fixture);
    const auto = estimateInference(model, { ...defaultSettings, host: "auto" })!;
    const slow = estimateInference(model, { ...defaultSettings, host: "h100-calibration" })!;
    assert.match(auto.range.reason, /host server-x86 estimated/);
    assert.ok(slow.secondsPerBatch > auto.secondsPerBatch, `${slow.secondsPerBatch} > ${auto.secondsPerBatch}`);
    assert.ok(!/host .* estimated/.test(slow.range.reason), "the calibration host is measured");
  });

  it("asked again for the same model and settings, answers from its last estimate; other settings or grid, anew", async () => {
    const model = await onlyModel(fixture);
    const first = estimateInference(model, defaultSettings, { gco2PerKwh: 200, source: "test" })!;
    assert.strictEqual(estimateInference(model, { ...defaultSettings }, { gco2PerKwh: 200, source: "test" }), first);
    const greener = estimateInference(model, defaultSettings, { gco2PerKwh: 100, source: "test" })!;
    assert.notStrictEqual(greener, first);
    assert.strictEqual(greener.gramsCo2ePerThousand, first.gramsCo2ePerThousand / 2);
    const batched = estimateInference(model, { ...defaultSettings, batchSize: 8 }, { gco2PerKwh: 200, source: "test" })!;
    assert.strictEqual(batched.batch, 8);
    assert.strictEqual(estimateInference(model, { ...defaultSettings, hardware: "no-such-gpu" }), undefined);
  });

  it("unknown hardware gives no estimate rather than a wrong one", async () => {
    const model = await onlyModel(fixture);
    const problems: string[] = [];
    const report = (figure: string, error: unknown) => problems.push(`${figure}: ${error instanceof Error ? error.message : String(error)}`);
    assert.strictEqual(estimateInference(model, { ...defaultSettings, hardware: "no-such-gpu" }, undefined, report), undefined);
    assert.strictEqual(modulesEnergy(model, [model.layers.find((layer) => layer.path !== "")!.path], { ...defaultSettings, hardware: "no-such-gpu" }, report), undefined);
    // The missing figure is said, with what it was and why: nothing is swallowed.
    assert.strictEqual(problems.length, 2, problems.join("\n"));
    assert.match(problems[0]!, /^the energy of \w+ on no-such-gpu: .*no-such-gpu/);
    assert.match(problems[1]!, /on no-such-gpu: .*no-such-gpu/);
    assert.ok(estimateTraining(model, { epochs: 1, samples: 10, batch: 2, hardware: "no-such-gpu" }, defaultSettings) instanceof Error);
  });

  it("a training run is steps × the training step, with ceil(samples / batch) steps per epoch", async () => {
    const model = await onlyModel(fixture);
    const run = estimateTraining(model, { epochs: 3, samples: 1000, batch: 32, hardware: defaultSettings.hardware }, defaultSettings);
    assert.ok(!(run instanceof Error), String(run));
    assert.strictEqual(run.steps, 3 * Math.ceil(1000 / 32));
    const step = estimateModel(model, { hardware: defaultSettings.hardware, dtype: defaultSettings.precision, mode: "train", batch: 32 });
    assert.ok(Math.abs(run.hours * 3600 - run.steps * step.seconds_per_iter) < 1e-9);
    assert.ok(run.kilogramsCo2e > 0 && run.kilowattHours > 0);
    assert.ok(run.range.kilowattHours.low < run.kilowattHours && run.kilowattHours < run.range.kilowattHours.high);
  });

  it("on several GPUs (greenlight.gpus, no parallelism in the code): the samples split, communication added, every GPU's energy counted", async () => {
    const model = await onlyModel(fixture);
    const settings = { ...defaultSettings, gpus: 4 };
    const parallel = parallelTraining(model, undefined, { gpus: settings.gpus, hardware: "a100-sxm" });
    assert.equal(parallel.training?.run.kind, "ddp");
    const base = { epochs: 3, samples: 1000, batch: 32, hardware: "a100-sxm" };
    const one = estimateTraining(model, base, settings);
    const four = estimateTraining(model, { ...base, parallel: parallel.training }, settings);
    assert.ok(!(one instanceof Error) && !(four instanceof Error));
    // DistributedSampler: ⌈1000 / 4⌉ = 250 samples per GPU, ⌈250 / 32⌉ = 8 steps per epoch.
    assert.deepEqual([four.steps, four.gpus, one.gpus], [3 * 8, 4, 1]);
    const communication = parallel.training!.communication!.seconds;
    const stepSeconds = (one.hours * 3600) / one.steps;
    assert.ok(Math.abs(four.hours * 3600 - four.steps * (stepSeconds + communication)) < 1e-9);
    assert.ok(Math.abs(four.gpuHours - 4 * four.hours) < 1e-12);
    assert.ok(four.sources.some((s) => /4 GPUs \(greenlight\.gpus\), DDP/.test(s)), four.sources.join("\n"));
    assert.ok(four.sources.some((s) => /2\(N−1\)\/N/.test(s) && /not overlapped/.test(s)));
  });

  it("module shares add up to the whole model", async () => {
    const model = await onlyModel(fixture);
    const all = modulesEnergy(model, ["conv1", "relu", "pool", "fc", ""], defaultSettings)!;
    const conv = modulesEnergy(model, ["conv1"], defaultSettings)!;
    assert.ok(conv.share > 0 && conv.share < all.share);
    assert.ok(conv.range.low < conv.joules && conv.joules < conv.range.high && conv.reason.length > 0);
    assert.ok(Math.abs(all.share - 1) < 1e-9, `shares sum to ${all.share}`);
  });

  it("lists the hardware profiles by id, the default among them", () => {
    const ids = knownHardware().map((h) => h.id);
    assert.ok(ids.includes(defaultSettings.hardware), ids.join(", "));
  });
});
