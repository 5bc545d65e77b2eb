import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Hub sets sized from their cards (src/core/training/text-dataset-sizes.ts). Our own fixture.
describe("hub sets by their id and configuration", () => {
  it("race, all: 87,866 training questions; high: 62,445", async () => {
    const plan = async (config: string) => (await analyze(`from datasets import load_dataset
from transformers import AutoModelForMultipleChoice, Trainer, TrainingArguments

rows = load_dataset("race", "${config}")
model = AutoModelForMultipleChoice.from_pretrained("some/model")
trainer = Trainer(model, TrainingArguments("out", per_device_train_batch_size=32), train_dataset=rows["train"])
trainer.train()
`)).training;
    assert.equal((await plan("all"))?.samples?.value, 87_866);
    assert.equal((await plan("high"))?.samples?.value, 62_445);
  });
});

describe("TRL's preference sets by their hub id", () => {
  it("trl-lib/hh-rlhf-helpful-base: 43,835 training pairs, 3 epochs of 8 a DPOConfig keeps", async () => {
    const plan = (await analyze(`from datasets import load_dataset
from trl import DPOConfig, DPOTrainer

pairs = load_dataset("trl-lib/hh-rlhf-helpful-base", split="train")
trainer = DPOTrainer(model="some/model", args=DPOConfig(output_dir="out"), train_dataset=pairs)
trainer.train()
`)).training;
    assert.equal(plan?.samples?.value, 43_835);
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value], [3, 8]);
  });
});
