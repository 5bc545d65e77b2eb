import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string, hardware?: string): Promise<TrainingPlan> => (await analyze(text, hardware ? { hardware } : {})).training ?? {};

// Our own Unsloth-style LoRA script: the loader's dtype is DTYPE, the trainer's arguments ARGS.
const loaded = (dtype: string, args = "") => `from unsloth import FastLanguageModel
from transformers import Trainer, TrainingArguments

model, tokenizer = FastLanguageModel.from_pretrained("some/model-bnb-4bit", max_seq_length=512${dtype}, load_in_4bit=True)
model = FastLanguageModel.get_peft_model(model, r=8)
Trainer(model=model, args=TrainingArguments(output_dir="out", max_steps=20${args}), train_dataset=None).train()
`;

describe("Unsloth's loaders choose the weights' dtype by the GPU (src/core/training/unsloth-load.ts)", () => {
  it("dtype=None or no dtype is bf16 on a GPU of compute capability 8 or more, fp16 below it", async () => {
    const none = await planOf(loaded(", dtype=None"));
    assert.equal(none.precision?.value, "bf16");
    assert.match(none.precision!.detail, /Unsloth loads the weights in bf16, its choice for dtype=None on this GPU/);
    assert.equal((await planOf(loaded(""))).precision?.value, "bf16");
    assert.equal((await planOf(loaded(", dtype=None"), "t4")).precision?.value, "fp16");
    assert.equal((await planOf(loaded(""), "v100")).precision?.value, "fp16");
  });

  it("a written dtype stands, bf16 becoming fp16 on a GPU without it; float32 leaves the run fp32", async () => {
    const half = `import torch\n${loaded(", dtype=torch.float16")}`;
    assert.equal((await planOf(half)).precision?.value, "fp16");
    const brain = `import torch\n${loaded(", dtype=torch.bfloat16")}`;
    assert.equal((await planOf(brain)).precision?.value, "bf16");
    assert.equal((await planOf(brain, "t4")).precision?.value, "fp16");
    assert.equal((await planOf(`import torch\n${loaded(", dtype=torch.float32")}`)).precision, undefined);
  });

  it("the trainer's own mixed precision still wins over the weights' dtype", async () => {
    assert.equal((await planOf(loaded(", dtype=None", ", fp16=True"))).precision?.value, "fp16");
  });

  it("a from_pretrained of another library's Fast class is not Unsloth's", async () => {
    const other = loaded(", dtype=None").replace("from unsloth import FastLanguageModel", "from mylib import FastLanguageModel");
    assert.equal((await planOf(other)).precision, undefined);
  });
});

describe("unsloth.is_bfloat16_supported (src/core/interp/unsloth-package.ts)", () => {
  const flags = `from unsloth import is_bfloat16_supported
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("some/model")
args = TrainingArguments(output_dir="out", max_steps=20, fp16=not is_bfloat16_supported(), bf16=is_bfloat16_supported())
Trainer(model=model, args=args, train_dataset=None).train()
`;

  it("answers from the target GPU's compute capability, so the trainer's bf16 or fp16 flag is set", async () => {
    assert.equal((await planOf(flags)).precision?.value, "bf16");
    assert.equal((await planOf(flags, "t4")).precision?.value, "fp16");
  });
});
