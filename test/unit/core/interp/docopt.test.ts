import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// docopt's usage text of our own: each option's [default: N] is the plain run's value, as text; a flag is False.
const SCRIPT = (usage: string, call: string) => `"""Train a classifier.

Usage:
    ${usage}

Options:
    -h --help                   show this screen.
    --cuda                      use GPU
    -b, --batch-size=<int>      batch size [default: 24]
    --max-epoch=<int>           epochs to train [default: 9]
    --lr=<float>                learning rate
"""
from docopt import docopt
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets


def train(args):
    model = nn.Linear(784, 10)
    if args["--cuda"]:
        model = model.half()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(datasets.MNIST(".", train=True), batch_size=int(args["--batch-size"]), shuffle=True)
    for epoch in range(int(args["--max-epoch"])):
        for x, y in loader:
            loss = nn.functional.cross_entropy(model(x.view(-1, 784)), y)
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    args = docopt(__doc__)
    ${call}
`;

describe("docopt (built-in stand-in)", () => {
  it("reads each option's [default: N] from the usage text, keyed by its long name", async () => {
    const plan = (await analyze(SCRIPT("train.py [options]", "train(args)"))).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value, plan?.precision?.value ?? "fp32"], [9, 24, 60_000, "fp32"]);
  });

  it("gives a flag False, an option without a default None, a command False and a positional None", async () => {
    const usage = "train.py fit [options] DATA_DIR";
    const check = (test: string) => `args["--max-epoch"] = "4" if ${test} else "40"\n    train(args)`;
    for (const test of ['args["--cuda"] is False', 'args["--lr"] is None', 'args["fit"] is False', 'args["DATA_DIR"] is None', 'args["--help"] is False']) {
      assert.equal((await analyze(SCRIPT(usage, check(test)))).training?.epochs?.value, 4, test);
    }
  });
});
