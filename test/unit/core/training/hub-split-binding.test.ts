import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const samplesOf = async (text: string): Promise<number | undefined> => (await analyze(text)).training?.samples?.value;

// Our own fine-tuning function that holds out part of IMDb's 25,000 reviews; SPLIT binds the split's parts.
const script = (split: string) => `from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

def encode(x):
    return x

def train(held_out: int = 2000):
    model = AutoModelForSequenceClassification.from_pretrained("some/model")
    reviews = load_dataset("imdb")
${split}
    Trainer(model=model, train_dataset=kept, args=TrainingArguments("out", num_train_epochs=1)).train()

if __name__ == "__main__":
    train()
`;

describe("a Hub dataset's train_test_split bound to a name before its training part is taken", () => {
  it("parts = ds.train_test_split(test_size=n), then parts['train']: the training part's rows", async () => {
    assert.equal(await samplesOf(script(`    parts = reviews["train"].train_test_split(test_size=held_out, seed=42)
    kept = parts["train"].shuffle().map(encode)`)), 23_000);
    assert.equal(await samplesOf(script(`    parts = reviews["train"].train_test_split(test_size=0.2)
    kept = parts["train"].map(encode)`)), 20_000);
  });

  it("a name rebound to something else after the split, or its test part, is not the split's training part", async () => {
    assert.equal(await samplesOf(script(`    parts = reviews["train"].train_test_split(test_size=held_out)
    parts = reviews
    kept = parts["train"].map(encode)`)), 25_000);
    assert.notEqual(await samplesOf(script(`    parts = reviews["train"].train_test_split(test_size=held_out)
    kept = parts["test"].map(encode)`)), 23_000);
  });
});
