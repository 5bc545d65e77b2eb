import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

describe("a dataset class a call returns (src/core/training/training-plan.ts)", () => {
  it("`eval('datasets.' + NAME)(...)` inside the DataLoader call counts the table dataset's training samples", async () => {
    const plan = (await analyze(`import torch
from torchvision import datasets, transforms

NAME = "FashionMNIST"
net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10))
opt = torch.optim.Adam(net.parameters())
loader = torch.utils.data.DataLoader(
    eval("datasets." + NAME)("./data", train=True, download=True, transform=transforms.ToTensor()),
    batch_size=100)
for epoch in range(3):
    for x, y in loader:
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(x), y).backward()
        opt.step()
`)).training ?? {};
    assert.equal(plan.samples?.value, 60000);
    assert.match(plan.samples?.detail ?? "", /^eval\("datasets\." \+ NAME\) \(FashionMNIST\)/);
  });
  it("`datasets.__dict__[args.dataset.upper()](...)` looks the class up in the module's namespace as Python does", async () => {
    const plan = (await analyze(`import argparse
import torch
import torchvision.datasets as datasets
import torchvision.transforms as transforms

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='cifar100')
parser.add_argument('--epochs', type=int, default=2)

def main():
    args = parser.parse_args()
    net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(3072, 100))
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    train_loader = torch.utils.data.DataLoader(
        datasets.__dict__[args.dataset.upper()]('../data', train=True, download=True, transform=transforms.ToTensor()),
        batch_size=100, shuffle=True)
    for epoch in range(args.epochs):
        for x, y in train_loader:
            opt.zero_grad()
            torch.nn.functional.cross_entropy(net(x), y).backward()
            opt.step()

if __name__ == '__main__':
    main()
`)).training ?? {};
    assert.equal(plan.samples?.value, 50000, "CIFAR100's 50,000 training images");
    assert.match(plan.samples?.detail ?? "", /^datasets\.__dict__\[args\.dataset\.upper\(\)\] \(CIFAR100\)/);
  });
});
