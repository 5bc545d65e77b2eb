import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Config systems whose config files are Python code, run by path: ml_collections' config_flags and mmcv's Config.
const LOOP = (batch: string, epochs: string) => `    model = torch.nn.Linear(10, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(torch.zeros(600, 10), torch.zeros(600)), batch_size=${batch}, shuffle=True)
    for epoch in range(${epochs}):
        for x, y in loader:
            loss = model(x).sum()
            loss.backward()
            optimizer.step()
`;

const FLAGS_SCRIPT = (definition: string) => `from absl import app, flags
from ml_collections import config_flags
import torch
from torch.utils.data import DataLoader, TensorDataset

FLAGS = flags.FLAGS
${definition}


def train(config):
${LOOP("config.batch_size", "config.num_epochs")}

def main(argv):
    train(FLAGS.config)


if __name__ == "__main__":
    app.run(main)
`;

const GET_CONFIG = `import ml_collections


def get_config(variant="small"):
    config = ml_collections.ConfigDict()
    config.batch_size = 30 if variant == "small" else 60
    config.num_epochs = 4
    return config
`;

const MM_SCRIPT = `from mmcv import Config
import torch
from torch.utils.data import DataLoader, TensorDataset


def main():
    cfg = Config.fromfile("configs/exp.py")
${LOOP("cfg.data.samples_per_gpu", "cfg.runner.max_epochs")}

if __name__ == "__main__":
    main()
`;

describe("Python config files run by path (runpy, config_flags, mmcv Config)", () => {
  it("config_flags.DEFINE_config_file: FLAGS.config is what the default file's get_config() returns", async () => {
    const result = await analyze(FLAGS_SCRIPT(`config_flags.DEFINE_config_file("config", "configs/default.py", "run config")`), { others: { "/project/configs/default.py": GET_CONFIG } });
    assert.equal(result.training?.epochs?.value, 4);
    assert.equal(result.training?.batch?.value, 30);
  });

  it("a default of path:arg calls get_config(arg)", async () => {
    const result = await analyze(FLAGS_SCRIPT(`config_flags.DEFINE_config_file("config", "configs/default.py:large")`), { others: { "/project/configs/default.py": GET_CONFIG } });
    assert.equal(result.training?.batch?.value, 60);
  });

  it("a config flag with no default (the user names the file) gives no epochs or batch", async () => {
    const result = await analyze(FLAGS_SCRIPT(`config_flags.DEFINE_config_file("config", None)\nflags.mark_flag_as_required("config")`), { others: { "/project/configs/default.py": GET_CONFIG } });
    assert.equal(result.training?.epochs?.value, undefined);
    assert.equal(result.training?.batch?.value, undefined);
  });

  it("mmcv Config.fromfile merges the file over its _base_ files, dict by dict", async () => {
    const base = `optimizer = dict(type="SGD", lr=0.02)\nrunner = dict(type="EpochBasedRunner", max_epochs=12)\ndata = dict(samples_per_gpu=2, workers_per_gpu=2)\n`;
    const exp = `_base_ = ["./_base_/schedule.py"]\nrunner = dict(max_epochs=24)\n`;
    const result = await analyze(MM_SCRIPT, { others: { "/project/configs/_base_/schedule.py": base, "/project/configs/exp.py": exp } });
    assert.equal(result.training?.epochs?.value, 24);
    assert.equal(result.training?.batch?.value, 2);
  });

  it("a dict with _delete_=True replaces its base's instead of merging into it", async () => {
    const base = `runner = dict(type="EpochBasedRunner", max_epochs=12)\ndata = dict(samples_per_gpu=2, workers_per_gpu=2)\n`;
    const exp = `_base_ = "./_base_/schedule.py"\ndata = dict(_delete_=True, workers_per_gpu=1)\n`;
    const result = await analyze(MM_SCRIPT, { others: { "/project/configs/_base_/schedule.py": base, "/project/configs/exp.py": exp } });
    assert.equal(result.training?.epochs?.value, 12);
    assert.equal(result.training?.batch?.value, undefined);
  });
});
