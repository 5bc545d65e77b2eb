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

describe("training plans of a run started in processes, from a JSON config", () => {
  const SPAWNED = `import json
import torch
import torch.multiprocessing as mp
from apex import amp


def run(rank, n_gpus, hps):
    model = torch.nn.Linear(4, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    if hps["train"]["fp16_run"]:
        model, optimizer = amp.initialize(model, optimizer, opt_level="O1")
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(100, 4)), batch_size=hps["train"]["batch_size"])
    for epoch in range(1, hps["train"]["epochs"] + 1):
        for x, in loader:
            model(x).sum().backward()
            optimizer.step()


def main():
    with open("config.json") as f:
        hps = json.loads(f.read())
    mp.spawn(run, nprocs=1, args=(1, hps,))


if __name__ == "__main__":
    main()
`;
  const config = (fp16: boolean) => ({ "/project/config.json": `{"train": {"epochs": 7, "batch_size": 10, "fp16_run": ${fp16}}}` });

  it("binds torch.multiprocessing.spawn(fn, args=(...)) as fn(0, ...), and reads apex amp's O1 as fp16 where the flag is on", async () => {
    const plan = await planOf(SPAWNED, config(true));
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 10);
    assert.equal(plan.precision?.value, "fp16");
    const off = await planOf(SPAWNED, config(false));
    assert.equal(off.precision?.value, "fp32", "amp.initialize under a flag that is off is not the run's");
    const unspawned = await planOf(SPAWNED.replace("mp.spawn(run, nprocs=1, args=(1, hps,))", "pass"), config(true));
    assert.match(plan.epochs!.detail, /^for epoch in range/, "bound through the spawn, the loop reads the config, above the config's own key");
    assert.match(unspawned.epochs!.detail, /^train\.epochs: 7 in the config/);
  });

  it("a DataLoader with a batch_sampler has no default batch of 1", async () => {
    const plan = await planOf(`import torch
model = torch.nn.Linear(4, 2)
data = torch.utils.data.TensorDataset(torch.zeros(100, 4))
loader = torch.utils.data.DataLoader(data, batch_sampler=make_sampler(data))
for epoch in range(3):
    for x, in loader:
        model(x).sum().backward()
`);
    assert.equal(plan.batch, undefined);
    assert.equal(plan.epochs?.value, 3);
  });
});
