import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A dataset class of the project built on TensorDataset (`super().__init__(tensors)`) inherits its __len__: the
// rows of the first tensor (src/core/training/own-dataset-length.ts, src/core/torch/tensor-dataset.ts).
const SCRIPT = `import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset


class Noise(TensorDataset):
    def __init__(self, rows, width):
        super().__init__(torch.randn(rows, width), torch.randn(rows, 1))


class Tokens(TensorDataset):
    def __init__(self, n, context, vocab):
        super().__init__(torch.randint(size=(n, context), high=vocab))


net = nn.Linear(16, 1)
opt = optim.SGD(net.parameters(), lr=0.01)
LOADER
for epoch in range(4):
    for x, y in loader:
        opt.zero_grad()
        loss = (net(x) - y).pow(2).mean()
        loss.backward()
        opt.step()
`;

describe("a dataset class of the project built on TensorDataset", () => {
  it("counts the rows it hands TensorDataset where the loader builds it in its call", async () => {
    const plan = (await analyze(SCRIPT.replace("LOADER", "loader = DataLoader(Noise(600, 16), batch_size=25, shuffle=True)"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [4, 600, 25, 4 * 24]);
  });

  it("counts them where the loader is given a name bound to it (torch.randint's size= keyword)", async () => {
    const plan = (await analyze(SCRIPT.replace("LOADER", "data = Tokens(1024, 16, 256)\nloader = DataLoader(dataset=data, batch_size=32)"))).training ?? {};
    assert.deepEqual([plan.samples?.value, planOptimizerSteps(plan)?.value], [1024, 4 * 32]);
  });

  it("stays unknown when the rows are not known", async () => {
    const plan = (await analyze(SCRIPT.replace("LOADER", "import sys\nloader = DataLoader(Noise(int(sys.argv[1]), 16), batch_size=25)"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
