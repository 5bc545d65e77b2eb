import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

// A LoRA fine-tuning script of our own: a TrainingArguments subclass parsed by HfArgumentParser, a compute dtype
// chosen from its fp16/bf16 switches, and norm layers cast to it only under a flag that defaults to False.
const LORA = `from dataclasses import dataclass, field
import torch
import transformers
from transformers import Trainer


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="some/model")


@dataclass
class TrainingArguments(transformers.TrainingArguments):
    model_max_length: int = field(default=512)
    use_flash: bool = False


def train():
    parser = transformers.HfArgumentParser((ModelArguments, TrainingArguments))
    model_args, training_args = parser.parse_args_into_dataclasses()
    compute_dtype = torch.float16 if training_args.fp16 else (torch.bfloat16 if training_args.bf16 else torch.float32)
    model = transformers.AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path)
    if training_args.use_flash:
        for name, module in model.named_modules():
            if "norm" in name:
                module = module.to(compute_dtype)
    trainer = Trainer(model=model, args=training_args)
    trainer.train()


if __name__ == "__main__":
    train()
`;

describe("transformers' argument dataclasses (built-in stand-in)", () => {
  it("builds HfArgumentParser's dataclasses with their defaults: fp16 and bf16 off, so no cast to fp16 is the run's", async () => {
    const plan = await planOf(LORA);
    assert.equal(plan.precision, undefined, JSON.stringify(plan.precision));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [3, 8]);
  });

  it("a subclass's own default still switches the cast on", async () => {
    const plan = await planOf(LORA.replace("use_flash: bool = False", "use_flash: bool = True").replace("model_max_length: int = field(default=512)", "fp16: bool = True"));
    assert.equal(plan.precision?.value, "fp16");
  });

  it("an installed transformers wins over the stand-in", async () => {
    // A workspace copy (first on the import path) whose TrainingArguments turns fp16 on by default.
    const plan = await planOf(LORA.replace("use_flash: bool = False", "use_flash: bool = True"), {
      "/project/transformers/__init__.py": "import dataclasses\nfrom transformers.parser import HfArgumentParser\n\n@dataclasses.dataclass\nclass TrainingArguments:\n    fp16: bool = True\n    bf16: bool = False\n",
      "/project/transformers/parser.py": "class HfArgumentParser:\n    def __init__(self, types):\n        self.types = types\n    def parse_args_into_dataclasses(self):\n        return tuple(t() for t in self.types)\n",
    });
    assert.equal(plan.precision?.value, "fp16");
  });
});
