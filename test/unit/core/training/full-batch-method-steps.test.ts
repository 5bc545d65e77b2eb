import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An epoch loop with no loop over batches that calls a method stepping the optimizer once (`loss = st.training(x, y)`
// of a small trainer class, here or in another file): one optimizer step an epoch, as a function called by name
// already gave (stepping-calls.ts, read by stepsOncePerEpoch in full-batch-epochs.ts). Files written for this test.
const STEPPER = `class Stepper:
    def __init__(self, model, criterion, optimizer):
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer

    def training(self, x, y):
        self.optimizer.zero_grad()
        loss = self.criterion(self.model(x), y)
        loss.backward()
        self.optimizer.step()
        return loss
`;

const MAIN = (body: string) => `import torch
import torch.nn as nn
${body}

def run(n_epoch):
    x = torch.randn(120, 8)
    y = torch.randn(120, 1)
    model = nn.Linear(8, 1)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    st = Stepper(model, nn.MSELoss(), opt)
    for epoch in range(n_epoch):
        loss = st.training(x, y)

if __name__ == "__main__":
    run(300)
`;

describe("full-batch epochs through a method that steps once", () => {
  it("counts one step an epoch for a method of another file's class", async () => {
    const plan = (await analyze(MAIN("from stepper import Stepper"), { others: { "/project/stepper.py": STEPPER } })).training;
    assert.equal(plan?.epochs?.value, 300);
    assert.equal(plan?.steps?.value, 300);
    assert.match(plan?.steps?.detail ?? "", /one optimizer step per epoch/);
  });

  it("and for a method of a class in the same file", async () => {
    const plan = (await analyze(MAIN(STEPPER))).training;
    assert.equal(plan?.steps?.value, 300);
  });

  it("but not for a method that walks batches itself", async () => {
    const looping = STEPPER.replace("def training(self, x, y):\n        self.optimizer.zero_grad()", "def training(self, x, y):\n        for i in range(0, 120, 20):\n            self.optimizer.zero_grad()").replace("        loss = self.criterion", "            loss = self.criterion").replace("        loss.backward()\n        self.optimizer.step()", "            loss.backward()\n            self.optimizer.step()");
    const plan = (await analyze(MAIN(looping))).training;
    assert.notEqual(plan?.steps?.value, 300);
  });
});
