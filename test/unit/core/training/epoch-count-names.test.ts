import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A count named with its qualifier after the word (`epoch_num`, `epochs_count`) names the epochs as `num_epochs`
// does: a loop over it, whatever the loop's variable, around a step loop is the epoch loop.
const script = (count: string, loop = "for ep in range(COUNT):") => `import numpy as np
import torch
import torch.nn as nn
net = nn.Linear(16, 2)
opt = torch.optim.Adam(net.parameters())
X = np.zeros((600, 16), dtype="float32")
batch_size = 50
${count} = 7
per_pass = X.shape[0] // batch_size
${loop.replace("COUNT", count)}
    for b in range(per_pass):
        x = torch.from_numpy(X[b * batch_size:(b + 1) * batch_size])
        opt.zero_grad()
        net(x).sum().backward()
        opt.step()
`;

describe("epoch counts named with a trailing qualifier", () => {
  for (const name of ["epoch_num", "epochs_count", "epoch_number"]) {
    it(`reads range(${name}) around a step loop as the epochs`, async () => {
      const plan = (await analyze(script(name))).training ?? {};
      assert.deepEqual([plan.epochs?.value, plan.steps?.value], [7, 84]);
    });
  }

  it("does not take a pass's length (epoch_size) for the epochs", async () => {
    // A count of chunks that is no quotient of the data's rows: the loop around it is not a pass over the data either
    // (an inner loop of X.shape[0] // batch_size chunks would make it one, index-sliced-pass.ts).
    const plan = (await analyze(script("epoch_size").replace("per_pass = X.shape[0] // batch_size", "per_pass = 12"))).training ?? {};
    assert.equal(plan.epochs?.value, undefined);
  });
});
