import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// optparse's options of our own (src/core/interp/stdlib/optparse.ts): with no command line, `parse_args()` gives
// each destination its default, a string default converted by the option's type; an option without a default is
// None. Their `add_option` lines configure the parser and are never taken for the training call
// (src/core/training/foreign-loops.ts).
const OPTIONS = (extra = "") => `from optparse import OptionParser

parser = OptionParser()
parser.add_option("-b", "--batch-size", type="int", default="24")
parser.add_option("", "--rounds", type=int, default=6, dest="epochs")
parser.add_option("--half", action="store_true")
${extra}
opts, rest = parser.parse_args()
`;

const LOOP = `import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
${OPTIONS()}
model = nn.Linear(784, 10)
if opts.half:
    model = model.half()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(datasets.MNIST(".", train=True), batch_size=opts.batch_size, shuffle=True)
for epoch in range(opts.epochs):
    for x, y in loader:
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x.view(-1, 784)), y).backward()
        optimizer.step()
`;

const ENGINE = `import torch
from torch import nn


def learn(model, loader, rounds):
    optimizer = torch.optim.Adam(model.parameters())
    for epoch in range(rounds):
        for x, y in loader:
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(x.view(-1, 784)), y).backward()
            optimizer.step()
`;

const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

describe("optparse's defaults (src/core/interp/stdlib/optparse.ts)", () => {
  it("gives each destination its default: a dest of its own, one from the long option, a string default converted by type", async () => {
    const plan = await planOf(LOOP);
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value, planOptimizerSteps(plan)?.value], [6, 24, 60000, 6 * 2500]);
  });

  it("leaves a store_true option without a default at None, not False", async () => {
    const plan = await planOf(LOOP.replace("if opts.half:", "if opts.half is None:"));
    assert.equal(plan.precision?.value, "fp16");
  });

  it("takes set_defaults over an option's own default", async () => {
    const plan = await planOf(LOOP.replace("opts, rest = parser.parse_args()", "parser.set_defaults(epochs=2)\nopts, rest = parser.parse_args()"));
    assert.equal(plan.epochs?.value, 2);
  });

  it("does not spend the search for another file's training call on add_option lines", async () => {
    const options = Array.from({ length: 8 }, (_, i) => `parser.add_option("--knob${i}", type="int", default=${i})`).join("\n");
    const script = `from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
from engine import learn
${OPTIONS(options)}
model = nn.Linear(784, 10)
model.cuda()
loader = DataLoader(datasets.MNIST(".", train=True), batch_size=opts.batch_size, shuffle=True)
learn(model, loader, opts.epochs)
`;
    const plan = await planOf(script, { "/project/engine.py": ENGINE });
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [6, 24, 6 * 2500]);
  });
});
