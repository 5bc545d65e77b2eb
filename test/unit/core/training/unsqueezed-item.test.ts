import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop over an array's items that gives each a batch axis of one (`unsqueeze(0)`) steps on one item
// (src/core/training/unsqueezed-item.ts); a checkpoint dict's "epoch" is the counter reached, not a setting
// (src/core/training/checkpoint-records.ts). A script written for these tests: the model needs a constructor
// argument, so only the plan is read, and the loop runs until it is interrupted.
const SCRIPT = (toBatch: string) => `import torch
from torch import nn

class Coder(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        return self.fc(x)

def keep(path, epoch, model, optimizer):
    torch.save({"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict()}, path)

def fit(model, images):
    optimizer = torch.optim.Adam(model.parameters())
    epoch = 0
    while True:
        for i, image in enumerate(images[10:]):
            t = torch.from_numpy(image).float()
            x = ${toBatch}
            optimizer.zero_grad()
            loss = ((model(x) - x) ** 2).mean()
            loss.backward()
            optimizer.step()
        epoch += 1
        keep("coder.pt", epoch, model, optimizer)
`;

describe("an array's items given a batch axis of one, and checkpoint records", () => {
  it("a step on t.unsqueeze(0), torch.unsqueeze(t, 0) or t[None] of a walked item is a batch of one", async () => {
    for (const toBatch of ["t.permute(1, 0).unsqueeze(0)", "torch.unsqueeze(t, 0)", "t[None]"]) {
      const plan = (await analyze(SCRIPT(toBatch))).training ?? {};
      assert.equal(plan.batch?.value, 1, toBatch);
    }
  });

  it("no batch of one where the axis added is not the first", async () => {
    const plan = (await analyze(SCRIPT("t.unsqueeze(1)"))).training ?? {};
    assert.equal(plan.batch?.value, undefined);
  });

  it("the epoch a checkpoint dict records is no epoch count", async () => {
    const plan = (await analyze(SCRIPT("t.unsqueeze(0)"))).training ?? {};
    assert.equal(plan.epochs?.value, undefined);
  });
});
