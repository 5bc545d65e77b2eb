import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Epochs a script states in ways the plan read before only in part: a config dict a `__main__` loop fills from the
// parsed options (evaluate-site.ts), a dict key named for epochs (training-plan.ts namesEpochs), a closure a factory
// returns that steps once per epoch (returned-closures.ts, full-batch-epochs.ts), a step loop over epochs × each
// epoch's steps (epoch-multiple-range.ts), and a batch size a data object keeps behind a property (drawn-batches.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const CLOSURE_LOOP = `import argparse
import torch


def get_loop(model, optimizer):

    def run_pass(loader):
        for (x,) in loader:
            optimizer.zero_grad()
            model(x).sum().backward()
            optimizer.step()

    return run_pass


def train(config):
    model = torch.nn.Linear(4, 2)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(600, 4)), batch_size=config["per_step"])
    optimizer = torch.optim.Adam(model.parameters())
    one_pass = get_loop(model, optimizer)
    for i in range(config["num_of_epochs"]):
        one_pass(loader)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--num_of_epochs", type=int, default=12)
    parser.add_argument("--per_step", type=int, default=50)
    args = parser.parse_args()
    config = dict()
    for arg in vars(args):
        config[arg] = getattr(args, arg)
    train(config)
`;

describe("epochs stated through config dicts, closures and epoch multiples", function () {
  this.timeout(20_000);
  it("a config dict filled in the __main__ block by a loop over vars(args) holds the options' defaults", async () => {
    const plan = await planOf(CLOSURE_LOOP);
    assert.equal(plan.epochs?.value, 12);
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples?.value, 600);
  });

  it("a loop over config['num_of_epochs'], whatever its variable, is the epoch loop; a key not named for epochs is not", async () => {
    // The loop itself (it calls the closure that walks the loader), not the option's name alone.
    const plan = await planOf(CLOSURE_LOOP);
    assert.match(plan.epochs?.detail ?? "", /^for i in range\(config\["num_of_epochs"\]\)/);
    const renamed = await planOf(CLOSURE_LOOP.replace(/num_of_epochs/g, "num_of_rounds"));
    assert.notEqual(renamed.epochs?.value, 12);
  });

  it("a closure a factory returns that steps once, called in each epoch, is one optimizer step per epoch", async () => {
    const plan = await planOf(`import torch

features = torch.randn(200, 8)
net = torch.nn.Linear(8, 3)
opt = torch.optim.Adam(net.parameters())


def get_main_loop(model, optimizer, x):

    def main_loop(phase):
        out = model(x)
        if phase == "train":
            optimizer.zero_grad()
            out.sum().backward()
            optimizer.step()

    return main_loop


step_once = get_main_loop(net, opt, features)
for epoch in range(700):
    step_once("train")
    with torch.no_grad():
        step_once("val")
`);
    assert.equal(plan.epochs?.value, 700);
    assert.equal(plan.steps?.value, 700);
    // A factory that returns something else is not a closure that steps.
    const other = await planOf(`import torch

net = torch.nn.Linear(8, 3)
opt = torch.optim.Adam(net.parameters())


def get_main_loop(model, optimizer):

    def main_loop(phase):
        optimizer.zero_grad()
        model(torch.zeros(2, 8)).sum().backward()
        optimizer.step()

    return None


step_once = get_main_loop(net, opt)
for epoch in range(700):
    step_once("train")
`);
    assert.notEqual(other.steps?.value, 700);
  });

  it("a step loop over range(start_epoch * per_epoch, max_epoch * per_epoch) runs max_epoch - start_epoch epochs", async () => {
    const script = (start: string) => `import torch
import settings as cfg
from data import Batches

start_epoch = ${start}
data = Batches(cfg.train_batch_size)
net = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(start_epoch * data.batch_per_epoch, cfg.max_epoch * data.batch_per_epoch):
    x = data.next_batch()
    optimizer.zero_grad()
    net(x).sum().backward()
    optimizer.step()
`;
    const data = `import torch

class Batches:
    def __init__(self, batch_size):
        self._batch_size = batch_size
        self.images = open("index.txt").read().split()

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def batch_per_epoch(self):
        return len(self.images) // self.batch_size

    def next_batch(self):
        return torch.zeros(self.batch_size, 4)
`;
    const fresh = await planOf(script("0"), { "/project/data.py": data, "/project/settings.py": "max_epoch = 160\ntrain_batch_size = 16\n" });
    assert.equal(fresh.epochs?.value, 160);
    // The steps of an epoch come from a file the workspace lacks: not known.
    assert.equal(fresh.steps, undefined);
    // next_batch() reads self.batch_size, a property over the constructor's 16.
    assert.equal(fresh.batch?.value, 16);
    const resumed = await planOf(script("40"), { "/project/data.py": data, "/project/settings.py": "max_epoch = 160\ntrain_batch_size = 16\n" });
    assert.equal(resumed.epochs?.value, 120);
    // Different factors in the start and the stop are not epochs of one length.
    const mixed = await planOf(script("0").replace("range(start_epoch * data.batch_per_epoch,", "range(start_epoch * 7,"), { "/project/data.py": data, "/project/settings.py": "max_epoch = 160\ntrain_batch_size = 16\n" });
    assert.notEqual(mixed.epochs?.value, 160);
  });
});
