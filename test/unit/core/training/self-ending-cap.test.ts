import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: a minibatch iterator walked until it ends, under a run-wide step cap.
const script = (test: string, cap = "10 ** 10") => [
  "import torch",
  "class Batches:",
  "    def __init__(self, batch_size):",
  "        self.batch_size = batch_size",
  "        self.pos = 0",
  "    def end(self):",
  "        return self.pos >= 1000",
  "    def next_minibatch(self):",
  "        self.pos += self.batch_size",
  "        return torch.randn(self.batch_size, 8)",
  "model = torch.nn.Linear(8, 2)",
  "opt = torch.optim.SGD(model.parameters(), lr=0.1)",
  "batches = Batches(64)",
  `max_total_steps = ${cap}`,
  "total_steps = 0",
  "for epoch in range(5):",
  `    while ${test}:`,
  "        x = batches.next_minibatch()",
  "        opt.zero_grad()",
  "        model(x).sum().backward()",
  "        opt.step()",
  "        total_steps += 1",
  "        if total_steps > max_total_steps:",
  "            break",
  "",
].join("\n");

describe("a step loop that ends each epoch on its own under a run-wide cap", () => {
  it("has no step count from the cap: the cap only bounds the run, and the note says so", async () => {
    const result = await analyze(script("not batches.end()"));
    assert.strictEqual(result.training?.steps, undefined);
    assert.strictEqual(result.training?.epochs?.value, 5);
    assert.ok(result.training?.notes?.some((n) => /steps: at most 10,000,000,001 .*ends each of the 5 epochs/.test(n)), JSON.stringify(result.training?.notes));
  });
  it("a loop that only the cap ends (while True) still runs the cap's steps over the whole run", async () => {
    // 3,001 steps to pass the cap, then one more in each of the 4 later epochs before the check breaks it.
    assert.strictEqual((await analyze(script("True", "3000"))).training?.steps?.value, 3005);
  });
});
