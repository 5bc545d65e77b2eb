import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// random_split lengths worked out from len() of a dataset the plan sizes (src/core/training/measured-split-lengths.ts),
// and `select(range(n))` of a hub dataset no table sizes (src/core/training/hub-dataset-parts.ts). Scripts written for
// this test.
const script = (take: string, lengths: string) => `import torch
from torch.utils.data import Dataset, DataLoader, random_split
from datasets import load_dataset

class Pairs(Dataset):
    def __init__(self, rows):
        self.rows = rows
    def __len__(self):
        return len(self.rows)
    def __getitem__(self, i):
        return self.rows[i]

corpus = load_dataset("local-lab/sentence-pairs", split="train")
corpus = corpus.select(${take})
n_fit = int(0.8 * len(corpus))
n_held = len(corpus) - n_fit
fit_rows, held_rows = random_split(corpus, ${lengths})
fit_loader = DataLoader(Pairs(fit_rows), batch_size=40, shuffle=True)
net = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(2):
    for batch in fit_loader:
        loss = net(batch["x"]).sum()
        loss.backward()
        opt.step()
`;
const planOf = async (take: string, lengths: string) => (await analyze(script(take, lengths))).training;

describe("random_split lengths measured from a sized dataset", () => {
  it("keeps select's rows and splits them as the lengths work out", async () => {
    const training = await planOf("range(3000)", "[n_fit, n_held]");
    assert.equal(training?.samples?.value, 2400);
  });

  it("reads len() written in the list itself", async () => {
    const training = await planOf("range(3000)", "[n_fit, len(corpus) - n_fit]");
    assert.equal(training?.samples?.value, 2400);
  });

  it("leaves a selection of unknown size alone", async () => {
    const training = await planOf("picked", "[n_fit, n_held]");
    assert.equal(training?.samples, undefined);
  });
});

describe("select(range(n)) of a hub dataset no table sizes", () => {
  it("keeps n rows", async () => {
    const training = (await analyze(`import torch
from torch.utils.data import DataLoader
from datasets import load_dataset

rows = load_dataset("local-lab/sentence-pairs", split="train").select(range(1200))
loader = DataLoader(rows, batch_size=40)
net = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(2):
    for batch in loader:
        net(batch["x"]).sum().backward()
        opt.step()
`)).training;
    assert.equal(training?.samples?.value, 1200);
  });
});
