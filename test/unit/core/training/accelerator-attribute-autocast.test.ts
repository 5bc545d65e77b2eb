import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `with self.accelerator.autocast():` in a trainer class of another file, whose `__init__` binds
// `self.accelerator = Accelerator(...)`: an Accelerate autocast, read apart from that `__init__`
// (src/core/training/accelerator-autocast.ts `acceleratorAttributeAutocast`).
const RUNNER = (mixed: string) => `import torch
from accelerate import Accelerator
from torch.utils.data import DataLoader


class Runner:
    def __init__(self, net, data, *, rows=16, total=300, half=False):
        self.accelerator = Accelerator(
            split_batches=True,
            mixed_precision=${mixed},
        )
        self.net = net
        self.loader = DataLoader(data, batch_size=rows, shuffle=True)
        self.opt = torch.optim.Adam(net.parameters(), lr=1e-4)
        self.total = total
        self.done = 0

    def train(self):
        batches = iter(self.loader)
        while self.done < self.total:
            x, y = next(batches)
            with self.accelerator.autocast():
                loss = torch.nn.functional.mse_loss(self.net(x), y)
            self.accelerator.backward(loss)
            self.opt.step()
            self.opt.zero_grad()
            self.done += 1
`;

const SCRIPT = `import torch
from torch.utils.data import TensorDataset
from runner import Runner

net = torch.nn.Linear(12, 3)
data = TensorDataset(torch.randn(900, 12), torch.randn(900, 3))
trainer = Runner(net, data, rows=30, total=300)
trainer.train()
`;

describe("self.accelerator.autocast() in another file's trainer class", () => {
  it("is no fp16 autocast where the Accelerator's mixed_precision is not a 16-bit literal", async () => {
    const result = await analyze(SCRIPT, { others: { "/project/runner.py": RUNNER(`"fp16" if half else "no"`) } });
    assert.equal(result.training?.steps?.value, 300);
    assert.equal(result.training?.precision, undefined);
  });

  it("takes the literal mixed_precision the Accelerator is built with", async () => {
    const result = await analyze(SCRIPT, { others: { "/project/runner.py": RUNNER(`"bf16"`) } });
    assert.equal(result.training?.precision?.value, "bf16");
  });
});
