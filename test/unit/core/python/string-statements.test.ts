import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { stringStatementsBlanked } from "../../../../src/core/python/string-statements";
import { lowerModule } from "../../../../src/core/python/lower";

// A string standing alone as a statement is no code (src/core/python/string-statements.ts): a training loop quoted
// out with ''' in a script that now loads the saved weights and evaluates them trains nothing. Scripts written for
// this test.
const evaluation = (quote: string) => `import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms

pipeline = transforms.Compose([transforms.ToTensor()])
train_rows = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=pipeline)
train_batches = torch.utils.data.DataLoader(train_rows, batch_size=8, shuffle=True)

class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(3 * 32 * 32, 10)

    def forward(self, x):
        return self.head(torch.flatten(x, 1))

net = Tiny()
loss_of = nn.CrossEntropyLoss()
opt = optim.SGD(net.parameters(), lr=0.01)
${quote}
for epoch in range(3):
    for pics, tags in train_batches:
        opt.zero_grad()
        loss_of(net(pics), tags).backward()
        opt.step()
torch.save(net.state_dict(), "tiny.pth")
${quote}
net.load_state_dict(torch.load("tiny.pth"))
with torch.no_grad():
    for pics, tags in train_batches:
        print(net(pics).argmax(1))
`;

describe("string statements (string-statements.ts)", () => {
  it("blanks a quoted-out block and keeps a string handed to a call", async () => {
    const text = `x = 1\n'''\nloss.backward()\n'''\ngetattr(m, "train")()\n`;
    const body = lowerModule((await testParser()).parse(text)).body;
    const blanked = stringStatementsBlanked(body, text);
    assert.equal(blanked.length, text.length);
    assert.doesNotMatch(blanked, /backward/);
    assert.match(blanked, /getattr\(m, "train"\)/);
    assert.equal(blanked.split("\n").length, text.split("\n").length);
  });

  it("a training loop quoted out with ''' makes no run of the evaluation left", async () => {
    const result = await analyze(evaluation("'''"));
    assert.equal(result.training?.batch, undefined);
    assert.equal(result.training?.samples, undefined);
  });

  it("the same loop left in the code is the run", async () => {
    const result = await analyze(evaluation(""));
    assert.equal(result.training?.epochs?.value, 3);
    assert.equal(result.training?.batch?.value, 8);
  });
});
