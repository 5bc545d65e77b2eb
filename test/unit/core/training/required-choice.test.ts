import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A dataset chosen by an argparse argument the script requires (no default) is the user's choice: the plain run
// exits asking for it, so no branch's dataset is the run's (src/core/training/required-choice.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (option: string) => `import argparse
import torch
from torch import nn
import torchvision.datasets as dset


def pick(name, root):
    if name in {"folder", "lfw"}:
        data = dset.ImageFolder(root=root)
    elif name == "cifar10":
        data = dset.CIFAR10(root=root, download=True)
    elif name == "mnist":
        data = dset.MNIST(root=root, download=True)
    return data


def main(name, root, batch_size, epochs):
    data = pick(name, root)
    loader = torch.utils.data.DataLoader(data, batch_size=batch_size, shuffle=True, drop_last=True)
    model = nn.Linear(784, 10)
    optimizer = torch.optim.Adam(model.parameters())
    for epoch in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            model(x.flatten(1)).sum().backward()
            optimizer.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", ${option})
    parser.add_argument("--dataroot", required=True)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=25)
    args = parser.parse_args()
    main(args.dataset, args.dataroot, args.batch_size, args.epochs)
`;

describe("datasets chosen by a required command-line argument", () => {
  it("counts no branch's dataset when --dataset is required; the epochs and batch stay", async () => {
    const plan = await planOf(SCRIPT(`required=True, choices={"cifar10", "mnist", "folder", "lfw"}`));
    assert.equal(plan.samples, undefined);
    assert.equal(plan.epochs?.value, 25);
    assert.equal(plan.batch?.value, 64);
  });

  it("counts the branch a default takes", async () => {
    assert.equal((await planOf(SCRIPT(`default="mnist"`))).samples?.value, 60000);
    assert.equal((await planOf(SCRIPT(`default="cifar10"`))).samples?.value, 50000);
  });
});
