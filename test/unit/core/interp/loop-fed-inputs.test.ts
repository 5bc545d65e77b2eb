import { strict as assert } from "node:assert";
import { onlyModel } from "../../helpers/analyze";

// A model fed inside a top-level loop the run does not execute: the loop's binding of its input, read with the
// module's names where it reads nothing the loop rebinds (src/core/interp/loop-fed-inputs.ts).
const FIELD = (inLoop: string, after = "") => `import numpy as np
import torch
from torch import nn

points = 500
field = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 1))
xs = torch.tensor(np.random.uniform(-1, 1, size=(points,))).float().view(-1, 1)
ts = torch.zeros(points).view(-1, 1)
adam = torch.optim.Adam(field.parameters(), lr=1e-3)
for it in range(300):
    adam.zero_grad()
${inLoop}
    loss = field(grid).pow(2).mean()
    loss.backward()
    adam.step()
${after}`;

describe("inputs a skipped training loop feeds its model (loop-fed-inputs.ts)", function () {
  this.timeout(20_000);
  it("reads the loop's binding of the input from names bound before the loop", async () => {
    const model = await onlyModel(FIELD("    grid = torch.hstack([xs, ts])"));
    assert.deepEqual(model.inputs[0].shape, [500, 2]);
  });

  it("prefers that input to a larger one fed after training (a plot's grid)", async () => {
    const plot = `side = torch.linspace(-1, 1, 101)\ngx, gt = torch.meshgrid(side, side)\nmesh = torch.hstack([gx.reshape(-1, 1), gt.reshape(-1, 1)])\nout = field(mesh)\n`;
    const model = await onlyModel(FIELD("    grid = torch.cat([xs, ts], dim=1)", plot));
    assert.deepEqual(model.inputs[0].shape, [500, 2]);
  });

  it("does not read a binding that uses what the loop rebinds (its counter)", async () => {
    const model = await onlyModel(FIELD("    grid = torch.hstack([xs, ts]) * it"));
    assert.notDeepEqual(model.inputs[0].shape, [500, 2]);
  });
});
