import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Hydra's ConfigStore: dataclasses registered as configs, composed by @hydra.main as YAML files would be.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const MAIN = `import hydra
from hydra.core.config_store import ConfigStore
from conf import Config, AdamConf

cs = ConfigStore.instance()
cs.store(name="config", node=Config)
cs.store(group="optim", name="adam", node=AdamConf)


@hydra.main(config_path=".", config_name="config")
def main(cfg):
    train(cfg)


if __name__ == "__main__":
    main()
`;

const CONF = `from dataclasses import dataclass, field
from typing import Any, List
from omegaconf import MISSING

defaults = [{"optim": "adam"}]


@dataclass
class AdamConf:
    lr: float = 1e-3
    gradient_accumulation_steps: int = 4


@dataclass
class TrainerConf:
    max_epochs: int = 30


@dataclass
class DataConf:
    batch_size: int = 48


@dataclass
class Config:
    defaults: List[Any] = field(default_factory=lambda: defaults)
    optim: Any = MISSING
    trainer: TrainerConf = TrainerConf()
    data: DataConf = DataConf()
`;

describe("training plans from Hydra's ConfigStore", () => {
  it("reads the stored dataclass's field defaults, and the group node its defaults list chooses", async () => {
    const plan = await planOf(MAIN, { "/project/conf.py": CONF });
    assert.equal(plan.epochs?.value, 30);
    assert.match(plan.epochs!.detail, /trainer\.max_epochs: 30 in the ConfigStore node config/);
    assert.equal(plan.batch?.value, 48);
    assert.equal(plan.accumulation?.value, 4, "from optim/adam, which the default_factory's module-level list chooses");
    assert.match(plan.accumulation!.detail, /ConfigStore node optim\/adam/);
  });

  it("reads nothing from a node no @hydra.main composes", async () => {
    const plan = await planOf(MAIN.replace('config_name="config"', 'config_name="other"'), { "/project/conf.py": CONF });
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
  });

  it("reads a node the file defines itself, used by the loop of the @hydra.main function", async () => {
    const plan = await planOf(`import hydra
import torch
from dataclasses import dataclass
from hydra.core.config_store import ConfigStore


@dataclass
class MNISTConf:
    batch_size: int = 64
    epochs: int = 14


cs = ConfigStore.instance()
cs.store(name="mnistconf", node=MNISTConf)


@hydra.main(config_name="mnistconf")
def main(cfg):
    model = torch.nn.Linear(4, 2)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(1000, 4)), batch_size=cfg.batch_size)
    for epoch in range(1, cfg.epochs + 1):
        for x, in loader:
            model(x).sum().backward()
`);
    assert.equal(plan.epochs?.value, 14);
    assert.equal(plan.batch?.value, 64);
    assert.equal(plan.samples?.value, 1000);
  });
});
