import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Hugging Face fine-tuning script that binds the whole tokenized dataset before the part it trains on.
const SCRIPT = `from datasets import load_dataset
from transformers import Trainer, TrainingArguments

raw = load_dataset("ag_news")
tokenized = raw.map(lambda r: r, batched=True)
PART
args = TrainingArguments(output_dir="out", num_train_epochs=2, per_device_train_batch_size=10)
trainer = Trainer(model=None, args=args, TRAIN)
trainer.train()
`;

const run = async (part: string, train: string) => (await analyze(SCRIPT.replace("PART", part).replace("TRAIN", train))).training;

describe("the train_dataset a Hugging Face trainer is given", () => {
  it("is the run's samples, not another dataset the file binds", async () => {
    const training = await run(`small = tokenized["train"].shuffle(seed=0).select(range(300))`, "train_dataset=small");
    assert.equal(training?.samples?.value, 300);
    assert.equal(training?.epochs?.value, 2);
  });

  it("reads a chain written in the call", async () => {
    assert.equal((await run("", `train_dataset=tokenized["train"].select(range(450))`))?.samples?.value, 450);
    assert.equal((await run("", `train_dataset=tokenized["train"]`))?.samples?.value, 120_000);
  });
});
