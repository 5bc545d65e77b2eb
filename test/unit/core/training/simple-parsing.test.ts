import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// simple_parsing's dataclass arguments, in a script of our own: the default run's fields are the dataclass defaults.
const script = (parse: string) => `from dataclasses import dataclass
import simple_parsing
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets

@dataclass
class HParams:
    epochs: int = 13
    batch_size: int = 40

def main():
${parse}
    model = nn.Linear(784, 10)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(datasets.MNIST(".", train=True), batch_size=hp.batch_size, shuffle=True)
    for epoch in range(hp.epochs):
        for x, y in loader:
            loss = nn.functional.cross_entropy(model(x.view(-1, 784)), y)
            loss.backward()
            optimizer.step()

if __name__ == "__main__":
    main()
`;

describe("simple_parsing's dataclass arguments (src/core/interp/stdlib/argparse.ts)", () => {
  it("add_arguments(HParams, dest=...) gives parse_args' namespace the dataclass with its defaults", async () => {
    const plan = (await analyze(script('    parser = simple_parsing.ArgumentParser()\n    parser.add_arguments(HParams, dest="hparams")\n    args = parser.parse_args()\n    hp = args.hparams'))).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value], [13, 40]);
  });

  it("add_arguments' default= instance and simple_parsing.parse(HParams) are the run's too", async () => {
    const given = (await analyze(script('    parser = simple_parsing.ArgumentParser()\n    parser.add_arguments(HParams, "hparams", default=HParams(epochs=2))\n    hp = parser.parse_args().hparams'))).training;
    assert.deepEqual([given?.epochs?.value, given?.batch?.value], [2, 40]);
    const parsed = (await analyze(script("    hp = simple_parsing.parse(HParams)"))).training;
    assert.deepEqual([parsed?.epochs?.value, parsed?.batch?.value], [13, 40]);
  });
});
