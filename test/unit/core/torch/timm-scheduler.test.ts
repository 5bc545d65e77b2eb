import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// timm's create_scheduler as a built-in package (src/core/torch/timm-scheduler.ts): the epochs of a script copied from
// timm's train.py are the scheduler's cycle plus its cooldown, as timm's scheduler_factory returns them.
const script = (sched: string) => `import argparse
import torch
from timm.scheduler import create_scheduler

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=300)
parser.add_argument("--sched", default="${sched}")
parser.add_argument("--cooldown-epochs", type=int, default=10)
parser.add_argument("--warmup-epochs", type=int, default=5)
args = parser.parse_args()

net = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
lr_scheduler, num_epochs = create_scheduler(args, optimizer)
start_epoch = 0
for epoch in range(start_epoch, num_epochs):
    optimizer.zero_grad()
    net(torch.zeros(8, 4)).sum().backward()
    optimizer.step()
    lr_scheduler.step(epoch + 1)
`;

describe("timm's create_scheduler (built-in stand-in)", () => {
  it("a cosine schedule runs its epochs and the cooldown; a step schedule runs its epochs", async () => {
    assert.equal((await analyze(script("cosine"))).training?.epochs?.value, 310);
    assert.equal((await analyze(script("step"))).training?.epochs?.value, 300);
  });
});
