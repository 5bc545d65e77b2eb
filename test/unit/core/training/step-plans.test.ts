import * as assert from "assert";
import { analyze } from "../../helpers/analyze";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";
import { estimateModel } from "../../../../src/core/energy";

const MODEL = ["import torch", "import torch.nn as nn", "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(64, 10)", "    def forward(self, x):", "        return self.fc(x)", ""];

async function planOf(lines: string[]) {
  const result = await analyze([...MODEL, ...lines].join("\n"));
  return { plan: result.training ?? {}, model: result.models.find((m) => m.name === "Net")! };
}

describe("step-based training plans: steps, accumulation and precision from the code", () => {
  it("a step loop inside an epoch loop runs epochs × steps; autocast's dtype is the step's precision", async () => {
    const { plan } = await planOf([
      "def train(model, epochs=5):",
      "    opt = torch.optim.SGD(model.parameters(), lr=0.1)",
      "    for epoch in range(epochs):",
      "        for step in range(100):",
      "            with torch.autocast('cuda', dtype=torch.bfloat16):",
      "                loss = model(torch.randn(128, 64)).sum()",
      "            loss.backward()",
      "            opt.step()",
    ]);
    assert.strictEqual(plan.steps?.value, 500);
    assert.strictEqual(plan.precision?.value, "bf16");
  });

  it("a loop over a loader of unknown length that steps every A batches accumulates A (Fabric style)", async () => {
    const { plan } = await planOf([
      "def train(num_epochs, model, optimizer, train_loader, fabric, accumulation_steps):",
      "    for epoch in range(num_epochs):",
      "        for batch_idx, (features, targets) in enumerate(train_loader):",
      "            loss = model(features).sum() / accumulation_steps",
      "            fabric.backward(loss)",
      "            if batch_idx % accumulation_steps == 0:",
      "                optimizer.step()",
      "                optimizer.zero_grad()",
      "if __name__ == '__main__':",
      "    model = Net()",
      "    optimizer = torch.optim.Adam(model.parameters())",
      "    train(num_epochs=1, model=model, optimizer=optimizer, train_loader=make_loader(), fabric=None, accumulation_steps=3)",
    ]);
    assert.strictEqual(plan.accumulation?.value, 3);
    assert.strictEqual(plan.steps, undefined, "no step count without the loader's length");
  });

  it("max_iters and gradient_accumulation_steps set a nanoGPT-style run; a resolved run counts optimizer steps, its energy every micro-batch", async () => {
    const { plan, model } = await planOf([
      "max_iters = 2000",
      "gradient_accumulation_steps = 8",
      "batch_size = 16",
      "model = Net()",
      "iter_num = 0",
      "while iter_num < max_iters:",
      "    for micro_step in range(gradient_accumulation_steps):",
      "        model(torch.randn(batch_size, 64)).sum().backward()",
      "    iter_num += 1",
    ]);
    assert.strictEqual(plan.steps?.value, 2000);
    assert.strictEqual(plan.accumulation?.value, 8);
    assert.strictEqual(plan.batch?.value, 16);
    const run = resolveTrainingRun(plan, {}, (batch) => estimateModel(model, { hardware: "h100-sxm", dtype: "fp32", mode: "train", batch: batch ?? 1 }));
    assert.strictEqual(run.run?.steps, 2000);
    assert.strictEqual(run.run?.microBatches, 16_000);
    assert.strictEqual(run.batch.value, 16);
    assert.deepStrictEqual(run.notes.filter((n) => n.startsWith("the code")), [], "no epochs or samples asked for");
    // --epochs given by the user wins over the code's steps: 10 micro-batches an epoch, ⌈10 / 8⌉ optimizer steps.
    const byEpochs = resolveTrainingRun(plan, { epochs: 2, samples: 160 }, (batch) => estimateModel(model, { hardware: "h100-sxm", dtype: "fp32", mode: "train", batch: batch ?? 1 })).run;
    assert.deepStrictEqual([byEpochs?.steps, byEpochs?.microBatches], [4, 20]);
  });

  it("Hugging Face max_steps and an argparse --max-steps default; .half() is fp16", async () => {
    const hf = await planOf(["from transformers import TrainingArguments", "args = TrainingArguments('out', max_steps=300, per_device_train_batch_size=4)"]);
    assert.strictEqual(hf.plan.steps?.value, 300);
    // max_steps overrides num_train_epochs (TrainingArguments docs): not transformers' default 3 epochs, nor the given 5.
    assert.strictEqual(hf.plan.epochs, undefined);
    const given = await planOf(["from transformers import TrainingArguments", "args = TrainingArguments('out', max_steps=300, num_train_epochs=5)"]);
    assert.strictEqual(given.plan.epochs, undefined);
    assert.strictEqual(given.plan.steps?.value, 300);
    const argparse = await planOf([
      "import argparse",
      "parser = argparse.ArgumentParser()",
      "parser.add_argument('--max-steps', type=int, default=750)",
      "args = parser.parse_args()",
      "def main():",
      "    model = Net().half()",
      "    for step in range(args.max_steps):",
      "        model(torch.randn(2, 64)).sum().backward()",
    ]);
    assert.strictEqual(argparse.plan.steps?.value, 750);
    assert.strictEqual(argparse.plan.precision?.value, "fp16");
  });
});
