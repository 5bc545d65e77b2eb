import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A script that trains through a method or function of another workspace file: the figures are read in that body,
// with `self` and its parameters bound as the script's call binds them.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const SOLVER = `import torch
import torch.nn as nn

class Solver(object):
    def __init__(self, config, loader):
        self.net = nn.Linear(10, 2)
        self.loader = loader
        self.epochs = config["epochs"]
        self.iters = config["iters"]
        self.opt = torch.optim.SGD(self.net.parameters(), lr=0.1)

    def train(self, accum):
        for epoch in range(self.epochs):
            for step in range(self.iters):
                for _ in range(accum):
                    self.net(torch.randn(8, 10)).sum().backward()
                self.opt.step()

    def sample(self):
        return self.net(torch.randn(1, 10))
`;

const script = (call: string) => `import torch
from solver import Solver

def main(config):
    loader = None
    solver = Solver(config, loader)
    if config["mode"] == "train":
        ${call}
    else:
        solver.sample()

if __name__ == "__main__":
    main({"epochs": 7, "iters": 30, "mode": "train"})
`;

describe("training loops in another file (src/core/training/foreign-loops.ts)", () => {
  it("`solver.train(2)` runs the epoch and step loops of Solver.train in solver.py, with self's attributes and the call's argument", async () => {
    const plan = await planOf(script("solver.train(2)"), { "/project/solver.py": SOLVER });
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.steps?.value, 7 * 30);
    assert.equal(plan.accumulation?.value, 2);
    assert.match(plan.steps!.detail, /solver\.train\(2\) runs train in solver\.py/);
    // The figure points at the script's call, not at a line of the other file.
    assert.equal(plan.steps!.line, 8);
    const other = await planOf(script("solver.train(accum=5)").replace('"epochs": 7', '"epochs": 3'), { "/project/solver.py": SOLVER });
    assert.equal(other.epochs?.value, 3);
    assert.equal(other.accumulation?.value, 5);
  });

  it("reads nothing from a method the plain run does not call, nor from one that does not train", async () => {
    const notTaken = await planOf(script("solver.train(2)").replace('"mode": "train"', '"mode": "sample"'), { "/project/solver.py": SOLVER });
    assert.equal(notTaken.steps, undefined);
    // The script's own config dict still names its epochs; nothing comes from Solver.train.
    assert.doesNotMatch(notTaken.epochs?.detail ?? "", /solver/);
    const sampleOnly = await planOf(script("solver.sample()"), { "/project/solver.py": SOLVER });
    assert.equal(sampleOnly.steps, undefined);
  });

  it("a script whose parser adds many options before `solver.train(...)` still finds the training body", async () => {
    const options = Array.from({ length: 16 }, (_, i) => `    parser.add_argument("--opt${i}", type=int, default=${i})`).join("\n");
    const script = `import argparse
from solver import Solver

def main():
    parser = argparse.ArgumentParser()
${options}
    parser.add_argument("--epochs", type=int, default=7)
    args = parser.parse_args()
    solver = Solver({"epochs": args.epochs, "iters": 30}, None)
    solver.train(2)

if __name__ == "__main__":
    main()
`;
    const plan = await planOf(script, { "/project/solver.py": SOLVER });
    assert.equal(plan.steps?.value, 7 * 30);
    assert.equal(plan.accumulation?.value, 2);
  });

  it("finds the script's `trainer.train()` after a file's classes full of statement calls, and an epoch loop whose variable is terse", async () => {
    // Trainer.train loops `for e in range(self.cfg.n_epochs)`: the count's name says it is the epochs.
    const TRAINER = SOLVER.replace("for epoch in range(self.epochs):", "for e in range(self.n_epochs):").replace('self.epochs = config["epochs"]', 'self.n_epochs = config["epochs"]');
    // Ten classes whose methods make statement calls (`super().__init__()`, `items.append(x)`) come first.
    const classes = Array.from({ length: 10 }, (_, i) => `class Part${i}(torch.nn.Module):
    def __init__(self, items):
        super().__init__()
        items.append(${i})
`).join("\n");
    const plan = await planOf(script("solver.train(1)").replace("from solver import Solver\n", `from solver import Solver\n\n${classes}\n`), { "/project/solver.py": TRAINER });
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.steps?.value, 7 * 30);
    assert.match(plan.epochs!.detail, /for e in range\(self\.n_epochs\)/);
  });

  it("a trainer object called as a function runs its class's __call__, and the helpers it calls on self run with it", async () => {
    const trainer = `import math
import torch

class Trainer(object):
    def __init__(self, model, optimizer, max_iter=None):
        self.model = model
        self.optimizer = optimizer
        self.max_iter = max_iter
        self.iteration = 0

    def __call__(self, loader, epochs=10):
        for epoch in range(epochs):
            self._epoch(loader)

    def _epoch(self, loader):
        for x, y in loader:
            self._iteration(x, y)

    def _iteration(self, x, y):
        self.optimizer.zero_grad()
        self.model(x).sum().backward()
        self.optimizer.step()

    def evaluate(self, loader):
        for epoch in range(2):
            for x, y in loader:
                self.model(x)

    def fit(self, loader):
        epochs = int(math.ceil(1. * self.max_iter / len(loader)))
        for epoch in range(epochs):
            self.fit_epoch(loader, epoch)
            if self.iteration >= self.max_iter:
                break

    def fit_epoch(self, loader, epoch):
        for batch_idx, (x, y) in enumerate(loader):
            self.iteration = batch_idx + epoch * len(loader)
            self.optimizer.zero_grad()
            self.model(x).sum().backward()
            self.optimizer.step()
            if self.iteration >= self.max_iter:
                break
`;
    const script = (run: string) => `import torch
import torch.nn as nn
from torchvision import datasets, transforms
from trainer import Trainer

def main():
    model = nn.Linear(784, 10)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = torch.utils.data.DataLoader(datasets.MNIST("data", train=True, transform=transforms.ToTensor()), batch_size=64)
    trainer = Trainer(model, optimizer, max_iter=5000)
    ${run}

if __name__ == "__main__":
    main()
`;
    const called = await planOf(script("trainer(loader, epochs=4)"), { "/project/trainer.py": trainer });
    assert.equal(called.epochs?.value, 4);
    assert.equal(called.batch?.value, 64);
    assert.equal(called.samples?.value, 60000);
    assert.match(called.epochs!.detail, /runs __call__ in trainer\.py/);
    // fit() has no backward of its own: its helper fit_epoch does, and its break on max_iter ends the whole run.
    const capped = await planOf(script("trainer.fit(loader)"), { "/project/trainer.py": trainer });
    assert.equal(capped.steps?.value, 5000);
    // A method of the same class whose own calls run no backward pass is not the training body.
    const evaluated = await planOf(script("trainer.evaluate(loader)"), { "/project/trainer.py": trainer });
    assert.equal(evaluated.epochs, undefined);
    // Without the helpers' backward, neither call trains.
    const idle = await planOf(script("trainer(loader, epochs=4)"), { "/project/trainer.py": trainer.replaceAll(".sum().backward()", ".sum()") });
    assert.equal(idle.epochs, undefined);
  });
});

describe("a training method of another file called in this file's epoch loop, its results kept", () => {
  it("`loss, acc = model.run_epoch(loader, i)` inside `for i in range(config.max_epochs)` runs that many epochs", async () => {
    const model = `import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)
        self.optimizer = torch.optim.SGD(self.parameters(), lr=0.1)

    def forward(self, x):
        return self.fc(x)

    def run_epoch(self, loader, epoch):
        total = 0.0
        for (x,) in loader:
            self.optimizer.zero_grad()
            loss = self(x).sum()
            loss.backward()
            self.optimizer.step()
            total += loss.item()
        return total, 0.5
`;
    const script = `import torch
from torch.utils.data import DataLoader, TensorDataset
from model import Net


class Config:
    max_epochs = 12
    batch_size = 50


if __name__ == "__main__":
    config = Config()
    loader = DataLoader(TensorDataset(torch.zeros(500, 8)), batch_size=config.batch_size)
    model = Net()
    for i in range(config.max_epochs):
        train_loss, val_accuracy = model.run_epoch(loader, i)
`;
    const plan = (await analyze(script, { others: { "/project/model.py": model } })).training ?? {};
    assert.equal(plan.epochs?.value, 12);
    assert.match(plan.epochs?.detail ?? "", /around model\.run_epoch/);
  });

  it("`stats = train_one_epoch(...)` of engine.py, its result kept in one name, gives its autocast as the run's precision when the call's use_amp takes it", async () => {
    const engine = `import torch


def train_one_epoch(model, criterion, loader, optimizer, loss_scaler, use_amp=True):
    model.train()
    for samples, targets in loader:
        if use_amp:
            with torch.cuda.amp.autocast():
                loss = criterion(model(samples), targets)
        else:
            loss = criterion(model(samples), targets)
        optimizer.zero_grad()
        loss_scaler(loss, optimizer, parameters=model.parameters())
    return {"loss": loss.item()}
`;
    const script = (amp: string) => `import argparse
import torch
from torch import nn
from engine import train_one_epoch


def main(args):
    model = nn.Linear(10, 2)
    optimizer = torch.optim.AdamW(model.parameters())
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(640, 10), torch.zeros(640).long()), batch_size=args.batch_size, shuffle=True)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(args.epochs):
        train_stats = train_one_epoch(model, criterion, loader, optimizer, None, use_amp=args.use_amp)
        print(train_stats)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", default=64, type=int)
    parser.add_argument("--epochs", default=30, type=int)
    parser.add_argument("--use_amp", default=${amp}, type=bool)
    main(parser.parse_args())
`;
    const on = await planOf(script("True"), { "/project/engine.py": engine });
    assert.equal(on.precision?.value, "fp16");
    assert.match(on.precision?.detail ?? "", /train_one_epoch in engine\.py/);
    assert.equal(on.epochs?.value, 30);
    assert.equal(on.batch?.value, 64);
    const off = await planOf(script("False"), { "/project/engine.py": engine });
    assert.equal(off.precision?.value, "fp32");
    assert.equal(off.epochs?.value, 30);
  });
});

describe("a shared episode helper of another file, called with the script's values", () => {
  it("`rewards = mini_batch_train(env, agent, EPISODES, STEPS, BATCH)` runs the helper's loops with the call's arguments, its step the agent's method the call passes", async () => {
    const agent = `import torch
import torch.nn as nn

class Agent:
    def __init__(self):
        self.q = nn.Linear(4, 2)
        self.opt = torch.optim.Adam(self.q.parameters())

    def update(self, batch_size):
        loss = self.q(torch.zeros(batch_size, 4)).sum()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;
    const utils = `def mini_batch_train(env, agent, max_episodes, max_steps, batch_size):
    rewards = []
    for episode in range(max_episodes):
        for step in range(max_steps):
            agent.update(batch_size)
    return rewards
`;
    const script = `import gym
from agent import Agent
from utils import mini_batch_train

EPISODES = 30
STEPS = 40
BATCH_SIZE = 16
env = gym.make("Pendulum-v1")
agent = Agent()
rewards = mini_batch_train(env, agent, EPISODES, STEPS, BATCH_SIZE)
`;
    const plan = await planOf(script, { "/project/agent.py": agent, "/project/utils.py": utils });
    // 30 episodes × 40 steps, the call's values; before, the script's STEPS = 40 alone was read as the run
    assert.equal(plan.steps?.value, 1200);
    assert.equal(plan.batch?.value, 16);
    assert.doesNotMatch(plan.steps?.detail ?? "", /upper bound/);
    // episodes that end on done (CartPole falls; Pendulum ends only at its time limit): the helper's count is the
    // most the run takes, and its detail says so
    const ending = utils.replace("            agent.update(batch_size)", "            state, reward, done, _ = env.step(0)\n            agent.update(batch_size)\n            if done:\n                break");
    const bounded = await planOf(script.replace("Pendulum-v1", "CartPole-v1"), { "/project/agent.py": agent, "/project/utils.py": ending });
    assert.equal(bounded.steps?.value, 1200);
    assert.match(bounded.steps?.detail ?? "", /at most .*an upper bound/);
    const limited = await planOf(script, { "/project/agent.py": agent, "/project/utils.py": ending });
    assert.equal(limited.steps?.value, 1200);
    assert.doesNotMatch(limited.steps?.detail ?? "", /upper bound/);
  });

  it("a TensorFlow 1.x solver's train() in another file trains: it runs optimizer.minimize's operation in a session", async () => {
    const solver = `import numpy as np
import tensorflow as tf


class CaptioningSolver(object):
    def __init__(self, model, data, **kwargs):
        self.model = model
        self.data = data
        self.n_epochs = kwargs.pop('n_epochs', 10)
        self.batch_size = kwargs.pop('batch_size', 100)

    def train(self):
        n_iters_per_epoch = int(np.ceil(float(self.data['features'].shape[0]) / self.batch_size))
        loss = self.model.build_model()
        train_op = tf.train.AdamOptimizer(learning_rate=0.001).minimize(loss)
        with tf.Session() as sess:
            for e in range(self.n_epochs):
                for i in range(n_iters_per_epoch):
                    captions_batch = self.data['captions'][i * self.batch_size:(i + 1) * self.batch_size]
                    _, l = sess.run([train_op, loss], {self.model.captions: captions_batch})
`;
    const script = `from solver import CaptioningSolver
from model import CaptionGenerator
from utils import load_coco_data


def main():
    data = load_coco_data(data_path='./data', split='train')
    model = CaptionGenerator(dim_embed=512)
    solver = CaptioningSolver(model, data, n_epochs=20, batch_size=128)
    solver.train()


if __name__ == "__main__":
    main()
`;
    const others = { "/project/solver.py": solver, "/project/model.py": "class CaptionGenerator(object):\n    def __init__(self, dim_embed):\n        self.dim_embed = dim_embed\n", "/project/utils.py": "def load_coco_data(data_path, split):\n    return {}\n" };
    const plan = await planOf(script, others);
    assert.equal(plan.epochs?.value, 20);
    assert.equal(plan.batch?.value, 128);
    // Without the update the method only evaluates: nothing is read as training.
    const evaluating = await planOf(script, { ...others, "/project/solver.py": solver.replace(".minimize(loss)", ".compute_gradients(loss)") });
    assert.equal(evaluating.epochs, undefined);
  });

  it("a TF-Slim learner's train(FLAGS) after a dozen absl flag definitions: create_train_op run through a dict of fetches", async () => {
    const learner = `import tensorflow as tf
import tensorflow.contrib.slim as slim


class Learner(object):
    def build_train_graph(self, opt):
        self.total_loss = tf.reduce_mean(tf.zeros([opt.batch_size]))
        optim = tf.train.AdamOptimizer(0.0002)
        self.train_op = slim.learning.create_train_op(self.total_loss, optim)

    def train(self, opt):
        self.build_train_graph(opt)
        with tf.Session() as sess:
            for step in range(1, opt.max_steps):
                fetches = {"train": self.train_op, "loss": self.total_loss}
                results = sess.run(fetches)
`;
    const flags = Array.from({ length: 10 }, (_, i) => `flags.DEFINE_float("weight_${i}", 0.5, "a loss weight")`).join("\n");
    const script = `import tensorflow as tf
from learner import Learner

flags = tf.app.flags
${flags}
flags.DEFINE_integer("batch_size", 4, "The size of a batch")
flags.DEFINE_integer("max_steps", 2000, "Training iterations")
FLAGS = flags.FLAGS


def main(_):
    learner = Learner()
    learner.train(FLAGS)


if __name__ == "__main__":
    tf.app.run()
`;
    const plan = await planOf(script, { "/project/learner.py": learner });
    // range(1, 2000): 1,999 steps, read from the loop rather than the flag's name.
    assert.equal(plan.steps?.value, 1999);
    assert.match(plan.steps?.detail ?? "", /learner\.train\(FLAGS\) runs train in learner\.py/);
    // A run of fetches that holds no training operation is not a step.
    const evaluating = await planOf(script, { "/project/learner.py": learner.replace('fetches = {"train": self.train_op, "loss": self.total_loss}', 'fetches = {"loss": self.total_loss}') });
    assert.notEqual(evaluating.steps?.value, 1999);
  });
});
