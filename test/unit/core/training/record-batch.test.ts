import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop over records of words and labels takes one record a step: its batch is that one sample
// (src/core/training/record-batch.ts). Records holding tensors may be batches the script cut: no batch of 1 there.
// A script written for this test; its model is built from an embedding the analyzer cannot size, so the batch is
// not the model input's.
const SCRIPT = (records: string) => `import torch
from torch import nn

pairs = ${records}

class Net(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.emb = nn.Embedding(vocab, 4)
        self.out = nn.Linear(4, 2)

    def forward(self, ids):
        return self.out(self.emb(ids).mean(0, keepdim=True))

net = Net(VOCAB_SIZE)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(20):
    for a, b in pairs:
        opt.zero_grad()
        loss = net(torch.tensor([1, 2])).sum()
        loss.backward()
        opt.step()
`;

describe("a step loop over written-out records (record-batch.ts)", () => {
  it("takes a batch of one record", async () => {
    const plan = (await analyze(SCRIPT(`[(["a", "b"], [0, 1]), (["c"], [1])]`))).training ?? {};
    assert.equal(plan.samples?.value, 2);
    assert.equal(plan.batch?.value, 1);
  });

  it("no batch of one where the records hold tensors", async () => {
    const plan = (await analyze(SCRIPT(`[(torch.randn(16, 2), torch.zeros(16)), (torch.randn(16, 2), torch.zeros(16))]`))).training ?? {};
    assert.notEqual(plan.batch?.source === "code" && plan.batch.value === 1, true);
  });
});
