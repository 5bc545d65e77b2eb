import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `try` blocks in the code a figure depends on (src/core/training/evaluate-site.ts dependencySlice): one that reads a
// config runs, as Python runs it; one that resumes from a checkpoint does not, as a fresh run has none.
const script = (block: string) => `import json
import torch


def train(config_path):
    epoch_start = 1
${block}
    net = torch.nn.Linear(4, 2)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(epoch_start, cfg["epochs"] + 1):
        opt.zero_grad()
        net(torch.zeros(8, 4)).sum().backward()
        opt.step()


train("run.json")
`;

describe("try blocks before a training loop", () => {
  it("a try that reads the config runs; one that resumes from a checkpoint leaves the start as set before it", async () => {
    const plan = (await analyze(script(`    try:
        with open(config_path) as f:
            cfg = json.load(f)
    except OSError:
        cfg = {"epochs": 1}
    try:
        state = torch.load("last.pth")
        net_state, epoch_start = state["net"], state["epoch"] + 1
    except Exception:
        pass`), { others: { "/project/run.json": '{"epochs": 30}' } })).training ?? {};
    assert.equal(plan.epochs?.value, 30);
  });

  it("a config read in a with block inside a try gives a trainer's keywords their values (the except branch exits)", async () => {
    const plan = (await analyze(`import sys
import yaml
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments


def main():
    try:
        with open("run.yaml") as f:
            settings = yaml.safe_load(f)
    except FileNotFoundError:
        print("no settings")
        sys.exit(1)
    train = settings["train"]
    args = TrainingArguments(output_dir="out", per_device_train_batch_size=train["batch"], max_steps=train["steps"])
    Trainer(model=AutoModelForCausalLM.from_pretrained("some/model"), args=args, train_dataset=None).train()


main()
`, { others: { "/project/run.yaml": "train:\n  batch: 6\n  steps: 40\n" } })).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.steps?.value, plan.epochs], [6, 40, undefined]);
  });
});
