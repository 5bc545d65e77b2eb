import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A helper of the code's own that builds its dataset, splits it and returns the parts: the name unpacked from its call
// holds the part returned there (src/core/training/returned-split-parts.ts).
const planOf = async (text: string, helper: string): Promise<TrainingPlan> => (await analyze(text, { others: { "/project/loading.py": helper } })).training ?? {};

const HELPER = (returned: string) => `import torch
from torch.utils.data import random_split
from torchvision.datasets import FashionMNIST

def load_parts(n=3000):
    pool = FashionMNIST("data", train=True, download=True)
    pool = [pool[k] for k in range(n)]
    fit_part, check_part = random_split(pool, [2400, 600])
    return ${returned}
`;

const SCRIPT = (unpack: string, fed: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader
from loading import load_parts

${unpack} = load_parts()
loader = DataLoader(${fed}, batch_size=50, shuffle=True)
net = nn.Linear(784, 10)
opt = torch.optim.Adam(net.parameters())
for epoch in range(4):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(x.flatten(1)), y).backward()
        opt.step()
`;

describe("random_split parts a helper returns (src/core/training/returned-split-parts.ts)", () => {
  it("sizes the loader by the part unpacked at its place of the returned tuple", async () => {
    const plan = await planOf(SCRIPT("training, checking", "training"), HELPER("fit_part, check_part"));
    assert.deepEqual([plan.samples?.value, plan.batch?.value], [2400, 50]);
    const second = await planOf(SCRIPT("checking, training", "training"), HELPER("check_part, fit_part"));
    assert.equal(second.samples?.value, 2400);
  });

  it("takes a single part returned alone", async () => {
    const plan = await planOf(SCRIPT("training", "training"), HELPER("fit_part"));
    assert.equal(plan.samples?.value, 2400);
  });

  it("leaves the samples unknown where the returned name is no split part, or a test chooses the return", async () => {
    const whole = await planOf(SCRIPT("training, checking", "training"), HELPER("pool, check_part"));
    assert.notEqual(whole.samples?.value, 2400);
    const chosen = await planOf(SCRIPT("training, checking", "training"), HELPER("fit_part, check_part").replace("    return", "    if n > 5000:\n        return check_part, fit_part\n    return"));
    assert.equal(chosen.samples, undefined);
  });
});
