import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A workspace dataset class that subclasses a well-known one (SimCLR's `CIFAR10Pair(CIFAR10)`, which only changes
// __getitem__) holds that dataset's samples; one that defines __len__ or __init__ may hold anything.
const script = `import torch
from torch.utils.data import DataLoader
import utils
train_data = utils.CIFAR10Pair(root='data', train=True, download=True)
train_loader = DataLoader(train_data, batch_size=512, shuffle=True, drop_last=True)
model = torch.nn.Linear(10, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(1, 11):
    for x, y in train_loader:
        model(x).sum().backward()
        opt.step()
`;
const helper = (extra: string) => `from torchvision.datasets import CIFAR10
class CIFAR10Pair(CIFAR10):
    def __getitem__(self, index):
        return 1
${extra}`;

describe("datasets that subclass a well-known one", () => {
  it("a subclass that keeps the samples has the base's training split; train=False or a __len__ of its own gives none", async () => {
    const plan = async (text: string, others: string) => (await analyze(text, { others: { "/project/utils.py": others } })).training ?? {};
    const kept = await plan(script, helper(""));
    assert.equal(kept.samples?.value, 50_000);
    assert.match(kept.samples!.detail, /a subclass of CIFAR10/);
    assert.equal((await plan(script.replace("train=True", "train=False"), helper(""))).samples, undefined);
    assert.equal((await plan(script, helper("    def __len__(self):\n        return 100\n"))).samples, undefined);
  });
});
