import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A step loop over training records the code writes out (`[(words, tags), ...]`, PyTorch's sequence-tagging tutorial
// style) takes one record a step: its passes are the list's length, and the list is each pass's samples
// (training-plan.ts iterationCount, isRecordList).
const SCRIPT = `import torch
from torch import nn

training_data = [
    ("the dog ate the apple".split(), ["DET", "NN", "V", "DET", "NN"]),
    ("everybody read that book".split(), ["NN", "V", "DET", "NN"]),
    ("a cat sat".split(), ["DET", "NN", "V"]),
]
words = {w: i for i, w in enumerate(sorted({w for s, _ in training_data for w in s}))}
tags = {"DET": 0, "NN": 1, "V": 2}

class Tagger(nn.Module):
    def __init__(self, vocab, n_tags):
        super().__init__()
        self.emb = nn.Embedding(vocab, 6)
        self.lstm = nn.LSTM(6, 6)
        self.out = nn.Linear(6, n_tags)

    def forward(self, ids):
        h, _ = self.lstm(self.emb(ids).view(len(ids), 1, -1))
        return self.out(h.view(len(ids), -1))

model = Tagger(len(words), len(tags))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(EPOCHS):
    for sentence, labels in LIST:
        model.zero_grad()
        ids = torch.tensor([words[w] for w in sentence], dtype=torch.long)
        target = torch.tensor([tags[t] for t in labels], dtype=torch.long)
        loss = nn.functional.cross_entropy(model(ids), target)
        loss.backward()
        opt.step()
`;

describe("a step loop over records the code writes out", () => {
  it("takes one record a step, and the records are each pass's samples", async () => {
    const plan = (await analyze(SCRIPT.replace("EPOCHS", "300").replace("LIST", "training_data"))).training ?? {};
    // Before: no steps and no samples ("the code names no known dataset or sample count").
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, planOptimizerSteps(plan)?.value], [300, 3, 900]);
  });

  it("does not count a list of (model, optimizer) pairs as records", async () => {
    const pairs = SCRIPT.replace("EPOCHS", "300").replace("for sentence, labels in LIST:", "for net, o in [(model, opt), (model, opt)]:\n        sentence, labels = training_data[0]");
    const plan = (await analyze(pairs)).training ?? {};
    assert.notEqual(plan.samples?.value, 2);
  });
});
