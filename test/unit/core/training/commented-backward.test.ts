import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training body found by its backward pass (foreign-loops.ts) is found by code, not by a comment.
describe("another file's loop whose backward pass is commented out", () => {
  const TRAIN = (backward: string) => `class Train:\n    def __init__(self, model, loader, optimizer):\n        self.model = model\n        self.loader = loader\n        self.optimizer = optimizer\n\n    def train_model(self, num_epochs):\n        for epoch in range(num_epochs):\n            for inputs, labels in self.loader:\n                self.optimizer.zero_grad()\n                loss = self.model(inputs).sum()\n${backward}\n`;
  const SCRIPT = `import torch\nfrom torch.utils.data import DataLoader, TensorDataset\nfrom train import Train\n\nmodel = torch.nn.Linear(8, 1)\nloader = DataLoader(TensorDataset(torch.randn(64, 8)), batch_size=16)\nopt = torch.optim.Adam(model.parameters())\nTrain(model, loader, opt).train_model(10)\n`;

  it("trains nothing, so the call sets no epochs", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/train.py": TRAIN("                # loss.backward()\n                # self.optimizer.step()") } })).training ?? {};
    assert.equal(plan.epochs, undefined);
  });

  it("is the run's once the backward pass is code", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/train.py": TRAIN("                loss.backward()\n                self.optimizer.step()") } })).training ?? {};
    assert.equal(plan.epochs?.value, 10);
  });
});
