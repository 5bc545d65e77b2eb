import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own fine-tuning script: options named for epochs and batch feed a TrainingArguments that no trainer takes; the
// trainer gets a config built inline that names neither, so transformers' defaults (3 epochs of 8) are the run's.
const script = (config: string) => `import argparse
from transformers import TrainingArguments
from trl import SFTConfig, SFTTrainer

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch_size", type=int, default=2)
    args = parser.parse_args()
    rows = [{"text": "salve"}] * 96
    unused = TrainingArguments(output_dir="o", num_train_epochs=args.epochs, per_device_train_batch_size=args.batch_size)
    trainer = SFTTrainer(model="some/model", args=${config}, train_dataset=rows)
    trainer.train()

main()
`;

describe("a trainer's config that names no epochs or batch keeps the library's defaults over named options", () => {
  it("SFTConfig(output_dir=...) trains 3 epochs of 8, not the --epochs and --batch_size defaults", async () => {
    const plan = await planOf(script(`SFTConfig(output_dir="o")`));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [3, 8]);
    assert.match(plan.epochs!.detail, /default num_train_epochs=3/);
  });

  it("a keyword the config passes, or a spread mapping, still decides", async () => {
    const passed = await planOf(script(`SFTConfig(output_dir="o", num_train_epochs=args.epochs)`));
    assert.deepEqual([passed.epochs?.value, passed.batch?.value], [1, 8]);
    // `**vars(args)` may set any field: the named options stay the guess.
    const spread = await planOf(script(`SFTConfig(output_dir="o", **vars(args))`));
    assert.deepEqual([spread.epochs?.value, spread.batch?.value], [1, 2]);
  });
});
