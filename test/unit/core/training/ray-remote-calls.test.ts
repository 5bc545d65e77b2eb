import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A meta-learning script written for these tests: each outer iteration trains copies of the network on fresh tasks as
// Ray tasks (`adapt.remote(...)`), then a plotting branch fine-tunes once every few hundred iterations.
const script = (decorator: string) => `import ray
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

OUTER = 2000
INNER_EPOCHS = 1
SHOW_EVERY = 500

def make_task():
    x = torch.randn(40, 1)
    return DataLoader(TensorDataset(x, 2 * x), batch_size=8, shuffle=True)

${decorator}
def adapt(weights, epochs):
    net = nn.Linear(1, 1)
    net.load_state_dict(weights)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    for _ in range(epochs):
        for x, y in make_task():
            opt.zero_grad()
            nn.functional.mse_loss(net(x), y).backward()
            opt.step()
    return net.state_dict()

def outer_step(weights):
    return ray.get([adapt.remote(weights, INNER_EPOCHS) for _ in range(3)])[0]

if __name__ == "__main__":
    ray.init()
    weights = nn.Linear(1, 1).state_dict()
    for it in range(OUTER):
        weights = outer_step(weights)
`;

describe("Ray tasks called with .remote() (src/core/python/ray-remote.ts)", () => {
  it("run the decorated function's training once a call, inside the loops around the call", async () => {
    for (const decorator of ["@ray.remote", "@ray.remote(num_cpus=1)"]) {
      const run = (await analyze(script(decorator))).training;
      assert.equal(run?.epochs?.value, 2000, `${decorator}: ${JSON.stringify(run?.epochs)}`);
      assert.match(run?.epochs?.detail ?? "", /adapt\.remote/);
    }
  });

  it("is not a call of a function Ray does not wrap", async () => {
    const run = (await analyze(script("@torch.no_grad()"))).training;
    assert.notEqual(run?.epochs?.value, 2000, JSON.stringify(run?.epochs));
  });
});
