import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A config whose defaults a file merged over them may change: when the user must name that file (a required
// argument, an option whose default is the empty path), the defaults are not the run's.

const defaults = `from yacs.config import CfgNode as CN

_C = CN()
_C.TRAIN = CN()
_C.TRAIN.BATCH_SIZE = 32
_C.TRAIN.END_EPOCH = 140


def update_config(cfg, args):
    cfg.defrost()
    cfg.merge_from_file(args.cfg)
    cfg.freeze()
`;

/** An entry script that merges the config in a helper of another file, then trains from it. */
const script = (option: string, merge = "update_config(cfg, args)") => `import argparse
import torch
from defaults import _C as cfg
from defaults import update_config


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cfg", ${option}, type=str)
    return parser.parse_args()


def main():
    args = parse_args()
    ${merge}
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    data = torch.utils.data.TensorDataset(torch.zeros(96, 8))
    loader = torch.utils.data.DataLoader(data, batch_size=cfg.TRAIN.BATCH_SIZE, shuffle=True)
    for epoch in range(cfg.TRAIN.END_EPOCH):
        for (x,) in loader:
            optimizer.zero_grad()
            model(x).sum().backward()
            optimizer.step()


if __name__ == "__main__":
    main()
`;

const run = (text: string, others: Record<string, string> = {}) => analyze(text, { others: { "/project/defaults.py": defaults, ...others } });

describe("configs merged from a file the user names (src/core/training/evaluate-site.ts, yacs in config-packages.ts)", () => {
  it("a helper that merges a required --cfg file leaves the yacs defaults undecided, and the note names --cfg", async () => {
    const result = await run(script("required=True"));
    assert.equal(result.training?.epochs, undefined);
    assert.equal(result.training?.batch, undefined);
    assert.ok(result.notes.some((n) => /stops at the command-line argument --cfg/.test(n)), JSON.stringify(result.notes));
  });

  it("the same helper given a file the workspace holds reads it over the defaults", async () => {
    const result = await run(script(`default="exp/run.yaml"`), { "/project/exp/run.yaml": "TRAIN:\n  END_EPOCH: 7\n" });
    assert.equal(result.training?.epochs?.value, 7);
    assert.equal(result.training?.batch?.value, 32);
  });

  it("an empty default path merged in place names no file: no figures, and a note names the option", async () => {
    const result = await run(script(`default=""`, "cfg.merge_from_file(args.cfg)"));
    assert.equal(result.training?.epochs, undefined);
    assert.equal(result.training?.batch, undefined);
    assert.ok(result.notes.some((n) => /comes from --cfg, whose default is the empty path/.test(n)), JSON.stringify(result.notes));
  });

  it("a file-reading helper that changes a module's config without being passed it (easydict, a loop over keys)", async () => {
    const config = `import yaml
from easydict import EasyDict as edict

config = edict()
config.TRAIN = edict()
config.TRAIN.BATCH_SIZE = 32
config.TRAIN.END_EPOCH = 140
config.GPUS = "0"


def update_config(config_file):
    with open(config_file) as f:
        exp_config = edict(yaml.safe_load(f))
        for k, v in exp_config.items():
            config[k] = v
`;
    const text = `import argparse
import torch
from config import config, update_config


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cfg", required=True, type=str)
    args, rest = parser.parse_known_args()
    update_config(args.cfg)
    parser.add_argument("--gpus", type=str)
    return parser.parse_args()


def reset_config(config, args):
    if args.gpus:
        config.GPUS = args.gpus


def main():
    args = parse_args()
    reset_config(config, args)
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(96, 8)), batch_size=config.TRAIN.BATCH_SIZE, shuffle=True)
    for epoch in range(config.TRAIN.END_EPOCH):
        for (x,) in loader:
            optimizer.zero_grad()
            model(x).sum().backward()
            optimizer.step()


if __name__ == "__main__":
    main()
`;
    const result = await analyze(text, { others: { "/project/config.py": config } });
    assert.equal(result.training?.epochs, undefined);
    assert.equal(result.training?.batch, undefined);
    // The loader's own figure still stands: the run's data is not the config's.
    assert.equal(result.training?.samples?.value, 96);
  });

  it("a helper with a loop is not run for what it might configure", async () => {
    const text = script(`default=""`, "train_helper(cfg, args)").replace("def main():", `def train_helper(cfg, args):
    for i in range(3):
        cfg.merge_from_file(args.cfg)


def main():`);
    const result = await run(text);
    assert.equal(result.training?.epochs?.value, 140);
  });
});
