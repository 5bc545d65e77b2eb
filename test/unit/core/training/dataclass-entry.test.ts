import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// pyrallis and draccus entry points of our own: `@wrap()` on main(cfg: Config) and `parse(config_class=Config)` give
// the dataclass its defaults (nested configs through field(default_factory=...)), a config_path YAML over them.
const script = (entry: string, wrapArgs = "") => `from dataclasses import dataclass, field
import pyrallis
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets


@dataclass
class OptimConfig:
    epochs: int = 7
    batch_size: int = 48


@dataclass
class TrainConfig:
    seed: int = 0
    optim: OptimConfig = field(default_factory=OptimConfig)


def fit(cfg):
    model = nn.Linear(784, 10)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(datasets.MNIST(".", train=True), batch_size=cfg.optim.batch_size, shuffle=True)
    for epoch in range(cfg.optim.epochs):
        for x, y in loader:
            loss = nn.functional.cross_entropy(model(x.view(-1, 784)), y)
            loss.backward()
            optimizer.step()

${entry === "wrap" ? `
@pyrallis.wrap(${wrapArgs})
def main(cfg: TrainConfig):
    fit(cfg)


if __name__ == "__main__":
    main()
` : `
if __name__ == "__main__":
    config = pyrallis.parse(config_class=TrainConfig${wrapArgs})
    fit(config)
`}`;

describe("pyrallis and draccus dataclass entry points (training/dataclass-entry.ts)", () => {
  it("@pyrallis.wrap() passes main the annotated dataclass with its defaults, nested ones included", async () => {
    const plan = (await analyze(script("wrap"))).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value], [7, 48, 60_000]);
  });

  it("pyrallis.parse(config_class=...) returns the dataclass with its defaults", async () => {
    const plan = (await analyze(script("parse"))).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value], [7, 48]);
  });

  it("a config_path YAML the call names sets its keys over the defaults, nested keys into the nested config", async () => {
    const others = { "/project/configs/run.yaml": "optim:\n  epochs: 3\n" };
    const wrapped = (await analyze(script("wrap", 'config_path="configs/run.yaml"'), { others })).training;
    assert.deepEqual([wrapped?.epochs?.value, wrapped?.batch?.value], [3, 48]);
    const parsed = (await analyze(script("parse", ', config_path="configs/run.yaml"'), { others })).training;
    assert.deepEqual([parsed?.epochs?.value, parsed?.batch?.value], [3, 48]);
  });

  it("draccus.wrap() does as pyrallis' does; so does wrap() imported from pyrallis; a wrap of another module binds nothing", async () => {
    const draccus = script("wrap").replace("import pyrallis", "import draccus").replace("@pyrallis.wrap()", "@draccus.wrap()");
    assert.equal((await analyze(draccus)).training?.epochs?.value, 7);
    const imported = script("wrap").replace("import pyrallis", "from pyrallis import wrap").replace("@pyrallis.wrap()", "@wrap()");
    assert.equal((await analyze(imported)).training?.epochs?.value, 7);
    const own = script("wrap").replace("import pyrallis", "from helpers import wrap").replace("@pyrallis.wrap()", "@wrap()");
    assert.equal((await analyze(own)).training?.epochs?.value, undefined);
  });
});
