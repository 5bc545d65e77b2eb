import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loader's batch_sampler makes its batches: a sampler class of the project's own gives its batch_size= keyword
// (src/core/training/batch-sampler.ts).
const script = (samplerCall: string) => `import torch
from torch.utils.data import DataLoader, Sampler, TensorDataset


class BucketSampler(Sampler):
    def __init__(self, data_source, batch_size=1, drop_last=False):
        self.data_source = data_source
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        order = list(range(len(self.data_source)))
        return iter([order[i:i + self.batch_size] for i in range(0, len(order), self.batch_size)])

    def __len__(self):
        return len(self.data_source) // self.batch_size


def main():
    train_set = TensorDataset(torch.zeros(1200, 8))
    sampler = ${samplerCall}
    train_loader = DataLoader(train_set, num_workers=2, batch_sampler=sampler)
    net = torch.nn.Linear(8, 2)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(4):
        for (x,) in train_loader:
            opt.zero_grad()
            net(x).sum().backward()
            opt.step()


main()
`;

describe("batch samplers of the project's own", () => {
  it("a batch sampler's batch_size= keyword is the loader's batch, and its drop_last= the loader's", async () => {
    const plan = (await analyze(script("BucketSampler(train_set, batch_size=24, drop_last=True)"))).training ?? {};
    assert.equal(plan.batch?.value, 24);
    assert.equal(plan.dropLast, true);
    assert.equal(plan.epochs?.value, 4);
  });

  it("a batch sampler built without a batch_size keyword gives the batches its own __iter__ yields (its default, 1)", async () => {
    // Before the nineteenth round the class's default was left unread (no batch); own-batch-sampler.ts now runs the
    // sampler: len(next(iter(sampler))) is 1, and the 1,200 rows of the TensorDataset make 1,200 batches a pass.
    const plan = (await analyze(script("BucketSampler(train_set)"))).training ?? {};
    assert.equal(plan.batch?.value, 1);
    assert.match(plan.batch?.detail ?? "", /len\(next\(iter\(sampler\)\)\)/);
    assert.equal(plan.samples?.value, 1200);
  });
});
