import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Of the loaders a helper builds, the training one (src/core/training/loader-score.ts): shuffle=False reads in
// order, as evaluation does, and is no sign of training.
const HELPER = `import torch


def make_loaders(args):
    fit_set = torch.utils.data.TensorDataset(torch.zeros(1000, 8))
    chk_set = torch.utils.data.TensorDataset(torch.zeros(100, 8))
    sampler = torch.utils.data.distributed.DistributedSampler(fit_set)
    fit_gen = torch.utils.data.DataLoader(fit_set, batch_size=args.bs, shuffle=(sampler is None), sampler=sampler, drop_last=True)
    chk_gen = torch.utils.data.DataLoader(chk_set, batch_size=args.bs // 10, shuffle=False)
    return fit_gen, chk_gen
`;

const MAIN = `import argparse
import torch
from loaders import make_loaders

parser = argparse.ArgumentParser()
parser.add_argument("--bs", type=int, default=200)
args = parser.parse_args()
fit_gen, chk_gen = make_loaders(args)
net = torch.nn.Linear(8, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(3):
    for (x,) in fit_gen:
        opt.zero_grad()
        net(x).sum().backward()
        opt.step()
`;

describe("the training loader of those a helper builds", () => {
  it("is not the one with shuffle=False", async () => {
    const plan = (await analyze(MAIN, { others: { "/project/loaders.py": HELPER } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [3, 200]);
  });
});
