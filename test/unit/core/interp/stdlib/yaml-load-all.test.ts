import { strict as assert } from "node:assert";
import { analyze } from "../../../helpers/analyze";
import type { TrainingPlan } from "../../../../../src/core/training/training-plan";

// PyYAML's `load_all` family (src/core/interp/stdlib/config-files.ts): a config file split into `---`-separated
// documents, read one document at a time and merged by the script's own loop, gives the run its figures.
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const CONFIG = `device: "cpu"
debug: !!bool "false"
---
train:
    batch: 16
    epochs: 7
    shuffle: !!bool "true"
`;

const settings = (reader: string) => `import yaml


class Section(dict):
    __getattr__ = dict.__getitem__


class Settings(Section):
    def __init__(self, path="conf/run.yaml"):
        super().__init__()
        with open(path) as f:
            for document in ${reader}:
                for key, value in document.items():
                    self[key] = Section(value) if isinstance(value, dict) else value


cfg = Settings()
`;

const script = `import torch
from settings import cfg


def train():
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    data = torch.utils.data.TensorDataset(torch.zeros(640, 8))
    loader = torch.utils.data.DataLoader(data, batch_size=cfg.train.batch, shuffle=cfg.train.shuffle)
    for epoch in range(cfg.train.epochs):
        for (x,) in loader:
            optimizer.zero_grad()
            model(x).sum().backward()
            optimizer.step()


if __name__ == "__main__":
    if not cfg.debug:
        train()
`;

describe("yaml.load_all and its safe/full forms read each document of a stream (config-files.ts)", () => {
  for (const reader of ["yaml.load_all(f)", "yaml.safe_load_all(f)", "yaml.load_all(f, Loader=yaml.FullLoader)", "yaml.full_load_all(f)"]) {
    it(`${reader}: the second document's epochs and batch reach the run`, async () => {
      const plan = await planOf(script, { "/project/settings.py": settings(reader), "/project/conf/run.yaml": CONFIG });
      assert.equal(plan.epochs?.value, 7);
      assert.equal(plan.batch?.value, 16);
      assert.equal(plan.samples?.value, 640);
    });
  }

  it("a stream that is not valid YAML leaves the figures unknown", async () => {
    const plan = await planOf(script, { "/project/settings.py": settings("yaml.load_all(f)"), "/project/conf/run.yaml": "train: [1, 2\n---\n: :\n" });
    assert.equal(plan.epochs, undefined);
  });
});
