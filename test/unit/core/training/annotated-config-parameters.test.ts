import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A function nothing in its file calls, typed with a dataclass config: the run that calls it passes the dataclass
// with its defaults, sections of section dataclasses included (src/core/training/annotated-config-parameters.ts).
const CONFIG = `from dataclasses import dataclass, field


@dataclass(frozen=True)
class LoopConfig:
    epochs: int = 12
    batch_size: int = 40
    tags: list = field(default_factory=list)


@dataclass(frozen=True)
class RunConfig:
    loop: LoopConfig
    name: str = "run"
`;

const TRAIN = (signature: string, tail = "") => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from settings import RunConfig, LoopConfig


def train_loop(${signature}):
    loop = cfg.loop
    loader = DataLoader(TensorDataset(torch.zeros(800, 5), torch.zeros(800)), batch_size=loop.batch_size)
    model = nn.Linear(5, 1)
    opt = torch.optim.Adam(model.parameters())
    for epoch in range(loop.epochs):
        for x, y in loader:
            opt.zero_grad()
            model(x).sum().backward()
            opt.step()
${tail}`;

describe("dataclass-typed parameters of functions no call reaches", () => {
  it("are the dataclass with its defaults, a section field holding its own dataclass's", async () => {
    const result = await analyze(TRAIN("cfg: RunConfig"), { others: { "/project/settings.py": CONFIG } });
    assert.equal(result.training?.epochs?.value, 12);
    assert.equal(result.training?.batch?.value, 40);
    assert.equal(result.training?.samples?.value, 800);
  });

  it("are not read for a function the file calls (its call passes the value)", async () => {
    const result = await analyze(TRAIN("cfg: RunConfig", "\n\ntrain_loop(load())\n"), { others: { "/project/settings.py": CONFIG } });
    assert.equal(result.training?.epochs?.value, undefined);
  });

  it("are not read where a field without a default is no dataclass", async () => {
    const bare = CONFIG.replace('    name: str = "run"', "    name: str");
    const result = await analyze(TRAIN("cfg: RunConfig"), { others: { "/project/settings.py": bare } });
    assert.equal(result.training?.epochs?.value, undefined);
  });
});
