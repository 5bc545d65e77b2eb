import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loader fed a list comprehension that filters its items trains on the part its `if` clause keeps, not on the whole
// dataset it walks (src/core/training/filtered-comprehension.ts).
describe("a loader fed a filtered comprehension", () => {
  const script = (clause: string) => `import torch
from torch import nn
from torchvision import datasets, transforms

cifar = datasets.CIFAR10("data", train=True, download=True, transform=transforms.ToTensor())
two_classes = [(img, label) for img, label in cifar${clause}]
loader = torch.utils.data.DataLoader(two_classes, batch_size=64, shuffle=True)
net = nn.Sequential(nn.Flatten(), nn.Linear(3072, 2))
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for epoch in range(5):
    for imgs, labels in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(imgs), labels).backward()
        opt.step()
`;

  it("leaves the samples unknown, with a note, where the if clause keeps a part of unstated size", async () => {
    const plan = (await analyze(script(" if label in [0, 2]"))).training!;
    // Before: CIFAR-10's 50,000 training images.
    assert.equal(plan.samples, undefined);
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [5, 64]);
    assert.ok(plan.notes?.some((n) => n.startsWith("samples: two_classes keeps only the items that the if clause of its comprehension (line 6) passes")));
  });

  it("keeps the dataset's samples for a comprehension that filters nothing", async () => {
    const plan = (await analyze(script(""))).training!;
    assert.equal(plan.samples?.value, 50000);
  });

  it("counts a filtered list whose length the code works out", async () => {
    const plan = (await analyze(`import torch
from torch import nn

rows = [(torch.randn(4), i % 3) for i in range(90) if i % 2 == 0]
loader = torch.utils.data.DataLoader(rows, batch_size=5, shuffle=True)
net = nn.Linear(4, 3)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for epoch in range(2):
    for xb, yb in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(xb), yb).backward()
        opt.step()
`)).training!;
    assert.equal(plan.samples?.value, 45);
  });
});
