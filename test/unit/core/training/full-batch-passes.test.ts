import { strict as assert } from "node:assert";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { analyze } from "../../helpers/analyze";

// A full-batch step loop named for anything but epochs (full-batch-passes.ts): each pass trains on all of the data,
// so its passes are the run's epochs, whether the data's rows are known or not.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (data: string, loop: string, extra = "") => `import torch
from torch import nn

${data}
net = nn.Linear(5, 1)
sgd = torch.optim.SGD(net.parameters(), lr=0.05)
${loop}
    guess = net(features)
    cost = nn.functional.mse_loss(guess, labels)
${extra}    sgd.zero_grad()
    cost.backward()
    sgd.step()
`;

const KNOWN = `features = torch.rand(420, 5)
labels = torch.rand(420, 1)`;

// Rows appended from a file's lines: the analyzer does not know how many.
const FROM_FILE = `rows = [[float(v) for v in line.split(",")] for line in open("table.txt")]
features = torch.tensor([r[:5] for r in rows])
labels = torch.tensor([r[5:] for r in rows])`;

describe("a full-batch step loop's passes are its epochs (full-batch-passes.ts)", function () {
  this.timeout(20_000);
  it("counts one epoch a pass on data of known rows", async () => {
    const plan = await planOf(SCRIPT(KNOWN, "for it in range(750):"));
    assert.equal(plan.steps?.value, 750);
    assert.equal(plan.epochs?.value, 750);
    assert.match(plan.epochs!.detail, /each pass trains on all of features, one epoch a pass/);
    assert.equal(plan.batch?.value, 420);
    assert.equal(plan.samples?.value, 420);
  });

  it("counts them where the rows are unknown too (the batch stays unknown)", async () => {
    const plan = await planOf(SCRIPT(FROM_FILE, "for it in range(640):"));
    assert.equal(plan.epochs?.value, 640);
    assert.equal(plan.batch, undefined);
  });

  it("does not take steps every third pass for epochs", async () => {
    const script = SCRIPT(KNOWN, "for it in range(600):").replace("    sgd.step()\n", "    if it % 3 == 0:\n        sgd.step()\n");
    const plan = await planOf(script);
    assert.equal(plan.steps?.value, 200);
    assert.notEqual(plan.epochs?.value, 200);
  });

  it("leaves a loop over mini-batches alone: its passes are steps, not epochs", async () => {
    const batches = `features = torch.rand(420, 5)
labels = torch.rand(420, 1)
for it in range(30):
    for start in range(0, 420, 60):
        guess = net(features[start:start + 60])
        cost = nn.functional.mse_loss(guess, labels[start:start + 60])
        sgd.zero_grad()
        cost.backward()
        sgd.step()
`;
    const plan = await planOf(`import torch\nfrom torch import nn\nnet = nn.Linear(5, 1)\nsgd = torch.optim.SGD(net.parameters(), lr=0.05)\n${batches}`);
    assert.notEqual(plan.epochs?.value, 210);
  });
});
