import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A script that only prints the config Hydra composes trains nothing: the keys named as a run's figures are the
// training scripts' (src/core/training/config-shown-only.ts). Scripts written for this test.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const FILES = { "/project/conf/run.yaml": "loader:\n  batch_size: 24\nschedule:\n  max_epochs: 12\n" };

const SHOW = `import logging
import hydra
from omegaconf import OmegaConf, DictConfig

log = logging.getLogger(__name__)


@hydra.main(config_path="conf", config_name="run")
def show(cfg: DictConfig):
    log.info("composed")
    print(OmegaConf.to_yaml(cfg, resolve=True))


if __name__ == "__main__":
    show()
`;

const LAUNCH = `import hydra
from omegaconf import DictConfig
from experiments import launch


@hydra.main(config_path="conf", config_name="run")
def entry(cfg: DictConfig):
    print(cfg.loader.batch_size, cfg.schedule.max_epochs)
    launch(cfg)


if __name__ == "__main__":
    entry()
`;

describe("a script that only shows its config (src/core/training/config-shown-only.ts)", () => {
  it("prints the composed config: no run", async () => {
    const plan = await planOf(SHOW, FILES);
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
  });

  it("hands the config to a call it does not read: the keys stay the run's", async () => {
    const plan = await planOf(LAUNCH, FILES);
    assert.equal(plan.epochs?.value, 12);
    assert.equal(plan.batch?.value, 24);
  });
});

// A file that only reads config files, naming no training, states no run even where a file it names is missing.
const READS = `import yaml

with open("experiment.yaml") as handle:
    raw = yaml.safe_load(handle)

DATA_ROOT = raw["paths"]["data"]
LOG_ROOT = raw["paths"]["logs"]
`;

const READS_AND_TRAINS = `import yaml
import torch
from torch import nn

with open("experiment.yaml") as handle:
    raw = yaml.safe_load(handle)

net = nn.Linear(3, 1)
opt = torch.optim.SGD(net.parameters(), lr=raw["lr"])
for epoch in range(raw["rounds"]):
    loss = net(torch.randn(8, 3)).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

describe("a file that only reads its config files (src/core/training/config-shown-only.ts)", () => {
  it("names no training: no plan, though the file it reads is missing", async () => {
    const result = await analyze(READS);
    const plan = result.training ?? {};
    assert.equal(plan.notes, undefined);
    assert.equal(plan.epochs, undefined);
  });

  it("one that trains keeps its plan and the note of the missing file", async () => {
    const plan = await planOf(READS_AND_TRAINS);
    assert.ok(plan.notes?.some((n) => n.startsWith("config missing")));
  });
});
