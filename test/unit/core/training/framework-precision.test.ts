import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A framework's precision switch given through a dict spread into the call (`amp.initialize(model, opt,
// **amp_args)`), as Python passes a `**` dict's entries as keywords (src/core/training/training-plan.ts).
const script = (level: string) => `import argparse
import torch
from apex import amp

parser = argparse.ArgumentParser()
parser.add_argument("--opt-level", default="${level}", choices=["O0", "O1", "O2"])
args = parser.parse_args()
net = torch.nn.Linear(8, 2).cuda()
opt = torch.optim.SGD(net.parameters(), lr=0.1)
amp_args = dict(opt_level=args.opt_level, loss_scale="dynamic", verbosity=False)
net, opt = amp.initialize(net, opt, **amp_args)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(512, 8)), batch_size=64)
for epoch in range(3):
    for (x,) in loader:
        opt.zero_grad()
        with amp.scale_loss(net(x.cuda()).sum(), opt) as scaled:
            scaled.backward()
        opt.step()
`;

describe("framework precision switches spread from a dict", () => {
  it("apex's opt_level in `**amp_args` sets fp16 for O1/O2 and leaves O0 at full precision", async () => {
    const mixed = (await analyze(script("O2"))).training ?? {};
    assert.equal(mixed.precision?.value, "fp16");
    assert.match(mixed.precision?.detail ?? "", /\*\*amp_args with opt_level/);
    const full = (await analyze(script("O0"))).training ?? {};
    assert.equal(full.precision, undefined);
  });
});
