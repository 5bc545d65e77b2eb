import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training loader fed a table dataset's test split trains on that split's rows
// (src/core/training/test-split-training.ts).
const SCRIPT = (loaders: string) => `import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

net = torch.nn.Linear(784, 10)
opt = torch.optim.Adam(net.parameters())
${loaders}
for epoch in range(4):
    for images, labels in train_loader:
        loss = torch.nn.functional.cross_entropy(net(images.view(-1, 784)), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("a training loader fed a table dataset's test split", () => {
  it("trains on the test split's published rows", async () => {
    const plan = (await analyze(SCRIPT(`held = datasets.FashionMNIST("data", train=False, download=True, transform=transforms.ToTensor())
train_loader = DataLoader(held, batch_size=50, shuffle=True)`))).training;
    assert.equal(plan?.samples?.value, 10_000);
  });

  it("keeps the training split where the training loader is fed it and a test loader the other", async () => {
    const plan = (await analyze(SCRIPT(`train_loader = DataLoader(datasets.FashionMNIST("data", train=True, download=True), batch_size=50)
test_loader = DataLoader(datasets.FashionMNIST("data", train=False, download=True), batch_size=50)`))).training;
    assert.equal(plan?.samples?.value, 60_000);
  });

  it("takes no test split for a training loader fed data of unknown size beside a test loader", async () => {
    const plan = (await analyze(SCRIPT(`train_loader = DataLoader(torch.load("pairs.pt"), batch_size=50)
test_loader = DataLoader(datasets.FashionMNIST("data", train=False, download=True), batch_size=50)`))).training;
    assert.notEqual(plan?.samples?.value, 10_000);
  });
});
