import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Our own helper module: builds a TRL config from the caller's namespace and returns the trainer, untrained.
const helper = `from trl import SFTConfig, SFTTrainer

def make_trainer(model, rows, opts):
    config = SFTConfig(
        output_dir="out",
        num_train_epochs=opts.epochs,
        per_device_train_batch_size=opts.micro_batch,
        gradient_accumulation_steps=4,
    )
    trainer = SFTTrainer(model=model, args=config, train_dataset=rows)
    return trainer
`;

const script = (tail: string) => `import argparse
from helpers import make_trainer

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--micro_batch", type=int, default=3)
    opts = p.parse_args()
    rows = [{"text": "ave"}] * 120
    tuner = make_trainer("some/model", rows, opts)
${tail}

main()
`;

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text, { others: { "/project/helpers.py": helper } })).training ?? {};

describe("a library trainer another file's function builds and returns, trained by the caller", () => {
  it("trainer = make_trainer(..., opts); trainer.train(): the config there, with the caller's options", async () => {
    const plan = await planOf(script("    tuner.train()"));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.accumulation?.value], [2, 3, 4]);
    assert.match(plan.batch!.detail, /make_trainer/);
  });

  it("a returned trainer nobody trains configures no run", async () => {
    const plan = await planOf(script("    print(tuner)"));
    assert.equal(plan.accumulation, undefined);
  });
});
