import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A prediction script's DataLoader batch is no training run where the file names no training at all
// (src/core/training/inference-only.ts).
const SCRIPT = (body: string) => `import torch
from torch import nn
from torch.optim import Adam
from torch.utils.data import DataLoader, Dataset


class Rows(Dataset):
    def __init__(self, path):
        self.rows = open(path).read().split()

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        return torch.zeros(8)


model = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 2))
model.load_state_dict(torch.load("weights.pth"))
loader = DataLoader(Rows("rows.txt"), batch_size=16, shuffle=False)
${body}
`;

const PREDICT = `model.eval()
with torch.no_grad():
    for x in loader:
        print(model(x).argmax(1))`;

const TRAIN = `optimizer = Adam(model.parameters())
for x in loader:
    optimizer.zero_grad()
    model(x).sum().backward()
    optimizer.step()`;

describe("inference scripts' loaders", () => {
  it("give no plan and no run batch where the file only predicts, though it imports an optimizer", async () => {
    const result = await analyze(SCRIPT(PREDICT));
    assert.equal(result.training?.batch, undefined);
    assert.equal(result.training?.precision, undefined);
  });

  it("give no plan for a prediction script whatever its other calls' keywords are named", async () => {
    const result = await analyze(SCRIPT(`${PREDICT}
import pandas as pd
pd.DataFrame([0]).to_excel("out.xlsx", engine="xlsxwriter")`));
    assert.equal(result.training?.batch, undefined);
  });

  it("keep the loader's batch where the file names no inference either (the training may be another file's)", async () => {
    const result = await analyze(SCRIPT("for x in loader:\n    print(x.shape)").replace('model.load_state_dict(torch.load("weights.pth"))\n', ""));
    assert.equal(result.training?.batch?.value, 16);
  });

  it("keep the loader's batch where the file trains over it", async () => {
    const result = await analyze(SCRIPT(TRAIN));
    assert.equal(result.training?.batch?.value, 16);
  });
});

// An evaluation script written for these tests: a checkpoint scored by a Lightning Trainer built in mixed precision,
// its data module another file's, so the plan holds nothing but the Trainer's precision.
const EVALUATE = (use: string) => `import argparse
import lightning.pytorch as pl
from scoring.module import Denoiser
from scoring.data import make_datamodule


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ckpt", type=str, required=True)
    args = parser.parse_args()
    model = Denoiser.load_from_checkpoint(args.ckpt)
    dm = make_datamodule(args.ckpt)
    runner = pl.Trainer(accelerator="gpu", devices=1, precision="16-mixed")
    ${use}


if __name__ == "__main__":
    main()
`;

describe("a Lightning Trainer's precision in a file whose Trainers only evaluate (src/core/training/inference-only.ts)", () => {
  it("is no run's dtype", async () => {
    const result = await analyze(EVALUATE("runner.test(model=model, datamodule=dm)"));
    assert.equal(result.training?.precision, undefined, JSON.stringify(result.training));
  });

  it("stays the run's where the Trainer fits", async () => {
    const result = await analyze(EVALUATE("runner.fit(model, dm)"));
    assert.equal(result.training?.precision?.value, "fp16", JSON.stringify(result.training?.precision));
  });
});
