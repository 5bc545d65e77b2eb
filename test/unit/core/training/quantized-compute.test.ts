import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own QLoRA-style script: 4-bit weights with a compute dtype, LoRA adapters, and a trainer whose own precision
// switch is ARGS' to set.
const script = (quantization: string, args = "") => `import torch
from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer, TrainingArguments
from peft import LoraConfig, get_peft_model

compute = "bfloat16"
quantized = BitsAndBytesConfig(${quantization})
model = AutoModelForCausalLM.from_pretrained("some/model", quantization_config=quantized)
model = get_peft_model(model, LoraConfig(r=8))
args = TrainingArguments(output_dir="out", max_steps=50${args})
Trainer(model=model, args=args, train_dataset=None).train()
`;

describe("4-bit weights' compute dtype", () => {
  it("a model loaded in 4 bits multiplies in bnb_4bit_compute_dtype (a torch dtype or its name)", async () => {
    assert.equal((await planOf(script(`load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16`))).precision?.value, "bf16");
    const named = await planOf(script(`load_in_4bit=True, bnb_4bit_compute_dtype=getattr(torch, "float16")`));
    assert.equal(named.precision?.value, "fp16");
    assert.match(named.precision!.detail, /quantization_config=quantized/);
    assert.equal((await planOf(script(`load_in_4bit=True, bnb_4bit_compute_dtype=compute`))).precision?.value, "bf16");
  });

  it("without a compute dtype (float32 by default), or with 8-bit weights, the run stays fp32", async () => {
    assert.equal((await planOf(script(`load_in_4bit=True`))).precision, undefined);
    assert.equal((await planOf(script(`load_in_8bit=True, bnb_4bit_compute_dtype=torch.bfloat16`))).precision, undefined);
  });

  it("the trainer's own mixed precision casts the matmuls again and wins", async () => {
    assert.equal((await planOf(script(`load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16`, ", fp16=True"))).precision?.value, "fp16");
  });
});

describe("weights loaded in a 16-bit dtype under a trainer's mixed precision", () => {
  const loaded = (dtype: string, args: string) => `import torch
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("some/model", torch_dtype=${dtype})
args = TrainingArguments(output_dir="out", max_steps=50${args})
Trainer(model=model, args=args, train_dataset=None).train()
`;

  it("the trainer's autocast decides the matmuls' dtype; the weights' dtype stands alone otherwise", async () => {
    assert.equal((await planOf(loaded("torch.float16", ", bf16=True"))).precision?.value, "bf16");
    const alone = await planOf(loaded("torch.float16", ""));
    assert.deepEqual([alone.precision?.value, alone.precision?.detail], ["fp16", "AutoModelForCausalLM.from_pretrained(torch.float16)"]);
  });
});
