import * as assert from "assert";
import { analyze } from "../../../helpers/analyze";

const MODEL = ["import torch", "import torch.nn as nn", "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(64, 10)", "    def forward(self, x):", "        return self.fc(x)", "model = Net()", "opt = torch.optim.SGD(model.parameters(), lr=0.1)", ""];

async function stepsOf(lines: string[]) {
  const result = await analyze([...MODEL, ...lines].join("\n"));
  return result.training?.steps?.value;
}

describe("iteration builtins", () => {
  it("Python 2's `xrange(n)` runs n iterations as `range(n)` does", async () => {
    const loop = ["ITERS = 2500", "for iteration in xrange(ITERS):", "    model(torch.randn(8, 64)).sum().backward()", "    opt.step()"];
    assert.strictEqual(await stepsOf(loop), 2500);
    assert.strictEqual(await stepsOf(["for iteration in xrange(10, 310, 2):", ...loop.slice(2)]), 150);
  });

  it("a module's own `xrange` shadows the builtin", async () => {
    const loop = ["for iteration in xrange(2500):", "    model(torch.randn(8, 64)).sum().backward()", "    opt.step()"];
    assert.strictEqual(await stepsOf(["def xrange(n):", "    return range(2 * n)", ...loop]), 5000);
  });
});
