import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// A script written for this test: an endless `cycle()` over a loader, the objects handed through a library's
// prepare() the analysis does not have, and a step loop that reads them.
const SCRIPT = `
import torch
from torch.utils.data import DataLoader, TensorDataset
from accelerate import Accelerator

def cycle(loader):
    while True:
        for data in loader:
            yield data

def train(num_batches = int(1e4), batch_size = 4, accumulate = 4):
    accelerator = Accelerator()
    model = torch.nn.Linear(8, 2)
    optim = torch.optim.Adam(model.parameters())
    train_loader = cycle(DataLoader(TensorDataset(torch.randn(100, 8)), batch_size=batch_size))
    model, optim, train_loader = accelerator.prepare(model, optim, train_loader)
    for i in range(num_batches):
        model.train()
        for _ in range(accumulate):
            loss = model(next(train_loader)).sum()
            accelerator.backward(loss / accumulate)
        accelerator.clip_grad_norm_(model.parameters(), 0.5)
        optim.step()
        optim.zero_grad()

if __name__ == '__main__':
    train()
`;

describe("a generator that yields from a loop over an unknown value", () => {
  it("is unknown rather than run as an endless loop, so the run around it is still read", async () => {
    const plan = (await analyze(SCRIPT)).training;
    assert.strictEqual(plan?.steps?.value, 10000);
    assert.strictEqual(plan?.accumulation?.value, 4);
    assert.strictEqual(plan?.batch?.value, 4);
  });
  it("a generator over known items still yields them", async () => {
    const result = await analyze("import torch\ndef cycle(xs):\n    while True:\n        for x in xs:\n            yield x\nit = cycle([16, 32])\nnext(it)\nwidth = next(it)\nmodel = torch.nn.Linear(width, 2)\n");
    assert.strictEqual(result.models[0]?.params, 32 * 2 + 2);
  });
  it("a yield left at the top level (tabs and spaces mixed) fails its statement, not the analysis", async () => {
    // The tab puts the import deeper than the loop after it, so the generator's body parses as module code.
    const text = "import numpy as np\nimport torch\n\ndef batches(ids):\n\tfrom random import shuffle\n    while True:\n        for i in ids:\n            yield np.load('part_{}.npy'.format(i))\n\nmodel = torch.nn.Linear(6, 3)\n";
    const result = await analyze(text);
    assert.strictEqual(result.models[0]?.params, 6 * 3 + 3);
  });
});
