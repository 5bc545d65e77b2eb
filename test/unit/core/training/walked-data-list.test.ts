// A counted loop around a step loop that walks a whole Python list of training items (`for it in range(8):
// random.shuffle(pairs); for features, label in pairs: ... opt.step()`) passes over the data once a turn: each turn is
// an epoch, whatever the counter is named (walked-data-list.ts, read by training-plan.ts through data-pass-epochs.ts).
import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const PAIRS = `import random
import torch
from torch import nn

def load_pairs(path):
    pairs = []
    with open(path) as handle:
        for row in handle:
            cells = row.split(",")
            pairs.append((torch.tensor([float(c) for c in cells[:-1]]), int(cells[-1])))
    return pairs

pairs = load_pairs("pairs.csv")
clf = nn.Linear(4, 3)
opt = torch.optim.SGD(clf.parameters(), lr=0.1)
ce = nn.CrossEntropyLoss()
for it in range(8):
    random.shuffle(pairs)
    for features, label in pairs:
        loss = ce(clf(features).unsqueeze(0), torch.tensor([label]))
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const epochsOf = async (text: string) => (await analyze(text)).training?.epochs?.value;

describe("a counted loop around a walk over a list of training items", () => {
  it("is the epoch loop: its count is the run's epochs", async () => {
    assert.equal(await epochsOf(PAIRS), 8);
  });

  it("is so for a list of items the code writes out, walked under enumerate", async () => {
    const written = PAIRS.replace('pairs = load_pairs("pairs.csv")', "pairs = [(torch.rand(4), 0), (torch.rand(4), 2), (torch.rand(4), 1)]").replace("for features, label in pairs:", "for k, (features, label) in enumerate(pairs):");
    assert.equal(await epochsOf(written), 8);
  });

  it("is not where the list holds numbers to try, nor where the loop rebuilds the list each turn", async () => {
    const rates = PAIRS.replace("clf = nn.Linear(4, 3)", "rates = [0.1, 0.05]\nclf = nn.Linear(4, 3)").replace("for features, label in pairs:", "for rate in rates:\n        features, label = pairs[0]");
    assert.equal(await epochsOf(rates), undefined);
    const rebuilt = PAIRS.replace("    random.shuffle(pairs)\n", '    pairs = load_pairs("pairs.csv")\n');
    assert.equal(await epochsOf(rebuilt), undefined);
  });
});
