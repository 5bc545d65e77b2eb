import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Loops that leave the training step to a method: each call backpropagates and steps the optimizer once.
const ALGORITHMS = `import torch


class Algorithm(torch.nn.Module):
    def __init__(self, input_shape, hparams):
        super().__init__()
        self.hparams = hparams

    def update(self, minibatches):
        raise NotImplementedError


class ERM(Algorithm):
    def __init__(self, input_shape, hparams):
        super().__init__(input_shape, hparams)
        self.network = torch.nn.Linear(input_shape[0], 2)
        self.optimizer = torch.optim.Adam(self.network.parameters())

    def update(self, minibatches):
        x = torch.cat([x for x, y in minibatches])
        loss = self.network(x).sum()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return {"loss": loss.item()}


class Evaluator:
    def update(self, minibatches):
        return {"n": len(minibatches)}


def get_algorithm_class(name):
    return globals()[name]
`;

const SCRIPT = `import argparse
import torch
import algorithms


def load_shape(data_dir):
    if data_dir is None:
        raise ValueError("Data directory not specified!")
    return (4,)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--algorithm", type=str, default="ERM")
    parser.add_argument("--data_dir", type=str)
    parser.add_argument("--steps", type=int, default=None)
    args = parser.parse_args()
    hparams = {"batch_size": 32}
    algorithm_class = algorithms.get_algorithm_class(args.algorithm)
    algorithm = algorithm_class(INPUT_SHAPE, hparams)
    n_steps = args.steps or 5001
    for step in range(0, n_steps):
        minibatches = [(torch.zeros(hparams["batch_size"], 4), torch.zeros(hparams["batch_size"]))]
        step_vals = algorithm.update(minibatches)
`;

// A base engine runs the epoch loop and the loop over batches; a subclass in another file defines the step hook.
const ENGINE = `class Engine:
    def __init__(self, loader, model, optimizer):
        self.train_loader = loader
        self.model = model
        self.optimizer = optimizer

    def run(self, max_epoch=0, start_epoch=0, print_freq=10):
        self.start_epoch = start_epoch
        self.max_epoch = max_epoch
        for self.epoch in range(self.start_epoch, self.max_epoch):
            self.train(print_freq=print_freq)
            self.save_model(self.epoch)

    def train(self, print_freq=10):
        self.model.train()
        for self.batch_idx, data in enumerate(self.train_loader):
            summary = self.forward_backward(data)

    def save_model(self, epoch):
        pass

    def forward_backward(self, data):
        raise NotImplementedError
`;

const SOFTMAX = `from engine import Engine


class SoftmaxEngine(Engine):
    def forward_backward(self, data):
        x, y = data
        loss = self.model(x).sum()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return {"loss": loss.item()}
`;

const MAIN = `import torch
from softmax import SoftmaxEngine


def run_kwargs(cfg):
    return {"max_epoch": cfg["max_epoch"], "start_epoch": 0, "print_freq": 10}


def main():
    cfg = {"max_epoch": 60}
    model = torch.nn.Linear(4, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    engine = SoftmaxEngine(LOADER, model, optimizer)
    engine.run(**run_kwargs(cfg))


if __name__ == "__main__":
    main()
`;

// Updates taken inside episodes of unknown length, an infinite episode loop ended by a cap on environment steps.
const EPISODES = `import argparse
import itertools
import random

import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--num_steps", type=int, default=100001)
parser.add_argument("--updates_per_step", type=int, default=1)
parser.add_argument("--batch_size", type=int, default=256)
args = parser.parse_args()


class Agent:
    def __init__(self):
        self.critic = nn.Sequential(nn.Linear(8, 64), nn.ReLU(), nn.Linear(64, 1))
        self.optimizer = torch.optim.Adam(self.critic.parameters(), lr=3e-4)

    def update_parameters(self, memory, batch_size):
        states = torch.stack(random.sample(memory, batch_size))
        loss = self.critic(states).pow(2).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


agent = Agent()
memory = []
total_numsteps = 0
for i_episode in itertools.count(1):
    done = False
    while not done:
        if len(memory) > args.batch_size:
            for i in range(args.updates_per_step):
                agent.update_parameters(memory, args.batch_size)
        memory.append(torch.randn(8))
        total_numsteps += 1
        done = random.random() < 0.01
    if total_numsteps > args.num_steps:
        break
`;

describe("loops whose step is a method call", () => {
  it("counts a loop calling another file's method that backpropagates and steps as a step loop, from the class when the object cannot be built", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/algorithms.py": ALGORITHMS } })).training ?? {};
    assert.equal(plan.steps?.value, 5001);
    assert.match(plan.steps!.detail, /for step in range\(0, n_steps\)/);
  });

  it("a counted loop of updates inside loops of unstated length is per pass of them, not the run's steps", async () => {
    const plan = (await analyze(EPISODES)).training ?? {};
    assert.notEqual(plan.steps?.value, 1, "range(updates_per_step) runs once per environment step, not once in all");
    assert.equal(plan.steps?.value, 100001);
    assert.match(plan.steps!.detail, /--num_steps default=100001/);
    // Under a counted epoch loop the same updates loop multiplies as before.
    const counted = (await analyze(EPISODES.replace("for i_episode in itertools.count(1):", "for i_episode in range(50):").replace("    while not done:\n", "    for t in range(10):\n"))).training ?? {};
    assert.equal(counted.steps?.value, 500);
  });

  it("does not count a loop whose method only evaluates", async () => {
    const plan = (await analyze(SCRIPT.replace('default="ERM"', 'default="Evaluator"'), { others: { "/project/algorithms.py": ALGORITHMS } })).training ?? {};
    assert.equal(plan.steps, undefined);
  });

  it("reads a base class's epoch loop over `self.epoch` whose step hook a subclass of another file defines, its parameters bound from a dict spread into the call", async () => {
    const plan = (await analyze(MAIN, { others: { "/project/engine.py": ENGINE, "/project/softmax.py": SOFTMAX } })).training ?? {};
    assert.equal(plan.epochs?.value, 60);
    assert.match(plan.epochs!.detail, /for self\.epoch in range\(self\.start_epoch, self\.max_epoch\)/);
    const without = (await analyze(MAIN, { others: { "/project/engine.py": ENGINE, "/project/softmax.py": SOFTMAX.replace("        loss.backward()\n", "") } })).training ?? {};
    assert.doesNotMatch(without.epochs?.detail ?? "", /runs run in/, "no backward pass anywhere: the engine's loop is not a training run");
  });
});

// A helper that only backpropagates (`calc_grad(xb, yb, model)`) before the loop's own step: the call is the pass's
// backward, so the loop is a step loop (backpropagatesPerCall), and the loader it walks is the one bound when it runs,
// not a demo loader of the same name before it.
describe("a loop whose backward pass is a helper's", () => {
  const SCRIPT = (step: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset

net = torch.nn.Linear(10, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = DataLoader(list(range(15)), batch_size=5, shuffle=True)
print(list(loader))
loader = DataLoader(TensorDataset(torch.randn(640, 10), torch.randn(640, 1)), batch_size=32)

def grads_of(xb, yb, model):
    loss = ((model(xb) - yb) ** 2).mean()
    loss.backward()

def one_pass(model):
    for xb, yb in loader:
        grads_of(xb, yb, model)
${step}

for epoch in range(6):
    one_pass(net)
`;

  it("steps on the helper's gradients: 6 epochs of 20 batches of 32, not the demo's 5 of 15", async () => {
    const plan = (await analyze(SCRIPT("        opt.step()\n        opt.zero_grad()"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [6, 32, 640]);
  });

  it("moved by hand through the gradients the helper left", async () => {
    const plan = (await analyze(SCRIPT("        for p in net.parameters():\n            p.data -= 0.1 * p.grad\n            p.grad = None"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [6, 32]);
  });
});

