import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { countedSplitRows } from "../../../../src/core/training/counted-split";

// Our own fine-tuning script over a Hub dataset no table sizes, loaded as a slice of its training split.
const script = (split: string) => `from datasets import load_dataset
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("some/model")
rows = load_dataset("someone/preferences", split="${split}")
args = TrainingArguments(output_dir="out", per_device_train_batch_size=4, num_train_epochs=2)
Trainer(model=model, args=args, train_dataset=rows).train()
`;

describe("a split string that counts its rows", () => {
  it("keeps end - start rows of a dataset of unknown size", async () => {
    const plan = (await analyze(script("train[:120]"))).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.epochs?.value], [120, 4, 2]);
    assert.match(plan.samples!.detail, /train\[:120\]/);
  });

  it("a percent slice or the whole split of such a dataset stays unknown", async () => {
    for (const split of ["train[:10%]", "train"]) assert.equal((await analyze(script(split))).training?.samples, undefined, split);
  });

  it("countedSplitRows reads index bounds only", () => {
    assert.deepEqual(["train[:100]", "train[200:300]", " train[ 5 : 10 ] ", "train[:-5]", "train[10%:]", "test[:100]", "train[50:10]"].map(countedSplitRows), [100, 100, 5, undefined, undefined, undefined, undefined]);
  });

  it("a training split of another name (train_sft, train_prefs) counts its slice too; others do not", async () => {
    assert.deepEqual(["train_sft[:1000]", "train_prefs[100:400]", "test_sft[:100]", "validation[:50]"].map(countedSplitRows), [1000, 300, undefined, undefined]);
    assert.equal((await analyze(script("train_sft[:240]"))).training?.samples?.value, 240);
  });
});
