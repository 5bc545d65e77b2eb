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
});
