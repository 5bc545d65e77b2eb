import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own classifier fine-tune over a DatasetDict whose splits EDIT replaces in place; USE is what the trainer gets.
const script = (edit: string, use: string) => `from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

def run():
    model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased")
    reviews = load_dataset("imdb")
${edit.split("\n").map((l) => `    ${l}`).join("\n")}
    args = TrainingArguments(output_dir="out", per_device_train_batch_size=8, num_train_epochs=2)
    Trainer(model=model, args=args, train_dataset=${use}).train()

run()
`;

const samples = async (text: string) => (await analyze(text)).training?.samples?.value;

describe("an assignment to a DatasetDict's \"train\" split replaces its rows (src/core/training/hub-dataset-parts.ts trainSplitOwner)", () => {
  it("reviews['train'] = reviews['train'].select(range(600)): the trainer given reviews['train'] trains on 600", async () => {
    assert.equal(await samples(script(`reviews["train"] = reviews["train"].select(range(600))`, `reviews["train"]`)), 600);
  });

  it("the replaced split carries through a later map of the dictionary", async () => {
    assert.equal(await samples(script(`reviews["train"] = reviews["train"].shuffle(seed=1).select(range(600))
encoded = reviews.map(lambda b: b, batched=True)`, `encoded["train"]`)), 600);
  });

  it("replacing another split leaves the training rows as loaded", async () => {
    assert.equal(await samples(script(`reviews["test"] = reviews["test"].select(range(50))`, `reviews["train"]`)), 25_000);
  });
});
