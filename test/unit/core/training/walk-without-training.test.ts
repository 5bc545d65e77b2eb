import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A notebook that walks a loader to look at its batches and trains nothing states no run; the same walk with an
// optimizer and a backward pass is the run (walk-without-training.ts).
const SCRIPT = `import torch
from torch.utils.data import Dataset, DataLoader


class Rows(Dataset):
    def __init__(self):
        self.x = torch.zeros(178, 13)

    def __getitem__(self, i):
        return self.x[i]

    def __len__(self):
        return 178


dataset = Rows()
loader = DataLoader(dataset=dataset, batch_size=4, shuffle=True)
num_epochs = 2
for epoch in range(num_epochs):
    for i, inputs in enumerate(loader):
        if (i + 1) % 9 == 0:
            print(epoch, i, inputs.shape)
`;

const TRAINED = SCRIPT.replace("num_epochs = 2\n", "net = torch.nn.Linear(13, 1)\nopt = torch.optim.SGD(net.parameters(), lr=0.1)\nnum_epochs = 2\n").replace("        if (i + 1) % 9 == 0:", "        net(inputs).sum().backward()\n        opt.step()\n        if (i + 1) % 9 == 0:");

describe("a loader walked in a file that trains nothing", () => {
  it("states no run", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
    assert.equal(plan.samples, undefined);
  });

  it("is the run where the walk trains a network", async () => {
    const plan = (await analyze(TRAINED)).training ?? {};
    assert.equal(plan.epochs?.value, 2);
    assert.equal(plan.batch?.value, 4);
  });
});
