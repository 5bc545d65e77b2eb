import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

// A model the top level calls with names bound to tensors is tried with those tensors' shapes first: the program's
// own data, which no literal in the text gives. Figures by hand: Embedding(V, E) has V*E parameters and no FLOPs;
// Linear(a, b) 2*a*b FLOPs per row.
describe("inputs the program feeds its models (src/core/interp/fed-inputs.ts)", () => {
  it("takes the shape of a tensor built from the program's data, fed by name", async () => {
    const result = await analyze(`
import torch
import torch.nn as nn

sentences = ["i like dog", "i love coffee", "i hate milk"]
words = sorted(set(" ".join(sentences).split()))
index = {w: i for i, w in enumerate(words)}


class Bag(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.out = nn.Linear(2 * dim, vocab)

    def forward(self, x):
        return self.out(self.emb(x).view(x.shape[0], -1))


model = Bag(len(words), 4)
inputs = torch.LongTensor([[index[w] for w in s.split()[:-1]] for s in sentences])
for epoch in range(1000):
    loss = model(inputs).sum()
`);
    const m = modelNamed(result, "model");
    assert.deepEqual(m.inputs, [{ shape: [3, 2], dtype: "int64" }], "three sentences of two context words");
    assert.equal(m.params, 7 * 4 + 8 * 7 + 7);
    assert.equal(m.flops, 3 * 2 * 8 * 7);
    assert.ok(m.complete);
  });

  it("a name bound to something else than a tensor is no example: the default stays", async () => {
    const result = await analyze(`
import torch.nn as nn

model = nn.Linear(16, 4)
batch = [1, 2, 3]
model(batch)
`);
    assert.deepEqual(modelNamed(result, "model").inputs, [{ shape: [1, 16], dtype: "float32" }]);
  });
});
