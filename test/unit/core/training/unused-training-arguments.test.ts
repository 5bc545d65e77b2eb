import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { boundValueRead } from "../../../../src/core/training/unused-training-arguments";

// Our own fine-tuning script over IMDb; TAIL is what it does with the TrainingArguments it builds.
const script = (tail: string) => `import torch
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
reviews = load_dataset("imdb")
training_args = TrainingArguments(output_dir="out", num_train_epochs=4, per_device_train_batch_size=32, fp16=True)
${tail}
`;

describe("TrainingArguments that nothing trains with (src/core/training/unused-training-arguments.ts)", () => {
  it("bound to a name nothing reads afterwards: no epochs, batch or precision of a run", async () => {
    const plan = (await analyze(script(`print("configured")`))).training;
    assert.equal(plan?.epochs, undefined);
    assert.equal(plan?.batch, undefined);
    assert.equal(plan?.precision, undefined);
  });

  it("given to a trainer that trains: its run, as before", async () => {
    const plan = (await analyze(script(`Trainer(model=model, args=training_args, train_dataset=reviews["train"]).train()`))).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value, plan?.precision?.value], [4, 32, "fp16"]);
  });

  it("given only to a trainer that is bound and never used (no train()): no run, max_steps included", async () => {
    const plan = (await analyze(script(`trainer = Trainer(model=model, args=training_args, train_dataset=reviews["train"])`))).training;
    assert.deepEqual([plan?.epochs, plan?.batch, plan?.precision], [undefined, undefined, undefined]);
    const capped = (await analyze(script(`capped = TrainingArguments(output_dir="out", max_steps=60, per_device_train_batch_size=2)
tuner = Trainer(model=model, args=capped, train_dataset=reviews["train"])`))).training;
    assert.deepEqual([capped?.steps, capped?.batch], [undefined, undefined]);
  });

  it("a trainer that is used afterwards, or settings read elsewhere too, keep the run", async () => {
    const used = (await analyze(script(`trainer = Trainer(model=model, args=training_args, train_dataset=reviews["train"])
trainer.train()`))).training;
    assert.deepEqual([used?.epochs?.value, used?.batch?.value, used?.precision?.value], [4, 32, "fp16"]);
    const handed = (await analyze(script(`trainer = Trainer(model=model, args=training_args, train_dataset=reviews["train"])
fine_tune(model, training_args)`))).training;
    assert.equal(handed?.epochs?.value, 4);
  });

  it("a name read later, even only in another call, counts as read; no name counts as used where made", () => {
    const text = "args = TrainingArguments(x)\nrun(model, args)\n";
    assert.equal(boundValueRead(text, ["args"], text.indexOf(")") + 1), true);
    assert.equal(boundValueRead(text, ["training_args"], text.indexOf(")") + 1), false);
    assert.equal(boundValueRead("x.args = 1\n", ["args"], 0), false);
    assert.equal(boundValueRead(text, [], 0), true);
  });
});
