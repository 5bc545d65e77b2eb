import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A script whose functions read `args`, bound only in its `if __name__ == "__main__":` block (Python runs that block
// at module level before it calls main()), and whose step happens when the model object is called.
const SCRIPT = (loop: string, after = "") => `import argparse
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, Dataset


class Tasks(Dataset):
    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        return torch.zeros(4), torch.zeros(4)


class Meta(nn.Module):
    def __init__(self, lr):
        super().__init__()
        self.net = nn.Linear(4, 4)
        self.meta_optim = optim.Adam(self.net.parameters(), lr=lr)

    def forward(self, x, y):
        loss = ((self.net(x) - y) ** 2).mean()
        self.meta_optim.zero_grad()
        loss.backward()
        self.meta_optim.step()
        return loss.item()


def main():
    meta = Meta(args.lr)
    tasks = Tasks(size=1000)
${loop}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epoch", type=int, default=60000)
    parser.add_argument("--task_num", type=int, default=4)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
${after}    main()
`;

const LOOP = `    for epoch in range(args.epoch // 10000):
        loader = DataLoader(tasks, args.task_num, shuffle=True)
        for x, y in loader:
            accuracy = meta(x, y)`;

// Tasks sampled without a loader: each iteration calls the model object once.
const STEPS = `    for step in range(args.epoch):
        x = torch.zeros(args.task_num, 4)
        accuracy = meta(x, x)`;

describe("training plans: globals of the __main__ block, and steps taken by calling a model", () => {
  it("reads an expression of a global the __main__ block binds, not just the option's default", async () => {
    const plan = (await analyze(SCRIPT(LOOP))).training ?? {};
    assert.strictEqual(plan.epochs?.value, 6);
    assert.strictEqual(plan.batch?.value, 4);
    assert.strictEqual(plan.samples?.value, 1000);
  });

  it("counts a call of a module object whose forward steps its optimizer as one step", async () => {
    const plan = (await analyze(SCRIPT(STEPS))).training ?? {};
    assert.strictEqual(plan.steps?.value, 60000);
  });

  it("takes the block's changes to the global made before it calls main()", async () => {
    const plan = (await analyze(SCRIPT(LOOP, "    args.task_num = 8\n"))).training ?? {};
    assert.strictEqual(plan.batch?.value, 8);
  });

  it("does not count a call of a module object whose forward takes no step", async () => {
    const script = SCRIPT(STEPS).replace("        self.meta_optim.step()\n", "");
    assert.ok(script.includes("loss.backward()") && !script.includes("meta_optim.step()"));
    const plan = (await analyze(script)).training ?? {};
    assert.strictEqual(plan.steps, undefined);
  });
});
