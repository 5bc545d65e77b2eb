import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SEQ2SEQ = `import argparse
from transformers import AutoModelForSeq2SeqLM, Seq2SeqTrainer, Seq2SeqTrainingArguments

def parse_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--per_device_train_batch_size", type=int, default=12)
    args, _ = parser.parse_known_args()
    return args

def training_function(args):
    model = AutoModelForSeq2SeqLM.from_pretrained("t5-small")
    training_args = Seq2SeqTrainingArguments(
        output_dir="out",
        per_device_train_batch_size=args.per_device_train_batch_size,
        gradient_accumulation_steps=2,
        bf16=True,
        num_train_epochs=args.epochs,
    )
    trainer = Seq2SeqTrainer(model=model, args=training_args)
    trainer.train()

def main():
    args = parse_arguments()
    training_function(args)

if __name__ == "__main__":
    main()
`;

const SFT = `from datasets import load_dataset
from trl import SFTConfig, SFTTrainer

dataset = load_dataset("trl-lib/Capybara", split="train")
training_args = SFTConfig(output_dir="out", per_device_train_batch_size=4, gradient_accumulation_steps=8, max_steps=500, bf16=True)
trainer = SFTTrainer(model="Qwen/Qwen2.5-0.5B", train_dataset=dataset, args=training_args)
trainer.train()
`;

describe("Hugging Face trainer configurations", () => {
  it("reads Seq2SeqTrainingArguments as TrainingArguments: batch, epochs, accumulation and precision", async () => {
    const plan = await planOf(SEQ2SEQ);
    assert.equal(plan.batch?.value, 12);
    assert.equal(plan.epochs?.value, 5);
    assert.equal(plan.accumulation?.value, 2);
    assert.equal(plan.precision?.value, "bf16");
  });

  it("reads TRL's SFTConfig (a TrainingArguments subclass) where the file imports trl, its unset fields at TrainingArguments' defaults", async () => {
    const plan = await planOf(SFT);
    assert.deepEqual([plan.batch?.value, plan.accumulation?.value, plan.steps?.value, plan.precision?.value], [4, 8, 500, "bf16"]);
    const other = await planOf(SFT.replace("from trl import SFTConfig, SFTTrainer", "from mylib import SFTConfig, SFTTrainer"));
    assert.notEqual(other.batch?.value, 4, "a class of the same name from another library is not TRL's");
    const unwritten = await planOf(SFT.replace("per_device_train_batch_size=4, ", ""));
    // TRL 1.x's configs keep TrainingArguments' batch (trl-configs.ts).
    assert.deepEqual([unwritten.batch?.value, unwritten.batch?.source], [8, "default"]);
  });

  it("reads Accelerate's Accelerator(gradient_accumulation_steps=) as the run's accumulation", async () => {
    const plan = await planOf(`import torch
from accelerate import Accelerator

accelerator = Accelerator(gradient_accumulation_steps=4, mixed_precision="bf16")
model = torch.nn.Linear(8, 2)
optimizer = torch.optim.AdamW(model.parameters())
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(256, 8)), batch_size=16, shuffle=True)
model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
for epoch in range(2):
    for (x,) in loader:
        with accelerator.accumulate(model):
            loss = model(x).sum()
            accelerator.backward(loss)
            optimizer.step()
            optimizer.zero_grad()
`);
    assert.equal(plan.accumulation?.value, 4);
    assert.equal(plan.precision?.value, "bf16");
    assert.equal(plan.batch?.value, 16);
  });
});
