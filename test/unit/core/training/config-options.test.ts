import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Argparse options whose names and defaults come from a config file, added in a loop over its keys.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

/** The script's training loop, indented for a function body: `epochs` passes over `loader`, one step per batch. */
const epochLoop = (epochs: string, loader = "loader"): string => `    for epoch in range(${epochs}):
        for (x,) in ${loader}:
            optimizer.zero_grad()
            model(x).sum().backward()
            optimizer.step()`;

const helper = `import yaml


def load_options(path):
    with open(path) as f:
        return yaml.safe_load(f)
`;
const script = (body: string) => `import argparse
import torch
from options import load_options


def main(args):
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    data = torch.utils.data.TensorDataset(torch.zeros(1000, 8))
    loader = torch.utils.data.DataLoader(data, batch_size=args.batch_size, shuffle=True)
${epochLoop("args.epochs")}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
${body}
    args = parser.parse_args()
    main(args)
`;
const CONFIG = "epochs: 7\nbatch_size: 50\nlr: 0.1\n";

describe("training plans from options added in a loop over a config file", () => {
  it("reads the epochs and batch of options added for each key of a YAML file a helper reads", async () => {
    const plan = await planOf(script(`    config = load_options("conf/run.yaml")
    for k, v in config.items():
        parser.add_argument(f"--{k}", default=v, type=type(v))`), { "/project/options.py": helper, "/project/conf/run.yaml": CONFIG });
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples?.value, 1000);
  });

  it("does not run a loop that also does work, so its options stay unknown", async () => {
    const plan = await planOf(script(`    config = load_options("conf/run.yaml")
    for k, v in config.items():
        parser.add_argument(f"--{k}", default=v)
        parser.train()`), { "/project/options.py": helper, "/project/conf/run.yaml": CONFIG });
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
  });
});

describe("training plans from a config module's EasyDict passed to the training function", () => {
  const config = `from easydict import EasyDict

Cfg = EasyDict()
Cfg.batch = 64
Cfg.subdivisions = 16
Cfg.TRAIN_EPOCHS = 30
`;
  const main = (epochs: string) => `import argparse
import torch
from easydict import EasyDict as edict
from cfg import Cfg


def train(model, config, epochs=5):
    data = torch.utils.data.TensorDataset(torch.zeros(640, 4))
    loader = torch.utils.data.DataLoader(data, batch_size=config.batch // config.subdivisions, shuffle=True)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(epochs):
        for i, (x,) in enumerate(loader):
            model(x).sum().backward()
            if i % config.subdivisions == 0:
                optimizer.step()
                optimizer.zero_grad()


def get_args(**kwargs):
    cfg = kwargs
    parser = argparse.ArgumentParser()
    parser.add_argument("-l", "--learning-rate", default=0.001, dest="learning_rate")
    cfg.update(vars(parser.parse_args()))
    return edict(cfg)


if __name__ == "__main__":
    cfg = get_args(**Cfg)
    model = torch.nn.Linear(4, 2)
    try:
        train(model=model, config=cfg, epochs=${epochs})
    except KeyboardInterrupt:
        pass
`;

  it("reads the epochs the call passes and the micro-batch of batch // subdivisions", async () => {
    const plan = await planOf(main("cfg.TRAIN_EPOCHS"), { "/project/cfg.py": config });
    assert.equal(plan.epochs?.value, 30);
    assert.equal(plan.batch?.value, 4);
    assert.equal(plan.accumulation?.value, 16);
  });

  it("an argument the call passes but that cannot be worked out is not the parameter's default", async () => {
    const plan = await planOf(main("cfg.NOT_SET"), { "/project/cfg.py": config });
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch?.value, 4);
  });
});

describe("training plans from a dataclass built by tyro.cli", () => {
  const main = (build: string) => `from dataclasses import dataclass
import torch
import tyro


@dataclass
class Args:
    total_steps: int = 1200
    learning_rate: float = 3e-4


if __name__ == "__main__":
    args = ${build}
    model = torch.nn.Linear(4, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.learning_rate)
    for step in range(args.total_steps):
        optimizer.zero_grad()
        model(torch.zeros(16, 4)).sum().backward()
        optimizer.step()
`;

  it("reads the steps of the dataclass's field defaults, as the plain run has them", async () => {
    const plan = await planOf(main("tyro.cli(Args)"));
    assert.equal(plan.steps?.value, 1200);
  });

  it("reads no steps when the object is not built by tyro", async () => {
    const plan = await planOf(main("parse_somehow(Args)"));
    assert.equal(plan.steps, undefined);
  });
});

describe("training plans from a yacs CfgNode merged from a YAML file", () => {
  const defaults = `from yacs.config import CfgNode as CN

_C = CN()
_C.TRAIN = CN()
_C.TRAIN.batch_size = 4
_C.TRAIN.num_epoch = 10
_C.TRAIN.lr = 0.01
`;
  const main = `import argparse
import torch
from defaults import _C as cfg


def main(cfg):
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=cfg.TRAIN.lr)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(96, 8)), batch_size=cfg.TRAIN.batch_size, shuffle=True)
${epochLoop("cfg.TRAIN.num_epoch")}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--cfg", default="config/run.yaml")
    parser.add_argument("opts", default=None, nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cfg.merge_from_file(args.cfg)
    cfg.merge_from_list(args.opts)
    main(cfg)
`;

  it("reads the file's values over the defaults, and the defaults the file leaves", async () => {
    const plan = await planOf(main, { "/project/defaults.py": defaults, "/project/config/run.yaml": "TRAIN:\n  batch_size: 16\n" });
    assert.equal(plan.batch?.value, 16);
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.samples?.value, 96);
  });

  it("names the file when it is not in the workspace, and keeps the defaults", async () => {
    const plan = await planOf(main, { "/project/defaults.py": defaults });
    assert.equal(plan.batch?.value, 4);
    assert.ok(plan.notes?.some((n) => /config missing: config\/run\.yaml/.test(n)), JSON.stringify(plan.notes));
  });
});

describe("training plans from a loader built for one item of a config's mapping", () => {
  const main = (test: string) => `import json
import torch


def main(path="options/train.json"):
    with open(path) as f:
        opt = json.load(f)
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for phase, dataset_opt in opt["datasets"].items():
        if ${test}:
            train_set = torch.utils.data.TensorDataset(torch.zeros(512, 8))
            train_loader = torch.utils.data.DataLoader(train_set, batch_size=dataset_opt["bs"], shuffle=True)
        elif phase == "test":
            test_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(10, 8)), batch_size=1)
${epochLoop('opt["epochs"]', "train_loader")}


main()
`;
  // "bs", a key no rule reads as a batch by its name: only the loader's binding can give it
  const options = '{"epochs": 3, "datasets": {"train": {"bs": 32}, "test": {"bs": 1}}}';

  it("reads the batch of the item whose key the branch tests (for phase, d in opt.items(): if phase == 'train':)", async () => {
    const plan = await planOf(main('phase == "train"'), { "/project/options/train.json": options });
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.epochs?.value, 3);
  });

  it("binds nothing when the branch tests something other than the loop's key", async () => {
    const plan = await planOf(main('len(phase) == 5'), { "/project/options/train.json": options });
    assert.notEqual(plan.batch?.value, 32);
  });
});

describe("training plans from a YAML file copied over parsed argparse options", () => {
  const main = (copy: string) => `import argparse
import torch
import yaml


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/run.yaml")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch_size", type=int, default=2)
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
${copy}
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(300, 8)), batch_size=args.batch_size, shuffle=True)
${epochLoop("args.epochs")}


if __name__ == "__main__":
    main()
`;
  const files = { "/project/configs/run.yaml": "epochs: 9\nbatch_size: 30\n" };

  for (const [name, copy] of [
    ["setattr in a loop", "    for k, v in cfg.items():\n        setattr(args, k, v)"],
    ["a guarded setattr in a loop", "    for k, v in cfg.items():\n        if k not in ['config']:\n            setattr(args, k, v)\n        else:\n            continue"],
    ["args.__dict__.update", "    args.__dict__.update(cfg)"],
    ["vars(args).update", "    vars(args).update(cfg)"],
  ]) {
    it(`reads the file's values over the option defaults (${name})`, async () => {
      const plan = await planOf(main(copy), files);
      assert.equal(plan.batch?.value, 30);
      assert.equal(plan.epochs?.value, 9);
    });
  }

  it("keeps the option defaults when nothing copies the file over them", async () => {
    const plan = await planOf(main("    pass"), files);
    assert.equal(plan.batch?.value, 2);
    assert.equal(plan.epochs?.value, 1);
  });
});

describe("training plans from configs composed with OmegaConf's API", () => {
  const main = (compose: string) => `import torch
from omegaconf import OmegaConf


def main():
    base = OmegaConf.load("configs/base.yaml")
${compose}
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(400, 8)), batch_size=cfg.data.bs, shuffle=True)
${epochLoop("cfg.run.epochs")}


main()
`;
  const files = { "/project/configs/base.yaml": "data:\n  bs: 20\nrun:\n  epochs: 2\n  lr: 0.1\n" };

  it("merges later configs over earlier ones, key by key (merge, create, from_cli)", async () => {
    const plan = await planOf(main(`    cfg = OmegaConf.merge(base, OmegaConf.create({"run": {"epochs": 6}}), OmegaConf.from_cli())`), files);
    assert.equal(plan.epochs?.value, 6);
    // read through the loop, not from the dict literal's "epochs" key
    assert.match(plan.epochs!.detail, /range\(cfg\.run\.epochs\)/);
    assert.equal(plan.batch?.value, 20);
  });

  it("merge_with changes the config in place, and from_dotlist sets dotted keys", async () => {
    const plan = await planOf(main(`    cfg = base\n    cfg.merge_with(OmegaConf.from_dotlist(["data.bs=40"]))`), files);
    assert.equal(plan.batch?.value, 40);
    assert.equal(plan.epochs?.value, 2);
  });

  it("OmegaConf.structured(Dataclass) is the dataclass's defaults, nested dataclasses nested; a YAML merged over it wins", async () => {
    const schema = `from dataclasses import dataclass, field


@dataclass
class Data:
    bs: int = 16


@dataclass
class Run:
    epochs: int = 9


@dataclass
class Args:
    data: Data = field(default_factory=Data)
    run: Run = field(default_factory=Run)


def main():`;
    const alone = await planOf(main(`    cfg = OmegaConf.merge(OmegaConf.structured(Args), OmegaConf.from_cli())`).replace("def main():", schema), files);
    assert.deepEqual([alone.epochs?.value, alone.batch?.value], [9, 16]);
    const instance = await planOf(main(`    cfg = OmegaConf.structured(Args(run=Run(epochs=4)))`).replace("def main():", schema), files);
    assert.deepEqual([instance.epochs?.value, instance.batch?.value], [4, 16]);
    const merged = await planOf(main(`    cfg = OmegaConf.merge(OmegaConf.structured(Args), base)`).replace("def main():", schema), files);
    assert.deepEqual([merged.epochs?.value, merged.batch?.value], [2, 20]);
  });

  it("a merge with a part that cannot be worked out is not the known parts alone", async () => {
    const plan = await planOf(main(`    cfg = OmegaConf.merge(base, load_overrides())`), files);
    assert.equal(plan.batch, undefined);
  });
});
