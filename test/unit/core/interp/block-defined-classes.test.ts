import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A model class defined inside the `__main__` guard or a function, then built there (src/core/interp/
// nested-model-sites.ts definedBefore, src/core/training/evaluate-site.ts dependencySlice): the block's own model.
const SCRIPT = `import torch
import torch.nn as nn

if __name__ == "__main__":
    hidden = 48
    classes = 7

    class Net(nn.Module):
        def __init__(self, num_classes=classes):
            super().__init__()
            self.fc1 = nn.Linear(100, hidden)
            self.fc2 = nn.Linear(hidden, num_classes)

        def forward(self, x):
            return self.fc2(torch.relu(self.fc1(x)))

    model = Net(classes)
    opt = torch.optim.Adam(model.parameters())
    for epoch in range(5):
        for i in range(20):
            x = torch.randn(16, 100)
            loss = model(x).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
`;

describe("a model class defined in the block that builds it", () => {
  it("builds the guard's class with the names the guard binds before it, and gives it the run", async () => {
    const result = await analyze(SCRIPT);
    const m = modelNamed(result, "model");
    assert.equal(m.params, 100 * 48 + 48 + 48 * 7 + 7, "hidden and classes from the guard");
    assert.equal(planOptimizerSteps(result.training ?? {})?.value, 100);
  });

  it("builds a class defined in main() the guard calls", async () => {
    const inMain = SCRIPT.replace('if __name__ == "__main__":', "def main():") + "\n\nif __name__ == \"__main__\":\n    main()\n";
    const m = modelNamed(await analyze(inMain), "model");
    assert.equal(m.params, 100 * 48 + 48 + 48 * 7 + 7);
  });

  it("does not take a class of another block for the one the call names", async () => {
    const other = SCRIPT.replace("    class Net(nn.Module):", "    class Other(nn.Module):");
    const result = await analyze(other);
    assert.equal(result.models.find((m) => m.name === "model")?.params ?? 0, 0, "Net is not defined: nothing is built in its place");
  });
});
