import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

// A fine-tuning script of our own whose run is a JSON file of arguments named by an argparse default, parsed by
// HfArgumentParser in one function and handed to the trainer in another.
const SCRIPT = `import argparse
import os
from dataclasses import dataclass, field
from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments


@dataclass
class TaskArguments:
    task_type: str = field(default="sft")


def setup():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_args_file", type=str, default="args/sft.json")
    args = parser.parse_args()
    parser = HfArgumentParser((TaskArguments, TrainingArguments))
    task_args, training_args = parser.parse_json_file(json_file=args.train_args_file)
    if not os.path.exists(training_args.output_dir):
        os.makedirs(training_args.output_dir)
    return task_args, training_args


def build(task_args, training_args):
    model = AutoModelForCausalLM.from_pretrained("some/model")
    if task_args.task_type == "dpo":
        return Trainer(model=model, args=TrainingArguments(output_dir="dpo", num_train_epochs=9, bf16=True))
    return Trainer(model=model, args=training_args)


def main():
    task_args, training_args = setup()
    trainer = build(task_args, training_args)
    trainer.train()


if __name__ == "__main__":
    main()
`;

const ARGS = JSON.stringify({ output_dir: "out", num_train_epochs: 2, per_device_train_batch_size: 4, gradient_accumulation_steps: 16, fp16: true, learning_rate: 2e-4, task_type: "sft" });

describe("a Hugging Face trainer's args= object", () => {
  it("has the figures of the JSON file HfArgumentParser.parse_json_file read, over TrainingArguments' defaults", async () => {
    const plan = await planOf(SCRIPT, { "/project/args/sft.json": ARGS });
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.accumulation?.value, plan.precision?.value], [2, 4, 16, "fp16"]);
    assert.match(plan.epochs!.detail, /Trainer\(args=training_args\)/);
  });

  it("a file that sets few keys leaves the rest at the defaults; a branch the run does not take is not read", async () => {
    const plan = await planOf(SCRIPT, { "/project/args/sft.json": JSON.stringify({ output_dir: "out", num_train_epochs: 5 }) });
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision?.value], [5, 8, "fp32"]);
    // What the file sets is the code's; what it leaves is transformers' default, and says so.
    assert.deepEqual([plan.epochs?.source, plan.batch?.source], ["code", "default"]);
  });

  it("reads the same keys from YAML, and max_steps sets the run's length", async () => {
    const yaml = SCRIPT.replace("args/sft.json", "args/sft.yaml").replace("parse_json_file(json_file=", "parse_yaml_file(yaml_file=");
    const plan = await planOf(yaml, { "/project/args/sft.yaml": "output_dir: out\nmax_steps: 1200\nper_device_train_batch_size: 2\nbf16: true\n" });
    assert.deepEqual([plan.steps?.value, plan.batch?.value, plan.precision?.value], [1200, 2, "bf16"]);
    // max_steps overrides num_train_epochs: transformers' default 3 epochs are not the run's.
    assert.equal(plan.epochs, undefined);
  });

  it("a missing file makes up no figure from it", async () => {
    const plan = await planOf(SCRIPT);
    assert.notEqual(plan.epochs?.value, 2);
    assert.notEqual(plan.precision?.value, "fp16");
  });
});
