// A script's top level must not spend the analysis: its training loop is not run, and one statement that runs on
// and on (a generation of hundreds of tokens) is cut at half the time left, so the definitions after it still count.
// The clock is a counter the analysis advances itself (1 ms per reading): no test depends on the machine's speed.
import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const NET = ["class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(8, 2)", "    def forward(self, x):", "        return self.fc(x)"];

function counterClock(): { now: () => number; readings: () => number } {
  let t = 0;
  return { now: () => ++t, readings: () => t };
}

describe("top-level statements and the analysis budget", () => {
  it("a top-level training loop is not run: the model after it is found at the cost of a few clock readings", async () => {
    const text = ["import torch", "import torch.nn as nn", "class Opt:", "    def step(self):", "        return None", "opt = Opt()", "w = torch.zeros(8)", "step = 0", "while step < 10 ** 9:", "    loss = (w * step).sum()", "    loss.backward()", "    opt.step()", "    step += 1", ...NET].join("\n");
    const clock = counterClock();
    const result = await analyze(text, { now: clock.now, budget: { milliseconds: 400 } });
    assert.deepEqual(result.models.map((m) => m.name), ["Net"]);
    assert.ok(clock.readings() < 100, `the clock was read ${clock.readings()} times: the loop ran`);
    // The same loop without backward is not training: it runs (and is cut), the model is still found.
    const plain = text.replace("    loss.backward()\n", "").replace("    opt.step()\n", "");
    const cut = counterClock();
    const other = await analyze(plain, { now: cut.now, budget: { milliseconds: 400 } });
    assert.deepEqual(other.models.map((m) => m.name), ["Net"]);
    assert.ok(cut.readings() >= 100, `the clock was read ${cut.readings()} times: the loop did not run`);
  });

  it("a top-level statement past half the time left is skipped; the definitions after it still run", async () => {
    const text = ["import torch.nn as nn", "i = 0", "while i < 10 ** 9:", "    i += 1", ...NET].join("\n");
    const result = await analyze(text, { now: counterClock().now, budget: { milliseconds: 400 } });
    assert.deepEqual(result.models.map((m) => m.name), ["Net"]);
    assert.ok(!result.notes.some((n) => /stopped running the file's top level/.test(n)), result.notes.join("; "));
  });

  it("a model whose building statement is skipped for its time is listed where it is built, with why, not dropped", async () => {
    const text = ["import torch", "import torch.nn as nn", "def build():", "    i = 0", "    while i < 10 ** 9:", "        i += 1", "    return nn.Linear(8, 2)", "model = build()", "model.eval()", "y = model(torch.randn(1, 8))"].join("\n");
    const result = await analyze(text, { now: counterClock().now, budget: { milliseconds: 400 } });
    const model = result.models.find((m) => m.name === "model");
    assert.ok(model, `no model listed: ${JSON.stringify(result.models.map((m) => m.name))}, notes ${result.notes.join("; ")}`);
    assert.equal(model.line, 8);
    assert.match(JSON.stringify(model), /past its share of the analysis time, so it was skipped/);
  });
});
