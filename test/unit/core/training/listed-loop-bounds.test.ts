import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own benchmark: a warm-up stage and a timed stage, each a count written out in the outer loop's head.
const script = (head: string, bound = "n") => `import torch
import torch.nn as nn

model = nn.Linear(8, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for ${head}:
    for k in range(${bound}):
        x = torch.randn(16, 8)
        loss = model(x).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

describe("a step loop whose bound an outer loop over written-out values sets", () => {
  it("runs the sum of each turn's range", async () => {
    assert.equal((await analyze(script("stage, n in enumerate([10, 20])"))).training?.steps?.value, 30);
    assert.equal((await analyze(script("n in (3, 4, 5)"))).training?.steps?.value, 12);
    assert.equal((await analyze(script('name, n in [("warm", 5), ("run", 50)]'))).training?.steps?.value, 55);
    assert.equal((await analyze(script("n in [10, 20]", "2, n"))).training?.steps?.value, 26);
  });

  it("leaves a bound the outer loop does not set to the turns times the count", async () => {
    assert.equal((await analyze(script("n in [10, 20]", "7"))).training?.steps?.value, 14);
  });
});
