import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: a class of the script whose `__init__` builds its loaders with a function of
// another file, from the namespace the script's `Trainer(args)` passes (src/core/training/call-site-bindings.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const LOADERS = `import torch
from torch.utils.data import DataLoader, TensorDataset


def make_data_loader(args, **kwargs):
    train_set = TensorDataset(torch.zeros(1000, 8))
    val_set = TensorDataset(torch.zeros(200, 8))
    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True, **kwargs)
    val_loader = DataLoader(val_set, batch_size=args.batch_size, shuffle=False, **kwargs)
    return train_loader, val_loader
`;

const script = (target: string, given: string) => `import argparse
import torch
from loaders import make_data_loader


class Trainer(object):
    def __init__(self, args):
        self.args = args
        self.batch_size = args.batch_size
        ${target} = make_data_loader(args, num_workers=2)
        self.model = torch.nn.Linear(8, 2)
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=0.1)

    def training(self, epoch):
        for i, (x,) in enumerate(self.train_loader):
            self.optimizer.zero_grad()
            self.model(x).sum().backward()
            self.optimizer.step()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--gpu-ids", type=str, default="0,1")
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    args.gpu_ids = [int(s) for s in args.gpu_ids.split(",")]
    if args.batch_size is None:
        args.batch_size = ${given}
    trainer = Trainer(args)
    for epoch in range(args.epochs):
        trainer.training(epoch)


if __name__ == "__main__":
    main()
`;

describe("a class's __init__ bound from the script's constructor call", () => {
  it("a batch set after parsing (`args.batch_size = 4 * len(args.gpu_ids)`) reaches the loader __init__ builds into a tuple of attributes", async () => {
    const plan = await planOf(script("self.train_loader, self.val_loader", "4 * len(args.gpu_ids)"), { "/project/loaders.py": LOADERS });
    assert.equal(plan.batch?.value, 8);
    assert.equal(plan.epochs?.value, 5);
  });

  it("the same with an attribute and a name in the tuple, the value following what the script sets", async () => {
    const plan = await planOf(script("self.train_loader, _", "3"), { "/project/loaders.py": LOADERS });
    assert.equal(plan.batch?.value, 3);
  });
});
