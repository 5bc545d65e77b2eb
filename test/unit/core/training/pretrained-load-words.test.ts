import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A call named for something trained already (`from_pretrained(...)`) loads weights: it is no training word, so a data
// script that loads a tokenizer and draws a batch to look at it still states no run (src/core/training/inference-only.ts
// TRAINING_WORDS, read by data-only-script.ts). A script written for this test.
const SCRIPT = `import torch
from torch.utils.data import DataLoader, TensorDataset
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
encoded = tokenizer(["a short line"] * 64, padding="max_length", max_length=16, return_tensors="pt")
rows = TensorDataset(encoded["input_ids"], torch.zeros(64, dtype=torch.long))
loader = DataLoader(rows, batch_size=8, shuffle=True)
print(f"first batch: {next(iter(loader))}")
`;

describe("a call named for loading pretrained weights", () => {
  it("names no training: a data script drawing a batch states no run", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.batch, undefined);
  });

  it("leaves a call named for training a training word", async () => {
    const plan = (await analyze(SCRIPT.replace("print(", "pretrain_encoder(loader)\nprint("))).training ?? {};
    assert.equal(plan.batch?.value, 8);
  });
});
