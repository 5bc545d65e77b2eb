import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TRL's preference sets on the hub, sized from their cards (src/core/training/text-dataset-sizes.ts). Our own fixture.
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
