import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// OpenMMLab scripts hand the run to a runner: its epochs or iterations, batch and precision are the config's.
const MMCV_SCRIPT = `from mmcv import Config
from mmdet.apis import train_detector
from mmdet.datasets import build_dataset
from mmdet.models import build_detector


def main():
    cfg = Config.fromfile("configs/exp.py")
    model = build_detector(cfg.model)
    datasets = [build_dataset(cfg.data.train)]
    train_detector(model, datasets, cfg, distributed=False, validate=True)


if __name__ == "__main__":
    main()
`;

const MMENGINE_SCRIPT = `from mmengine.config import Config
from mmengine.runner import Runner


def main():
    cfg = Config.fromfile("configs/exp.py")
    runner = Runner.from_cfg(cfg)
    runner.train()


if __name__ == "__main__":
    main()
`;

const plan = async (script: string, config: string, base = "") => {
  const result = await analyze(script, { others: { "/project/configs/exp.py": config, "/project/configs/_base_/schedule.py": base } });
  return result.training ?? {};
};

describe("OpenMMLab runners (mm-runner.ts)", () => {
  it("mmcv: an EpochBasedRunner's max_epochs, data.samples_per_gpu and a config's fp16 are the run's", async () => {
    const base = `runner = dict(type="EpochBasedRunner", max_epochs=12)\ndata = dict(samples_per_gpu=2, workers_per_gpu=2)\n`;
    const training = await plan(MMCV_SCRIPT, `_base_ = ["./_base_/schedule.py"]\nrunner = dict(max_epochs=24)\nfp16 = dict(loss_scale=512.0)\n`, base);
    assert.equal(training.epochs?.value, 24);
    assert.equal(training.batch?.value, 2);
    assert.equal(training.precision?.value, "fp16");
  });

  it("mmcv: an IterBasedRunner's max_iters are optimizer steps, and no fp16 key leaves fp32", async () => {
    const training = await plan(MMCV_SCRIPT, `runner = dict(type="IterBasedRunner", max_iters=40000)\ndata = dict(samples_per_gpu=4)\n`);
    assert.equal(training.steps?.value, 40000);
    assert.equal(training.epochs?.value, undefined);
    assert.equal(training.precision, undefined);
  });

  it("mmengine: Runner.from_cfg(cfg).train() reads train_cfg, train_dataloader and an AmpOptimWrapper's dtype", async () => {
    const config = `train_cfg = dict(type="EpochBasedTrainLoop", max_epochs=36, val_interval=1)\ntrain_dataloader = dict(batch_size=8, num_workers=2)\noptim_wrapper = dict(type="AmpOptimWrapper", dtype="bfloat16", optimizer=dict(type="AdamW", lr=1e-4))\n`;
    const training = await plan(MMENGINE_SCRIPT, config);
    assert.equal(training.epochs?.value, 36);
    assert.equal(training.batch?.value, 8);
    assert.equal(training.precision?.value, "bf16");
    const iters = await plan(MMENGINE_SCRIPT, `train_cfg = dict(by_epoch=False, max_iters=80000)\ntrain_dataloader = dict(batch_size=2)\n`);
    assert.equal(iters.steps?.value, 80000);
  });
});
