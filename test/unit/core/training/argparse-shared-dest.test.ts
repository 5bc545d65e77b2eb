import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: two argparse options sharing a dest (`--test` store_true, `--train` store_false);
// parse_args sets a dest's default once, from the first action added (src/core/interp/stdlib/argparse.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const loop = `model = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(2):
    for x, y in loader:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`;

describe("argparse options sharing a dest (argparse shared dest)", () => {
  const text = (second: string) => `import argparse
import torch
from torch.utils.data import DataLoader
from torchvision import datasets

parser = argparse.ArgumentParser()
parser.add_argument("--test", action="store_true", dest="test")
${second}
args = parser.parse_args()
if args.test:
    epochs = 1
else:
    epochs = 7
loader = DataLoader(datasets.MNIST("./d"), batch_size=10, shuffle=True)
${loop.replace("range(2)", "range(epochs)")}`;

  it("the first option's default is the dest's (argparse sets a dest's default once, in the order added)", async () => {
    const plan = await planOf(text('parser.add_argument("--train", action="store_false", dest="test")'));
    assert.equal(plan.epochs?.value, 7);
  });

  it("the same option string added again replaces the earlier default (conflict_handler='resolve'; the default handler raises)", async () => {
    const plan = await planOf(text('parser.add_argument("--test", action="store_false", dest="test")').replace("argparse.ArgumentParser()", 'argparse.ArgumentParser(conflict_handler="resolve")'));
    assert.equal(plan.epochs?.value, 1);
  });
});
