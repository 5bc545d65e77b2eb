import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A PyTorch loop in the TF1 tutorials' shape: an unnamed counted loop around a pass over the training arrays.
const SCRIPT = `import torch
import torch.nn as nn

x_train = torch.randn(1000, 20)
y_train = torch.randn(1000, 1)
model = nn.Linear(20, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for i in range(40):
    for start in range(0, len(x_train), 100):
        loss = ((model(x_train[start:start + 100]) - y_train[start:start + 100]) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

describe("epoch loops that walk the data without saying so", () => {
  it("reads a counted loop around a step loop bounded by len(data) as the run's epochs", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 40);
    assert.equal(plan.steps?.value, 40 * 10);
    assert.equal(plan.batch?.value, 100);
  });

  it("leaves a loop over steps, or around a step loop of a fixed count, as no epochs", async () => {
    // Named for steps, it still passes over the same arrays each time; one that draws new data each pass does not.
    const steps = (await analyze(SCRIPT.replace("for i in range(40):", "for step in range(40):"))).training ?? {};
    assert.equal(steps.epochs?.value, 40, "a loop named for steps around a pass over the same data is an epoch loop");
    const fresh = (await analyze(SCRIPT.replace("for i in range(40):", "for step in range(40):\n    x_train = torch.randn(1000, 20)"))).training ?? {};
    assert.equal(fresh.epochs, undefined, "a loop that draws new data on each pass counts steps, not epochs");
    assert.equal(fresh.steps?.value, 40 * 10);
    const fixed = (await analyze(SCRIPT.replace("range(0, len(x_train), 100)", "range(0, 1000, 100)"))).training ?? {};
    assert.equal(fixed.epochs, undefined, "an inner loop that does not read the data's size says nothing of a pass");
    assert.equal(fixed.steps?.value, 40 * 10);
  });
});
