import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { numericLeaves } from "../../../../src/core/training/config-reads";
import { dict, int, str } from "../../../../src/core/interp/construct";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Config files a training script reads as data with ordinary Python (yaml, json, OmegaConf), by a known path.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const SCRIPT = `import argparse
import yaml
import torch
from solver import Solver


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/train.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        config = yaml.load(f, Loader=yaml.FullLoader)
    model = torch.nn.Linear(8, 2)
    solver = Solver(model, **config["trainer"])
    solver.train()


if __name__ == "__main__":
    main()
`;
const CONFIG = "trainer:\n  batch_size: 96\n  max_epochs: 12\n  lr: 3e-4\n";

describe("training plans from config files read as data", () => {
  it("reads the figures a YAML file at an argparse default path names, even when another file's loop uses them", async () => {
    const plan = await planOf(SCRIPT, { "/project/configs/train.yaml": CONFIG });
    assert.equal(plan.epochs?.value, 12);
    assert.match(plan.epochs!.detail, /trainer\.max_epochs: 12 in the config yaml\.load/);
    assert.equal(plan.batch?.value, 96);
  });

  it("reads nothing when the file is not in the workspace", async () => {
    const plan = await planOf(SCRIPT);
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
  });

  it("a DataLoader's batch_size read from the config is the code's figure, above the config's other keys", async () => {
    const plan = await planOf(`import json
import torch

cfg = json.load(open("cfg.json"))
model = torch.nn.Linear(8, 2)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(640, 8)), batch_size=cfg["train"]["micro_batch"])
for epoch in range(cfg["train"]["epochs"]):
    for x, in loader:
        model(x).sum().backward()
`, { "/project/cfg.json": '{"train": {"micro_batch": 32, "batch_size": 64, "epochs": 3}}' });
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.samples?.value, 640);
  });

  it("numericLeaves walks dicts by dotted key and skips non-numbers", () => {
    const leaves = numericLeaves(dict([[str("a"), dict([[str("b"), int(2)], [str("c"), str("x")]])], [str("d"), int(5)]]));
    assert.deepEqual(leaves, [{ key: "a.b", value: 2 }, { key: "d", value: 5 }]);
  });
});
