import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own fine-tuning loop over the training part of a Hub set split in the script (squad's 87,599 training rows, a
// fifth held out: scikit-learn's sizes leave 70,079).
const script = (between: string, loaded: string) => `import torch
from datasets import load_dataset
from torch.utils.data import DataLoader
from transformers import AutoModelForQuestionAnswering

squad = load_dataset("squad", split="train")
parts = squad.train_test_split(test_size=0.2)
${between}
train_loader = DataLoader(${loaded}, shuffle=True, batch_size=16)
val_loader = DataLoader(parts["test"], batch_size=16)
model = AutoModelForQuestionAnswering.from_pretrained("t5-small")
optimizer = torch.optim.AdamW(model.parameters())
for epoch in range(2):
    for batch in train_loader:
        loss = model(**batch).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

describe("a DataLoader over a DatasetDict's train part", () => {
  it("walks the rows the split keeps for training", async () => {
    const plan = (await analyze(script("", 'parts["train"]'))).training;
    assert.equal(plan?.samples?.value, 70079);
    assert.equal(plan?.batch?.value, 16);
  });

  it("through a map and a format change bound to another name", async () => {
    const plan = (await analyze(script('tokenized = parts.map(lambda x: x, batched=True).with_format("torch")', 'tokenized["train"]'))).training;
    assert.equal(plan?.samples?.value, 70079);
  });
});
