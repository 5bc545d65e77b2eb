import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { neverRead } from "../../../../src/core/training/unread-constants";

// A count bound to a name the file never reads is no figure of the run (src/core/training/unread-constants.ts).
// Fixtures written for this test.
const script = (use: string) => `import sys
import torch
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.randn(40, 10), torch.randint(0, 2, (40,))), batch_size=8)
model = torch.nn.Linear(10, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
n_epochs = 5 if len(sys.argv) == 1 else int(sys.argv[1])
${use}
def one_pass():
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()

one_pass()
`;

describe("a count bound to a name nothing reads", () => {
  it("is not the run's epochs", async () => {
    const plan = (await analyze(script(""))).training;
    assert.notEqual(plan?.epochs?.value, 5);
    assert.equal(plan?.batch?.value, 8);
  });

  it("one the code formats or passes on is read", async () => {
    const plan = (await analyze(script('print(f"training for {n_epochs} epochs")'))).training;
    assert.equal(plan?.epochs?.value, 5);
  });

  it("neverRead counts annotated and repeated bindings, not comparisons or reads", () => {
    assert.equal(neverRead("n_epochs", "n_epochs = 5\nn_epochs: int = 6\n# n_epochs used\n"), true);
    assert.equal(neverRead("n_epochs", "n_epochs = 5\nif n_epochs == 5:\n    pass\n"), false);
    assert.equal(neverRead("n_epochs", "x = 1\n"), false);
  });
});
