import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// One training function called in turn for two stages of one network, each stage with an optimizer of its own (a
// frozen head, then the whole network): the stages' epochs add up (stage-arguments.ts, calls-in-turn.ts).
const SCRIPT = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

rows = TensorDataset(torch.randn(960, 12), torch.randint(0, 4, (960,)))
feed = DataLoader(rows, batch_size=48, shuffle=True)
trunk = nn.Sequential(nn.Linear(12, 32), nn.ReLU())
net = nn.Sequential(trunk, nn.Linear(32, 4))
other = nn.Linear(12, 4)
lossf = nn.CrossEntropyLoss()

def fit_stage(network, batches, opt, epochs):
    for epoch in range(epochs):
        for x, y in batches:
            opt.zero_grad()
            lossf(network(x), y).backward()
            opt.step()

head_opt = torch.optim.SGD(net[1].parameters(), lr=0.1)
fit_stage(net, feed, head_opt, 4)
SECOND
fit_stage(net, feed, all_opt, SECOND_EPOCHS)
`;

const planOf = async (second: string, epochs = "6") => (await analyze(SCRIPT.replace("SECOND_EPOCHS", epochs).replace("SECOND", second))).training ?? {};

describe("training stages of one network, each with its own optimizer", () => {
  it("adds up the stages' epochs", async () => {
    const plan = await planOf("all_opt = torch.optim.Adam(net.parameters(), lr=1e-3)");
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.batch?.value, 48);
    assert.equal(plan.samples?.value, 960);
  });

  it("adds a stage whose epoch count is a constant named for it", async () => {
    const plan = await planOf("all_opt = torch.optim.Adam(net.parameters(), lr=1e-3)\nSTAGE_TWO_EPOCHS = 6", "STAGE_TWO_EPOCHS");
    assert.equal(plan.epochs?.value, 10);
  });

  it("does not add a stage whose optimizer updates another network", async () => {
    const plan = await planOf("all_opt = torch.optim.Adam(other.parameters(), lr=1e-3)");
    assert.notEqual(plan.epochs?.value, 10);
  });
});
