import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Epoch loops in turn add up only while they train the same network: a network name (one whose parameters an
// optimizer takes) bound afresh between them starts a run of its own (epoch-loops-in-turn.ts, optimized-networks.ts).
const script = (between: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.randn(320, 8), torch.randint(0, 2, (320,))), batch_size=32)

def get_model():
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    return model, optimizer

model, optimizer = get_model()
for epoch in range(20):
    for x, y in loader:
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
${between}
for epoch in range(20):
    for x, y in loader:
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
`;

describe("a network bound afresh between epoch loops (freshNetworkBetween)", function () {
  this.timeout(20_000);
  it("counts the first loop's epochs only, and says the later loop trains a new network", async () => {
    const plan = (await analyze(script("model, optimizer = get_model()"))).training ?? {};
    assert.equal(plan.epochs?.value, 20);
    assert.ok(plan.notes?.some((n) => /trains model, bound afresh \(line 18\).*only the first run is counted/.test(n)), plan.notes?.join("; "));
  });

  it("still adds up loops that go on training the same network (moved, or given a new optimizer)", async () => {
    for (const between of ["model = model.to('cpu')", "optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)", ""]) {
      const plan = (await analyze(script(between))).training ?? {};
      assert.equal(plan.epochs?.value, 40, between);
    }
  });
});
