import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own script: a short profiled run under a flag, the plain run's loop in the other branch.
const script = (flag: string) => `import torch
import torch.nn as nn

profile = ${flag}
model = nn.Linear(8, 2)
optimizer = torch.optim.Adam(model.parameters())
if profile:
    for k in range(15):
        loss = model(torch.randn(4, 8)).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
else:
    for k in range(300):
        loss = model(torch.randn(4, 8)).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

describe("a step loop under a branch the plain run skips", () => {
  it("yields to the step loop the run reaches", async () => {
    assert.equal((await analyze(script("False"))).training?.steps?.value, 300);
    // The flag on by default: the profiled loop is the run's.
    assert.equal((await analyze(script("True"))).training?.steps?.value, 15);
  });

  it("alone, is still the run the code describes", async () => {
    const plan = (await analyze(`import torch
import torch.nn as nn

train = False
model = nn.Linear(8, 2)
optimizer = torch.optim.Adam(model.parameters())
if train:
    for k in range(40):
        loss = model(torch.randn(4, 8)).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`)).training;
    assert.equal(plan?.steps?.value, 40);
  });
});
