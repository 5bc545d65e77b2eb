import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Options a class of another module parses, one default a path under the user's home (`os.environ["HOME"]`): a login
// shell always sets HOME, so `python train.py` parses them and trains; the analyzer reads the path as unknown rather
// than stopping the options (and the run built from them) on a KeyError.
const OPTIONS = `import argparse
import os

class Options:
    def __init__(self):
        self.parser = argparse.ArgumentParser()
        self.parser.add_argument("--out_dir", default=os.path.join(os.environ["HOME"], "runs"))
        self.parser.add_argument("--epochs", type=int, default=7)
        self.parser.add_argument("--batch_size", type=int, default=16)

    def parse(self):
        opt = self.parser.parse_args()
        opt.rank = os.environ.get("LOCAL_RANK")
        return opt
`;

const SCRIPT = `import torch
from torch.utils.data import DataLoader, TensorDataset
from options import Options

def main():
    opt = Options().parse()
    epochs = opt.epochs if opt.rank is None else 1
    model = torch.nn.Linear(4, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(torch.zeros(320, 4), torch.zeros(320)), batch_size=opt.batch_size)
    for epoch in range(epochs):
        for x, y in loader:
            loss = model(x).sum()
            loss.backward()
            optimizer.step()

if __name__ == "__main__":
    main()
`;

describe("os.environ: the variables a login always sets", () => {
  it("os.environ['HOME'] is set (its value unknown), so options parsed in another module reach the run", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/options.py": OPTIONS } })).training ?? {};
    assert.equal(plan.epochs?.value, 7, "LOCAL_RANK stays unset: a plain run is no torchrun worker");
    assert.equal(plan.batch?.value, 16);
    assert.equal(plan.samples?.value, 320);
  });
});
