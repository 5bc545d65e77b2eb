import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// A loop that resumes from a checkpoint: the first epoch skips the batches done, through a loader of its own; a plain
// run (no --resume) starts at step 0, so the `and` is falsy whichever side Python returns, and the else loader runs.
const resuming = (test: string) => `import argparse
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class SkipBatches:
    def __init__(self, order, size, skip):
        self.order, self.size, self.skip = order, size, skip

    def __iter__(self):
        chunk = []
        for i in self.order:
            chunk.append(i)
            if len(chunk) == self.size:
                yield chunk
                chunk = []


def one_epoch(loader):
    for inputs, targets in loader:
        loss = nn.functional.mse_loss(net(inputs), targets)
        loss.backward()
        opt.step()
        opt.zero_grad()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--resume", type=int, default=0)
    args = parser.parse_args()
    state = torch.load("last.pt") if args.resume == 1 else None
    net = nn.Linear(6, 1)
    opt = torch.optim.Adam(net.parameters())
    rows = TensorDataset(torch.randn(400, 6), torch.randn(400, 1))
    first_epoch, done_steps = 0, 0
    if state:
        first_epoch = state["epoch"]
        done_steps = state["step"]
    for epoch in range(first_epoch, args.epochs):
        if ${test}:
            loader = DataLoader(rows, batch_sampler=SkipBatches(range(len(rows)), 7, done_steps))
            one_epoch(loader)
        else:
            loader = DataLoader(rows, batch_size=args.batch, shuffle=True)
            one_epoch(loader)
`;

describe("a boolean test whose left operand is unknown", () => {
  it("`epoch == first_epoch and done_steps > 0` with done_steps 0 is false: the plain run's loader, not the resuming one", async () => {
    const plan = await planOf(resuming("epoch == first_epoch and done_steps > 0"));
    assert.equal(plan.batch?.value, 20);
    assert.equal(plan.samples?.value, 400);
  });

  it("a right operand that calls something is not read (Python may never run it): the test stays undecided", async () => {
    const called = await planOf(resuming("epoch == first_epoch and len(str(done_steps)) > 1"));
    assert.notEqual(called.batch?.value, 20);
  });

  it("`or` with a right operand known true holds: the first branch runs", async () => {
    const plan = await planOf(resuming("epoch != first_epoch or done_steps == 0").replace("batch_size=args.batch, shuffle=True", "batch_size=5"));
    assert.equal(plan.batch?.value, 7);
  });
});
