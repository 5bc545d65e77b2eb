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

  it("mmengine: a Runner built from keywords reads its train_cfg, its train_dataloader dict (batch and dataset) and an AmpOptimWrapper class", async () => {
    const script = `import torch
import torchvision
from mmengine.runner import Runner
from mmengine.optim import AmpOptimWrapper


def main():
    train_set = torchvision.datasets.CIFAR10("data", train=True, download=True)
    loader = dict(batch_size=50, dataset=train_set, sampler=dict(type="DefaultSampler", shuffle=True))
    runner = Runner(
        model=torch.nn.Linear(3072, 10),
        work_dir="./work",
        train_dataloader=loader,
        optim_wrapper=dict(type=AmpOptimWrapper, optimizer=dict(type=torch.optim.SGD, lr=0.1)),
        train_cfg=dict(by_epoch=True, max_epochs=3),
    )
    runner.train()


if __name__ == "__main__":
    main()
`;
    const training = (await analyze(script)).training ?? {};
    assert.equal(training.epochs?.value, 3);
    assert.equal(training.batch?.value, 50);
    assert.equal(training.samples?.value, 50000);
    assert.equal(training.precision?.value, "fp16");
    // Iterations by a literal dict, a plain OptimWrapper: steps, fp32.
    const iters = (await analyze(script.replace("dict(by_epoch=True, max_epochs=3)", "{'by_epoch': False, 'max_iters': 700}").replace("type=AmpOptimWrapper, ", ""))).training ?? {};
    assert.equal(iters.steps?.value, 700);
    assert.equal(iters.epochs?.value, undefined);
    assert.equal(iters.precision, undefined);
  });

  it("mmengine: a Runner from the workspace's own mmengine folder (the library's repository) is still the library's; a project's own Runner class is not", async () => {
    const script = `from mmengine.runner import Runner
from model import Net


def main():
    runner = Runner(model=Net(), train_dataloader=dict(batch_size=16), train_cfg=dict(by_epoch=True, max_epochs=7))
    runner.train()


main()
`;
    const model = "import torch\n\nclass Net(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = torch.nn.Linear(4, 2)\n\n    def forward(self, x):\n        return self.fc(x)\n";
    const runnerSource = "class Runner:\n    def __init__(self, model=None, train_dataloader=None, train_cfg=None):\n        self.model = model\n\n    def train(self):\n        return self.model\n";
    const library = (await analyze(script, { others: { "/project/model.py": model, "/project/mmengine/__init__.py": "", "/project/mmengine/runner/__init__.py": "from .runner import Runner\n", "/project/mmengine/runner/runner.py": runnerSource } })).training ?? {};
    assert.equal(library.epochs?.value, 7);
    assert.equal(library.batch?.value, 16);
    const own = (await analyze(script.replace("from mmengine.runner import Runner", "import mmengine\nfrom runners import Runner"), { others: { "/project/model.py": model, "/project/runners.py": runnerSource } })).training ?? {};
    assert.equal(own.epochs?.value, undefined);
  });
});
