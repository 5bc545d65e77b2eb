import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// apex's `amp.initialize(model, optimizer)` with no opt_level runs its default O1, fp16 mixed precision
// (src/core/training/apex-default-level.ts).
const script = (initialize: string) => `import torch
from apex import amp

def main():
    net = torch.nn.Linear(16, 4).cuda()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    ${initialize}
    data = torch.utils.data.TensorDataset(torch.zeros(640, 16), torch.zeros(640, dtype=torch.long))
    loader = torch.utils.data.DataLoader(data, batch_size=32)
    for epoch in range(4):
        for x, y in loader:
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(x.cuda()), y.cuda())
            with amp.scale_loss(loss, opt) as scaled:
                scaled.backward()
            opt.step()

if __name__ == "__main__":
    main()
`;

describe("apex amp.initialize's default opt_level", () => {
  it("reads fp16 where amp.initialize is given no opt_level", async () => {
    const training = (await analyze(script("net, opt = amp.initialize(net, opt)"))).training ?? {};
    assert.equal(training.precision?.value, "fp16");
    assert.match(training.precision?.detail ?? "", /default O1/);
    assert.equal(training.batch?.value, 32);
  });

  it("keeps full precision where the call is disabled or states O0", async () => {
    for (const call of ["net, opt = amp.initialize(net, opt, enabled=False)", 'net, opt = amp.initialize(net, opt, opt_level="O0")']) {
      const training = (await analyze(script(call))).training ?? {};
      assert.notEqual(training.precision?.value, "fp16", call);
    }
  });

  it("leaves another library's initialize alone", async () => {
    const other = script("net, opt = amp.initialize(net, opt)").replace("from apex import amp", "import my_amp as amp");
    const training = (await analyze(other)).training ?? {};
    assert.notEqual(training.precision?.value, "fp16");
  });
});
