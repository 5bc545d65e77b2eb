import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TrainingArguments that transformers refuses (load_best_model_at_end with unmatched save and eval strategies)
// stop the plain run before it trains (src/core/training/training-arguments-raise.ts).
const script = (options: string) => `from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

data = load_dataset("imdb")
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2)
args = TrainingArguments(
    output_dir="out",
    per_device_train_batch_size=32,
    num_train_epochs=2,
${options}
)
trainer = Trainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["test"])
trainer.train()
`;

describe("TrainingArguments transformers refuses (training-arguments-raise.ts)", () => {
  it("reads no run where load_best_model_at_end meets an eval strategy the save strategy does not match", async () => {
    const result = await analyze(script(`    eval_strategy="epoch",\n    load_best_model_at_end=True,`));
    const training = result.training ?? {};
    assert.equal(training.epochs, undefined);
    assert.equal(training.batch, undefined);
    assert.ok(result.notes.some((n) => /no training run: .*load_best_model_at_end/.test(n)), result.notes.join("\n"));
  });

  it("reads the run where the strategies match, or load_best_model_at_end is off", async () => {
    const matched = (await analyze(script(`    evaluation_strategy="epoch",\n    save_strategy="epoch",\n    load_best_model_at_end=True,`))).training ?? {};
    assert.equal(matched.batch?.value, 32);
    assert.equal(matched.epochs?.value, 2);
    const off = (await analyze(script(`    eval_strategy="epoch",`))).training ?? {};
    assert.equal(off.batch?.value, 32);
  });
});
