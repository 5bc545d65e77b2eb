import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// Settings left behind with their training code commented out state no run where the file trains nothing
// (src/core/training/unread-run-constants.ts). A script written for this test.
const SCRIPT = (tail: string) => `import torch
from torch import nn
from sklearn.model_selection import train_test_split


class Scorer(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, x):
        return self.body(x)


epochs = 300
net = Scorer()
rows = torch.randn(100, 8)
fit_rows, held_rows = train_test_split(rows, test_size=0.2)
${tail}
`;

const epochsOf = (result: Awaited<ReturnType<typeof analyze>>): number | undefined =>
  result.training?.epochs?.value ?? result.models.map((m) => trainingPlanOf(result, m)?.epochs?.value).find((e) => e !== undefined);

describe("constants nothing reads, in a file that trains nothing", () => {
  it("state no run where their use is commented out", async () => {
    const result = await analyze(SCRIPT("# for e in range(epochs):\n#     net.train_on(fit_rows)\nprint(net(held_rows).mean())"));
    assert.equal(epochsOf(result), undefined);
  });

  it("keep their epochs where the code reads the constant", async () => {
    const result = await analyze(SCRIPT("for e in range(epochs):\n    print(net(fit_rows).mean())"));
    assert.equal(epochsOf(result), 300);
  });

  it("keep their epochs where the file names training", async () => {
    const result = await analyze(SCRIPT("net.train_on(fit_rows)\nprint(net(held_rows).mean())"));
    assert.equal(epochsOf(result), 300);
  });
});
