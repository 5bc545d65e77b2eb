import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A file that builds an optimizer and never uses it to train states no run (src/core/training/unstepped-optimizer.ts):
// an evaluation script that loads a saved model, and a set-up fragment. Scripts written for this test.
const evaluation = (last: string) => `import torch
import torch.optim as optim
from torch.optim import lr_scheduler
from torch.utils.data import DataLoader, TensorDataset

test_set = TensorDataset(torch.randn(40, 8), torch.randint(0, 2, (40,)))
test_loader = DataLoader(test_set, batch_size=1)
net = torch.load("trained.pth")
opt = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
sched = lr_scheduler.StepLR(opt, step_size=3, gamma=0.1)
${last}
`;
const evaluate = `correct = 0
for x, y in test_loader:
    correct += int(net(x).argmax(1) == y)
print(correct)`;

const setup = (last: string) => `import torch
from transformers import get_linear_schedule_with_warmup
from model_def import net
opt = torch.optim.AdamW(net.parameters(), lr=1e-5, eps=1e-8)
epochs = 5
sched = get_linear_schedule_with_warmup(opt, num_warmup_steps=0, num_training_steps=100 * epochs)
${last}
`;

const notesOf = (result: Awaited<ReturnType<typeof analyze>>) => [...result.notes, ...(result.training?.notes ?? [])].join("\n");

describe("an optimizer built and never stepped (unstepped-optimizer.ts)", () => {
  it("an evaluation loop's loader batch is no run", async () => {
    const result = await analyze(evaluation(evaluate));
    assert.equal(result.training?.batch, undefined);
    assert.match(notesOf(result), /the optimizer built at line 9 is never stepped/);
  });

  it("a set-up fragment's epochs are no run", async () => {
    const result = await analyze(setup(""));
    assert.equal(result.training?.epochs, undefined);
  });

  it("keeps the run where the optimizer steps", async () => {
    const result = await analyze(evaluation(evaluate.replace("correct += int(net(x).argmax(1) == y)", "net(x).sum().backward()\n    opt.step()")));
    assert.equal(result.training?.batch?.value, 1);
  });

  it("keeps the run where the optimizer is handed to another file's function", async () => {
    const result = await analyze(setup("from loops import run_epochs\nrun_epochs(net, opt, epochs)"), { others: { "/project/loops.py": "def run_epochs(net, opt, epochs):\n    pass\n" } });
    assert.equal(result.training?.epochs?.value, 5);
  });
});
