import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own fine-tune whose trainer is given a name bound to the training part of a split; SPLIT binds `parts`.
const script = (load: string, split: string) => `from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased")
args = TrainingArguments(output_dir="out", per_device_train_batch_size=4, num_train_epochs=1)
full = ${load}
parts = ${split}
train_rows = parts["train"]
Trainer(model=model, args=args, train_dataset=train_rows).train()
`;

const plan = async (text: string, others?: Record<string, string>) => (await analyze(text, others ? { others } : {})).training;
const records = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ text: `row ${i}` })));

describe("a trainer given a name bound to a split's part that only running the code sizes (src/core/training/hub-dataset-parts.ts unsizedAliasedPart)", () => {
  it("the training part of a split of a filtered set is unknown, not the whole load's rows", async () => {
    const run = await plan(script(`load_dataset("imdb")`, `full["train"].filter(lambda r: len(r["text"]) < 2000).train_test_split(test_size=0.1)`));
    assert.equal(run?.samples, undefined);
    assert.ok(run?.notes?.some((n) => /train_rows\) trains on parts\["train"\]/.test(n)));
  });

  it("a split that leaves no training rows raises: unknown, not the file's one record", async () => {
    const run = await plan(script(`load_dataset("json", data_files="data.json")`, `full["train"].train_test_split(test_size=0.01)`), { "/project/data.json": records(1) });
    assert.equal(run?.samples, undefined);
  });

  it("a split of known rows still gives its training part through the name", async () => {
    assert.equal((await plan(script(`load_dataset("json", data_files="data.json")`, `full["train"].train_test_split(test_size=0.01)`), { "/project/data.json": records(200) }))?.samples?.value, 198);
    assert.equal((await plan(script(`load_dataset("imdb")`, `full["train"].train_test_split(test_size=0.1)`)))?.samples?.value, 22_500);
  });
});
