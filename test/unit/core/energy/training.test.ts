import { strict as assert } from "node:assert";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { estimateTrainingRun, trainingSteps } from "../../../../src/core/energy/training-run";
import { trainingStepsText } from "../../../../src/core/energy/figure-text";
import { cifarResnet18, gpt2, mlp4096, resnet50 } from "./workloads";

describe("training estimates", () => {
  describe("FLOPs per step (torch.utils.flop_counter's convention)", () => {
    it("is forward + 2× forward for backward, less the first layer's input grad", () => {
      const report = resnet50(16);
      const step = estimateModel(report, { hardware: "h100-sxm", dtype: "bf16", mode: "train" });
      const first = report.ops[0].flops;
      assert.equal(step.flops_per_iter, 3 * report.flops - first);
    });

    it("counts fused attention's backward as 2.5× its forward (it recomputes the attention matrix)", () => {
      const report = gpt2(2, true);
      const attention = report.ops.filter((op) => op.op.includes("scaled_dot_product")).reduce((s, op) => s + op.flops, 0);
      const step = estimateModel(report, { hardware: "h100-sxm", dtype: "bf16", mode: "train" });
      // gpt2's first op is an embedding (0 FLOPs), so nothing is subtracted.
      assert.equal(step.flops_per_iter, 3 * report.flops + 0.5 * attention);
    });
  });

  it("a training step costs about 3 to 4.5 forward passes at a large batch", () => {
    const options = { hardware: "h100-sxm", dtype: "fp32" } as const;
    const forward = estimateModel(cifarResnet18(256), { ...options, mode: "inference" });
    const step = estimateModel(cifarResnet18(256), { ...options, mode: "train" });
    const ratio = step.seconds_per_iter / forward.seconds_per_iter;
    assert.ok(ratio > 2.5 && ratio < 4.5, `train/inference time ${ratio.toFixed(2)}`);
  });

  it("Adam's step moves more bytes than plain SGD's", () => {
    const options = { hardware: "h100-sxm", dtype: "fp32", mode: "train" } as const;
    const sgd = estimateModel(mlp4096(1), { ...options, optimizer: "sgd" });
    const adam = estimateModel(mlp4096(1), { ...options, optimizer: "adam" });
    const optimizerJoules = (e: typeof sgd): number => e.layers.find((l) => l.path === "(optimizer)")!.joules;
    assert.ok(optimizerJoules(adam) > optimizerJoules(sgd));
  });

  describe("steps from epochs, samples and batch", () => {
    it("keeps the last partial batch unless drop_last", () => {
      assert.equal(trainingSteps({ epochs: 10, samples: 50_000, batch: 128 }, 1), 10 * 391);
      assert.equal(trainingSteps({ epochs: 10, samples: 50_000, batch: 128, dropLast: true }, 1), 10 * 390);
      assert.equal(trainingSteps({ epochs: 3, samples: 1000 }, 100), 30);
    });

    it("rejects counts that are not positive integers", () => {
      assert.throws(() => trainingSteps({ epochs: 0, samples: 10 }, 1), /epochs must be a positive integer/);
      assert.throws(() => trainingSteps({ epochs: 1.5, samples: 10 }, 1), /epochs must be a positive integer/);
      assert.throws(() => trainingSteps({ epochs: 1, samples: -3 }, 1), /samples must be a positive integer/);
      assert.throws(() => trainingSteps({ epochs: 1, samples: 10, batch: Number.NaN }, 1), /batch must be a positive integer/);
    });
  });

  describe("a whole run", () => {
    const step = estimateModel(cifarResnet18(128), { hardware: "a100-sxm", dtype: "bf16", mode: "train", carbon: { gco2PerKwh: 200, pue: 1.2 } });

    it("is steps × the step's time and energy, with carbon and cost", () => {
      const run = estimateTrainingRun(step, { epochs: 30, samples: 50_000 }, undefined, { perKwh: 0.25 });
      assert.equal(run.steps, 30 * 391);
      assert.ok(Math.abs(run.seconds - run.steps * step.seconds_per_iter) < 1e-9 * run.seconds);
      assert.ok(Math.abs(run.joules - run.steps * step.joules_per_iter) < 1e-9 * run.joules);
      assert.ok(Math.abs(run.kwh - (run.joules / 3.6e6) * 1.2) < 1e-12);
      assert.ok(Math.abs(run.gco2e - run.kwh * 200) < 1e-9 * run.gco2e);
      assert.ok(Math.abs(run.cost! - run.kwh * 0.25) < 1e-12);
    });

    it("counts optimizer steps of `accumulation` micro-batches, and the same energy as without accumulation", () => {
      const plain = estimateTrainingRun(step, { epochs: 2, samples: 50_000, dropLast: true });
      const accumulated = estimateTrainingRun(step, { epochs: 2, samples: 50_000, dropLast: true, accumulation: 4 });
      // 390 full batches an epoch: 97 groups of 4 and a last group of 2, stepped at the epoch's end.
      assert.equal(accumulated.steps, 2 * 98);
      assert.equal(accumulated.microBatches, plain.microBatches);
      assert.equal(plain.steps, plain.microBatches);
      assert.equal(accumulated.joules, plain.joules);
      assert.equal(trainingStepsText(accumulated.steps, accumulated.microBatches), "196 optimizer steps of up to 4 micro-batches (780 in all)");
      assert.equal(trainingStepsText(500, 2000), "500 optimizer steps of 4 micro-batches");
      assert.equal(trainingStepsText(plain.steps, plain.microBatches), "780 steps");
      // A step-based run: its steps are optimizer steps, each of `accumulation` forward-and-backward passes.
      const stepped = estimateTrainingRun(step, { steps: 100, accumulation: 8 });
      assert.equal(stepped.steps, 100);
      assert.equal(stepped.microBatches, 800);
      assert.ok(Math.abs(stepped.joules - 800 * step.joules_per_iter) < 1e-9 * stepped.joules);
    });

    it("uses a grid given for the run over the step's", () => {
      const run = estimateTrainingRun(step, { epochs: 1, samples: 128 }, { gco2PerKwh: 20 });
      assert.ok(Math.abs(run.gco2e - (run.joules / 3.6e6) * 20) < 1e-12);
    });

    it("refuses an inference estimate or a batch other than the step's", () => {
      const inference = estimateModel(cifarResnet18(128), { hardware: "a100-sxm", dtype: "bf16", mode: "inference" });
      assert.throws(() => estimateTrainingRun(inference, { epochs: 1, samples: 10 }), /training-step estimate/);
      assert.throws(() => estimateTrainingRun(step, { epochs: 1, samples: 10, batch: 64 }), /estimated at batch 128/);
    });
  });
});
