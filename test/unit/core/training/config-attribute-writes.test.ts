import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own preference-tuning script: a TRL config built with few keywords, then changed field by field before the
// trainer takes it.
const dpo = (writes: string) => `from transformers import AutoModelForCausalLM
from trl import DPOConfig, DPOTrainer

def main():
    model = AutoModelForCausalLM.from_pretrained("some/model")
    pairs = load_pairs()
    config = DPOConfig(output_dir="out", num_train_epochs=2)
${writes}
    trainer = DPOTrainer(model=model, args=config, train_dataset=pairs)
    trainer.train()

main()
`;

describe("fields written on a TRL config before its trainer takes it", () => {
  it("setattr(config, name, value) and config.name = value are the run's, over the call's keywords and defaults", async () => {
    const plan = await planOf(dpo(`    setattr(config, "per_device_train_batch_size", 4)
    config.num_train_epochs = 5
    setattr(config, "gradient_accumulation_steps", 2)
    setattr(config, "fp16", True)`));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.accumulation?.value], [5, 4, 2]);
    assert.match(plan.batch!.detail, /config\.per_device_train_batch_size = 4/);
    // fp16 set: TRL's bf16 default is off.
    assert.notEqual(plan.precision?.value, "bf16");
  });

  it("a write after the trainer takes the object, or under an if, is not read", async () => {
    const after = await planOf(`from trl import SFTConfig, SFTTrainer
config = SFTConfig(output_dir="out", per_device_train_batch_size=16)
trainer = SFTTrainer(model="some/model", args=config, train_dataset=rows)
config.per_device_train_batch_size = 2
trainer.train()
`);
    assert.equal(after.batch?.value, 16);
    const branched = await planOf(dpo(`    if len(pairs) > 100:
        setattr(config, "num_train_epochs", 9)`));
    assert.equal(branched.epochs?.value, 2);
  });
});
