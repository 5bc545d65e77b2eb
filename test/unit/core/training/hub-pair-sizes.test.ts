// Training-split sizes of Hugging Face hub sets read by configuration: swag ("regular", its default), wmt16's
// ro-en pair and dair-ai/emotion ("split", its default) (text-dataset-sizes.ts, from the sets' cards).
import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const LOADED = (load: string) => `from datasets import load_dataset
from transformers import AutoModelForSeq2SeqLM, Seq2SeqTrainer, Seq2SeqTrainingArguments

pairs = ${load}
net = AutoModelForSeq2SeqLM.from_pretrained("t5-small")
args = Seq2SeqTrainingArguments("out", per_device_train_batch_size=32, num_train_epochs=1)
trainer = Seq2SeqTrainer(net, args, train_dataset=pairs["train"])
trainer.train()
`;

describe("hub sets read by configuration", () => {
  it("reads wmt16 ro-en's 610,320 training pairs", async () => {
    assert.equal((await analyze(LOADED('load_dataset("wmt16", "ro-en")'))).training?.samples?.value, 610_320);
  });

  it("reads swag's 73,546 training examples, by its default configuration or by name", async () => {
    assert.equal((await analyze(LOADED('load_dataset("swag")'))).training?.samples?.value, 73_546);
    assert.equal((await analyze(LOADED('load_dataset("swag", "regular")'))).training?.samples?.value, 73_546);
  });

  it("reads dair-ai/emotion's 16,000 training texts by its default configuration or by name ('split'), none for 'unsplit'", async () => {
    assert.equal((await analyze(LOADED('load_dataset("dair-ai/emotion")'))).training?.samples?.value, 16_000);
    assert.equal((await analyze(LOADED('load_dataset("dair-ai/emotion", "split")'))).training?.samples?.value, 16_000);
    assert.equal((await analyze(LOADED('load_dataset("emotion", name="split")'))).training?.samples?.value, 16_000);
    assert.equal((await analyze(LOADED('load_dataset("dair-ai/emotion", "unsplit")'))).training?.samples, undefined);
  });

  it("reads no size for a pair the table does not hold", async () => {
    assert.equal((await analyze(LOADED('load_dataset("wmt16", "fi-en")'))).training?.samples, undefined);
  });
});
