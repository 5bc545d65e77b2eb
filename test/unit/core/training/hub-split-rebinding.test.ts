import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const runOf = async (text: string) => ({ samples: (await analyze(text)).training?.samples?.value });

// A Hugging Face Trainer over the "train" part of a DatasetDict that LOAD and SPLIT bind; USE is what it is given.
const script = (load: string, use: string) => `from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

def encode(rows):
    return rows

model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased")
args = TrainingArguments(output_dir="out", per_device_train_batch_size=10, num_train_epochs=1)
${load}
trainer = Trainer(model=model, args=args, train_dataset=${use})
trainer.train()
`;

describe("the training part of a Dataset.train_test_split reached through later bindings", () => {
  it("a split DatasetDict mapped into another name keeps the split's training rows", async () => {
    const run = await runOf(script(`parts = load_dataset("imdb")["train"].train_test_split(test_size=0.2)
encoded = parts.map(encode, batched=True)`, `encoded["train"]`));
    assert.equal(run.samples, 20_000);
  });

  it("a name rebound to a split of itself, then mapped on itself, reads the rows it held before the split", async () => {
    const run = await runOf(script(`rows = load_dataset("imdb")
rows = rows["train"].train_test_split(test_size=0.2)
rows = rows.map(encode, batched=True)`, `rows["train"]`));
    assert.equal(run.samples, 20_000);
  });

  it("opus_books' language pairs are sized from the card: en-fr holds 127,085 pairs", async () => {
    const run = await runOf(script(`books = load_dataset("opus_books", "en-fr")
books = books["train"].train_test_split(test_size=0.2)`, `books["train"]`));
    assert.equal(run.samples, 101_668);
  });

  it("an int train_size of a set no table sizes is that many rows; a fraction of it is unknown", async () => {
    assert.equal((await runOf(script(`name = input()
parts = load_dataset(name)["train"].train_test_split(train_size=400, test_size=100)`, `parts["train"]`))).samples, 400);
    assert.equal((await runOf(script(`name = input()
parts = load_dataset(name)["train"].train_test_split(train_size=0.5)`, `parts["train"]`))).samples, undefined);
  });

  it("a batched map that splits rows between the split and the trainer leaves the rows unknown", async () => {
    const run = await runOf(script(`parts = load_dataset("imdb")["train"].train_test_split(test_size=0.2)
def chunk(rows):
    return tokenizer(rows["text"], truncation=True, return_overflowing_tokens=True)
encoded = parts.map(chunk, batched=True)`, `encoded["train"]`));
    assert.equal(run.samples, undefined);
  });
});

describe("a trainer given a name bound to a split's training part", () => {
  it("train_ds, val_ds = parts['train'], parts['test']: the split's training rows", async () => {
    assert.equal((await runOf(script(`parts = load_dataset("imdb")["train"].train_test_split(test_size=0.1, seed=42)
train_ds, val_ds = parts["train"], parts["test"]`, `train_ds`))).samples, 22_500);
  });

  it("train_ds = tokenized['train'] of a mapped split: the split's training rows, not the whole load", async () => {
    assert.equal((await runOf(script(`raw = load_dataset("imdb", split="train")
parts = raw.train_test_split(test_size=0.2, seed=0)
tokenized = parts.map(encode, batched=True, remove_columns=["text"])
train_ds = tokenized["train"]`, `train_ds`))).samples, 20_000);
  });
});
