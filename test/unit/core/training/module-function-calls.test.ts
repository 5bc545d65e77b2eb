import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { callsImportedModuleTrain } from "../../../../src/core/training/module-function-calls";
import { lowerModule } from "../../../../src/core/python/lower";

// `import trainer` then `trainer.train()`: a call of the function the imported module defines, not nn.Module's mode
// switch (src/core/training/module-function-calls.ts). Files written for this test.
const TRAINER = `import torch
import torch.nn as nn
from torchvision import datasets, transforms

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(x.reshape(-1, 784))

def train():
    data = datasets.MNIST(root="./data", train=True, download=True, transform=transforms.ToTensor())
    loader = torch.utils.data.DataLoader(dataset=data, batch_size=50, shuffle=True)
    net = Net()
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    for epoch in range(3):
        for images, labels in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(net(images), labels).backward()
            opt.step()
`;

const planOf = async (main: string, trainer = TRAINER) => (await analyze(main, { others: { "/project/trainer.py": trainer } })).training ?? {};

describe("a module's function called through the module (src/core/training/module-function-calls.ts)", () => {
  it("reads the run of `trainer.train()` after `import trainer` from the function trainer.py defines", async () => {
    const plan = await planOf("import trainer\n\nprint('start')\ntrainer.train()\n");
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples?.value, 60000);
  });

  it("reads the same through an alias, and nothing where the module's train() does not train", async () => {
    assert.equal((await planOf("import trainer as t\n\nt.train()\n")).epochs?.value, 3);
    const idle = TRAINER.replace(".backward()", ".item()");
    assert.equal((await planOf("import trainer\n\ntrainer.train()\n", idle)).epochs, undefined);
  });

  it("tells a module's train() from a model's mode switch", async () => {
    const parser = await testParser();
    const calls = (text: string) => callsImportedModuleTrain(lowerModule(parser.parse(text)).body, text);
    assert.equal(calls("import trainer\ntrainer.train()\n"), true);
    assert.equal(calls("import torch\nmodel = torch.nn.Linear(2, 2)\nmodel.train()\n"), false);
    assert.equal(calls("import os.path\npath.train()\n"), false);
  });
});
