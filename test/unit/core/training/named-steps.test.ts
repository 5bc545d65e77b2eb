import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

// A step count known only by its name (an option `--num-steps`, a constant `max_iters`) that no loop or trainer was
// seen using gives way to the epoch loop the script runs (src/core/training/training-plan.ts).
const script = (loop: string) => `import argparse
import torch
from torch.utils.data import DataLoader, TensorDataset

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=4)
parser.add_argument("--num-steps", type=int, default=10, help="attack steps")
args = parser.parse_args()
net = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(torch.zeros(1000, 8)), batch_size=100)


def perturb(x, steps):
    for _ in range(steps):
        x = x + 0.01 * torch.randn_like(x)
    return x


${loop}
`;

describe("step counts known only by name", () => {
  it("an option named for steps but passed to another function does not replace the epoch loop's count", async () => {
    const plan = (await analyze(script(`for epoch in range(args.epochs):
    for (x,) in loader:
        opt.zero_grad()
        net(perturb(x, steps=args.num_steps)).sum().backward()
        opt.step()`))).training ?? {};
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.steps, undefined);
    assert.equal(planOptimizerSteps(plan)?.value, 40);
  });

  it("the same option still counts when a loop's break uses it", async () => {
    const plan = (await analyze(script(`step = 0
for epoch in range(args.epochs):
    for (x,) in loader:
        opt.zero_grad()
        net(x).sum().backward()
        opt.step()
        step += 1
        if step >= args.num_steps:
            break`))).training ?? {};
    // 10 steps in the first epoch, then one in each of the 3 later epochs before the check breaks again.
    assert.equal(planOptimizerSteps(plan)?.value, 13);
  });

  it("a count that a loop without optimizer steps iterates (an episode's environment steps) is not the run's steps", async () => {
    const plan = (await analyze(`import torch

policy = torch.nn.Linear(4, 2)
opt = torch.optim.Adam(policy.parameters())


def update(log_probs):
    opt.zero_grad()
    torch.stack(log_probs).sum().backward()
    opt.step()


def train():
    max_episodes = 300
    max_steps = 20
    for episode in range(max_episodes):
        log_probs = []
        state = torch.zeros(4)
        for step in range(max_steps):
            log_probs.append(policy(state).log_softmax(-1)[0])
        update(log_probs)


def main():
    train()


main()
`)).training ?? {};
    assert.notEqual(plan.steps?.value, 20);
  });

  it("a count set only under a test the plain run decides against is not the run's steps", async () => {
    const text = (action: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--force", action="${action}")
parser.add_argument("--data", default="frames/")
args = parser.parse_args()
net = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = torch.utils.data.DataLoader(torch.load(args.data), batch_size=16)


def train_loop(train_steps):
    epochs = train_steps // len(loader) + 1
    for e in range(epochs):
        for x in loader:
            opt.zero_grad()
            net(x).sum().backward()
            opt.step()


training_steps = 5000 - int(torch.load("step.pt"))
if args.force:
    training_steps = 999_999_999
train_loop(training_steps)
`;
    // The count before the test depends on a checkpoint: unknown, not the branch's figure.
    const plain = (await analyze(text("store_true"))).training ?? {};
    assert.equal(plain.steps, undefined);
    assert.equal(plain.batch?.value, 16);
    // With the flag on by default the branch runs, and its count is the run's.
    const forced = (await analyze(text("store_false"))).training ?? {};
    assert.equal(forced.steps?.value, 999_999_999);
  });
});
