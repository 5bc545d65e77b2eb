import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";

// One run written three ways (scripts written for this test): 3 epochs over 1,000 rows at batch 32 (32 batches an
// epoch), an optimizer step every 4 batches. Each states the same run, so each gives 3 × 8 optimizer steps of 4
// micro-batches, and the same 96 forward-and-backward passes.
const DATA = ["import torch", "import torch.nn as nn", "from torch.utils.data import DataLoader, TensorDataset", "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(16, 2)", "    def forward(self, x):", "        return self.fc(x)", "model = Net()", "train_ds = TensorDataset(torch.randn(1000, 16), torch.randint(0, 2, (1000,)))"];

const SCRIPTS: Record<string, string[]> = {
  "a plain loop stepping at `i % 4 == 0`": [
    ...DATA,
    "train_loader = DataLoader(train_ds, batch_size=32, shuffle=True)",
    "opt = torch.optim.SGD(model.parameters(), lr=0.1)",
    "accumulation_steps = 4",
    "for epoch in range(3):",
    "    for i, (x, y) in enumerate(train_loader):",
    "        (model(x).sum() / accumulation_steps).backward()",
    "        if i % accumulation_steps == 0:",
    "            opt.step()",
    "            opt.zero_grad()",
  ],
  "Hugging Face TrainingArguments(num_train_epochs, gradient_accumulation_steps)": [
    ...DATA,
    "from transformers import Trainer, TrainingArguments",
    "args = TrainingArguments('out', num_train_epochs=3, per_device_train_batch_size=32, gradient_accumulation_steps=4)",
    "Trainer(model=model, args=args, train_dataset=train_ds).train()",
  ],
  "Lightning Trainer(max_epochs, accumulate_grad_batches)": [
    ...DATA,
    "import lightning as L",
    "train_loader = DataLoader(train_ds, batch_size=32, shuffle=True)",
    "trainer = L.Trainer(max_epochs=3, accumulate_grad_batches=4)",
    "trainer.fit(model, train_loader)",
  ],
};

describe("gradient accumulation: the same run read from a plain loop, Hugging Face's arguments and Lightning's Trainer", () => {
  for (const [name, lines] of Object.entries(SCRIPTS)) {
    it(`${name}: 24 optimizer steps of 4 micro-batches, 96 passes`, async () => {
      const result = await analyze(lines.join("\n"));
      const plan = result.training!;
      assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.accumulation?.value], [3, 32, 4]);
      const model = result.models[0];
      const run = resolveTrainingRun({ ...plan, samples: plan.samples ?? { value: 1000, source: "settings", detail: "--samples" } }, {}, (batch) => estimateModel(model, { hardware: "h100-sxm", dtype: "fp32", mode: "train", batch: batch ?? 1 })).run!;
      assert.deepEqual([run.steps, run.microBatches], [3 * 8, 3 * 32]);
    });
  }
});
