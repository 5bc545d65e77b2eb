import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// opus_books' language-pair configurations, sized from the Hugging Face card (src/core/training/text-dataset-sizes.ts).
// A fixture written for this test.
const script = (pair: string) => `import torch
from datasets import load_dataset
from torch.utils.data import DataLoader

ds = load_dataset("opus_books", "${pair}", split="train")
loader = DataLoader(ds, batch_size=16)
model = torch.nn.Linear(10, 2)
opt = torch.optim.Adam(model.parameters())
for epoch in range(2):
    for batch in loader:
        loss = model(batch["x"]).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("opus_books' training split by language pair", () => {
  it("en-it: 32,332 pairs", async () => {
    const plan = (await analyze(script("en-it"))).training;
    assert.equal(plan?.samples?.value, 32_332);
    assert.match(plan?.samples?.detail ?? "", /opus_books \(en-it\)/);
  });

  it("en-es: 93,470 pairs; es-ru: 16,793", async () => {
    assert.equal((await analyze(script("en-es"))).training?.samples?.value, 93_470);
    assert.equal((await analyze(script("es-ru"))).training?.samples?.value, 16_793);
  });

  it("a pair the card does not size here stays unknown", async () => {
    const plan = (await analyze(script("en-xx"))).training;
    assert.equal(plan?.samples, undefined);
  });
});
