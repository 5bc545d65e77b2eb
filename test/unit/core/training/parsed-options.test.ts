import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { argparseOptionsParsed } from "../../../../src/core/training/parsed-options";

// A script that declares a step option but never parses its command line: its epoch loop is the run.
const SCRIPT = `import argparse
import torch
from torch import nn

parser = argparse.ArgumentParser()
parser.add_argument('--max_steps', type=int, default=1000000, help='Number of batches to run.')
parser.add_argument('--batch_size', type=int, default=999)

model = nn.Linear(4, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(640, 4)), batch_size=64, shuffle=True)
for epoch in range(3):
    for (x,) in loader:
        loss = model(x).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

describe("argparse options that the run reads", () => {
  it("leaves out the options of a parser the script never parses", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.batch?.value, 64);
    assert.notEqual(plan.steps?.value, 1000000, "the unparsed --max_steps does not bound the run");
    assert.equal(plan.epochs?.value, 3);
  });

  it("reads them once the script parses its arguments", async () => {
    // The script reads the option it parsed (an option nothing reads sets nothing: unread-options.ts).
    const parsed = SCRIPT.replace("model = nn.Linear", "args = parser.parse_args()\nprint(args.max_steps)\nmodel = nn.Linear");
    const plan = (await analyze(parsed.replace("for epoch in range(3):", "while True:"))).training ?? {};
    assert.equal(plan.steps?.value, 1000000);
    // Beside an epoch loop, a step option no loop uses gives way to it (named-steps.test.ts).
    const withEpochs = (await analyze(parsed)).training ?? {};
    assert.equal(withEpochs.epochs?.value, 3);
    assert.equal(withEpochs.steps, undefined);
  });

  it("counts a parser handed on (returned from a function) as parsed elsewhere", () => {
    assert.equal(argparseOptionsParsed("def get_args_parser():\n    parser = argparse.ArgumentParser()\n    return parser\n", ["epochs"]), true);
    const declared = "parser = argparse.ArgumentParser()\nparser.add_argument('--epochs', default=3)\n";
    assert.equal(argparseOptionsParsed(declared, ["epochs"]), false);
    assert.equal(argparseOptionsParsed(`${declared}def train(args):\n    for epoch in range(args.epochs):\n        pass\n`, ["epochs"]), true, "a function given the namespace reads it");
  });
});
