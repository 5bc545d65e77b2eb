import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A JSON Lines file the repository ships (one record a line), read with ordinary Python: its records are the epoch's
// samples (src/core/interp/stdlib/config-files.ts). Our own fixture and data.
const records = Array.from({ length: 50 }, (_, i) => JSON.stringify({ question: `q${i}`, answer: `a${i}` })).join("\n") + "\n";

const script = (read: string) => `import json
import torch
from torch.utils.data import DataLoader

class Problems(torch.utils.data.Dataset):
    def __init__(self, path):
        with open(path) as f:
            ${read}

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        return self.rows[i]

loader = DataLoader(Problems("data/train.jsonl"), batch_size=8, shuffle=True)
model = torch.nn.Linear(4, 1)
opt = torch.optim.AdamW(model.parameters())
for epoch in range(3):
    for batch in loader:
        loss = model(batch).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("a JSON Lines file's records", () => {
  it("[json.loads(line) for line in f] and f.readlines() count one sample a line", async () => {
    for (const read of ["self.rows = [json.loads(line) for line in f]", "self.rows = f.readlines()"]) {
      const plan = (await analyze(script(read), { others: { "/project/data/train.jsonl": records } })).training;
      assert.equal(plan?.samples?.value, 50, read);
      assert.equal(plan?.batch?.value, 8);
    }
  });

  it("a JSON Lines file the workspace lacks leaves the samples unknown", async () => {
    const plan = (await analyze(script("self.rows = [json.loads(line) for line in f]"))).training;
    assert.equal(plan?.samples, undefined);
  });
});
