// A `while` whose test reads a tensor's contents (`while y.norm() < 1000: y = y * 2`, the autograd tutorials' loop)
// cannot be decided: it is taken as true for one pass, as an `if` takes its first arm, and then left, instead of
// being taken as true again until the statement's share of the analysis time ran out.
import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

function counterClock(): { now: () => number; readings: () => number } {
  let t = 0;
  return { now: () => ++t, readings: () => t };
}

const NET = ["class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(8, 2)", "    def forward(self, x):", "        return self.fc(x)"];

describe("a while loop whose test is not known", () => {
  it("runs one pass and stops, with a note, instead of running until the time runs out", async () => {
    const text = ["import torch", "import torch.nn as nn", "x = torch.randn(3, requires_grad=True)", "y = x * 2", "passes = 0", "while y.norm() < 1000:", "    y = y * 2", "    passes += 1", ...NET].join("\n");
    const clock = counterClock();
    const result = await analyze(text, { now: clock.now, budget: { milliseconds: 400 } });
    assert.deepEqual(result.models.map((m) => m.name), ["Net"]);
    assert.ok(clock.readings() < 100, `the clock was read ${clock.readings()} times: the loop ran on`);
  });

  it("still runs a loop whose test is known to its end", async () => {
    const text = ["import torch.nn as nn", "n = 0", "while n < 5:", "    n += 1", "layer = nn.Linear(n, 2)"].join("\n");
    const result = await analyze(text);
    assert.deepEqual(result.models.map((m) => m.params), [12]);
  });
});
