import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A script of our own with no guard, loader or loop of its own hands a hub model and its rows to a fine-tuning
// function or method of another workspace file (NAME), whose loop backpropagates.
const TUNING = (name: string) => `import torch
from torch.utils.data import DataLoader


def ${name}(model, rows, epochs=1, batch_size=16):
    loader = DataLoader(rows, batch_size=batch_size, shuffle=True)
    opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
    for epoch in range(epochs):
        for ids, labels in loader:
            opt.zero_grad()
            model(input_ids=ids, labels=labels).loss.backward()
            opt.step()


class Tuner:
    def __init__(self, model):
        self.model = model

    def ${name}(self, rows, epochs=1, batch_size=16):
        loader = DataLoader(rows, batch_size=batch_size)
        opt = torch.optim.SGD(self.model.parameters(), lr=0.01)
        for epoch in range(epochs):
            for ids, labels in loader:
                opt.zero_grad()
                self.model(input_ids=ids, labels=labels).loss.backward()
                opt.step()
`;

const SCRIPT = (name: string, call: string) => `import torch
from torch.utils.data import TensorDataset
from transformers import AutoModelForSequenceClassification
from tuning import ${name}, Tuner

model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
rows = TensorDataset(torch.randint(0, 100, (640, 16)), torch.randint(0, 2, (640,)))
${call}
`;

const runOf = async (name: string, call: string) => {
  const plan = (await analyze(SCRIPT(name, call), { others: { "/project/tuning.py": TUNING(name) } })).training;
  return [plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value, plan ? planOptimizerSteps(plan)?.value : undefined];
};

describe("a script that fine-tunes or pre-trains through another file's function or method", () => {
  it("finetune(...), fine_tune_model(...), run_pretraining(...): the function's run with the call's arguments", async () => {
    assert.deepEqual(await runOf("finetune", "finetune(model, rows, epochs=2, batch_size=32)"), [2, 32, 640, 40]);
    assert.deepEqual(await runOf("fine_tune_model", "fine_tune_model(model, rows, epochs=2, batch_size=32)"), [2, 32, 640, 40]);
    assert.deepEqual(await runOf("run_pretraining", "run_pretraining(model, rows, epochs=3, batch_size=64)"), [3, 64, 640, 30]);
  });

  it("tuner.finetune(...): a method named for fine-tuning (as tuner.train_model(...) is)", async () => {
    assert.deepEqual(await runOf("train_model", "tuner = Tuner(model)\ntuner.train_model(rows, epochs=2, batch_size=32)"), [2, 32, 640, 40]);
    assert.deepEqual(await runOf("finetune", "tuner = Tuner(model)\ntuner.finetune(rows, epochs=2, batch_size=32)"), [2, 32, 640, 40]);
  });

  it("from_pretrained(...) alone is no training call", async () => {
    // Nor does the file train anything else: its dataset's rows are no run's samples (samples-alone.ts).
    assert.deepEqual(await runOf("finetune", "print(model)"), [undefined, undefined, undefined, undefined]);
  });
});
