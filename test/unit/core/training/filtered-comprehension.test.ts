import { strict as assert } from "node:assert";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
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

// A loop that walks such a list itself takes its items one by one: the loader a later cell builds for another model
// is not its run (src/core/training/filtered-comprehension.ts, walksBuiltList).
describe("a step loop walking a list the code builds", () => {
  it("takes the list's items, not the batches of a loader built for another model", async () => {
    const result = await analyze(`import torch
from torch import nn
from torchvision import datasets, transforms

cifar = datasets.CIFAR10("data", train=True, download=True, transform=transforms.ToTensor())
two_classes = [(img, label) for img, label in cifar if label in [0, 2]]
per_item = nn.Sequential(nn.Linear(3072, 2))
opt = torch.optim.SGD(per_item.parameters(), lr=0.01)
for epoch in range(3):
    for img, label in two_classes:
        opt.zero_grad()
        nn.functional.cross_entropy(per_item(img.view(-1).unsqueeze(0)), torch.tensor([label])).backward()
        opt.step()

loader = torch.utils.data.DataLoader(two_classes, batch_size=64, shuffle=True)
batched = nn.Sequential(nn.Flatten(), nn.Linear(3072, 2))
opt = torch.optim.SGD(batched.parameters(), lr=0.01)
for epoch in range(7):
    for imgs, labels in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(batched(imgs), labels).backward()
        opt.step()
`);
    const [first, second] = ["per_item", "batched"].map((name) => trainingPlanOf(result, result.models.find((m) => (m.instance ?? m.name) === name)!));
    // Before: the first model's run took the later loader's batch 64 and CIFAR-10's 50,000 images; now no loader
    // batch (the run takes its model input's batch, 1) and no samples.
    assert.deepEqual([first?.epochs?.value, first?.batch, first?.samples], [3, undefined, undefined]);
    assert.deepEqual([second?.epochs?.value, second?.batch?.value, second?.samples], [7, 64, undefined]);
  });
});
