import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { runsLibraryTrainer } from "../../../../src/core/training/library-trainer-runs";
import type { FunctionDefinition } from "../../../../src/core/python/ast";
import { lowerModule } from "../../../../src/core/python/lower";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: a script hands its model and data module to a function of another workspace file
// (a package's `__init__` re-exporting it under another name) that builds a Lightning Trainer from the keywords it
// forwards (`pl.Trainer(**kwargs)`) and fits (src/core/training/library-trainer-runs.ts, foreign-loops.ts; the
// `**kwargs` binding: call-site-bindings.ts).
const DATA = `import torch
import pytorch_lightning as pl
from torch.utils.data import DataLoader, TensorDataset, RandomSampler


class NoiseData(pl.LightningDataModule):
    def __init__(self, width, batch_size=32, rows=500):
        super().__init__()
        self.width = width
        self.batch_size = batch_size
        self.rows = rows

    def setup(self, stage=None):
        self.table = TensorDataset(torch.randn(self.rows, self.width))

    def train_dataloader(self):
        return DataLoader(self.table, batch_size=self.batch_size, sampler=RandomSampler(self.table))
`;

const MODEL = `import torch
import pytorch_lightning as pl


class Regressor(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.head = torch.nn.Linear(12, 1)

    def training_step(self, batch, index):
        return self.head(batch[0]).pow(2).mean()

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
`;

const RUNNER = (body: string) => `import pytorch_lightning as pl


def fit_model(model, data, seed=7, **kwargs):
    pl.seed_everything(seed)
${body}
`;

const FIT = `    runner = pl.Trainer(enable_progress_bar=False, **kwargs)
    runner.fit(model, data)`;

const SCRIPT = `from model import Regressor
from data import NoiseData
from engine import go

if __name__ == "__main__":
    net = Regressor()
    rows = NoiseData(12, batch_size=8, rows=1200)
    go(net, rows, precision=16, max_epochs=3)
`;

const others = (runner: string) => ({
  "/project/model.py": MODEL,
  "/project/data.py": DATA,
  "/project/engine/__init__.py": "from .run import fit_model as go\n",
  "/project/engine/run.py": runner,
});

const planOf = async (text: string, files: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others: files })).training ?? {};

describe("a library trainer built and run in another file's function (src/core/training/library-trainer-runs.ts)", () => {
  it("reads the run of a Lightning Trainer another file builds from forwarded keywords and fits on the data module passed", async () => {
    const plan = await planOf(SCRIPT, others(RUNNER(FIT)));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value, planOptimizerSteps(plan)?.value, plan.precision?.value], [3, 8, 1200, 450, "fp16"]);
    assert.match(plan.epochs?.detail ?? "", /runs fit_model in engine\/run\.py/);
  });

  it("reads `Trainer(...).fit(...)` on the constructor call itself", async () => {
    const plan = await planOf(SCRIPT, others(RUNNER("    pl.Trainer(**kwargs).fit(model, data)")));
    assert.deepEqual([plan.epochs?.value, planOptimizerSteps(plan)?.value], [3, 450]);
  });

  it("reads no run from a function whose Trainer only validates", async () => {
    const plan = await planOf(SCRIPT, others(RUNNER("    pl.Trainer(**kwargs).validate(model, data)")));
    assert.equal(plan.epochs, undefined);
    assert.equal(planOptimizerSteps(plan), undefined);
  });

  it("reads a Hugging Face Trainer that another file's function builds and trains", async () => {
    const engine = `from transformers import Trainer, TrainingArguments


def train_classifier(model, rows, epochs=1, **kwargs):
    arguments = TrainingArguments(output_dir="out", num_train_epochs=epochs, **kwargs)
    Trainer(model=model, args=arguments, train_dataset=rows).train()
`;
    const script = `import torch
from torch.utils.data import TensorDataset
from transformers import AutoModelForSequenceClassification
from hf_engine import train_classifier

model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
rows = TensorDataset(torch.randint(0, 100, (640, 16)), torch.randint(0, 2, (640,)))
train_classifier(model, rows, epochs=2, per_device_train_batch_size=32, bf16=True)
`;
    const plan = await planOf(script, { "/project/hf_engine.py": engine });
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value, planOptimizerSteps(plan)?.value, plan.precision?.value], [2, 32, 640, 40, "bf16"]);
  });

  it("tells a trainer's run from other calls by the name the trainer is bound to, and whose trainer it is by the imports", async () => {
    const parser = await testParser();
    const runs = (imports: string, body: string) => {
      const text = `${imports}\n\ndef f(m, d):\n${body}\n`;
      const definition = lowerModule(parser.parse(text)).body.find((s) => s.type === "function") as FunctionDefinition;
      return runsLibraryTrainer(definition, text);
    };
    assert.equal(runs("import pytorch_lightning as pl", "    t = pl.Trainer(max_epochs=2)\n    t.fit(m, d)"), true);
    assert.equal(runs("from transformers import (\n    Trainer,\n    TrainingArguments,\n)", "    Trainer(model=m, train_dataset=d).train()"), true);
    assert.equal(runs("import pytorch_lightning as pl", "    t = pl.Trainer(max_epochs=2)\n    m.fit(d)"), false);
    assert.equal(runs("import pytorch_lightning as pl", "    t = build(m)\n    t.train()"), false);
    // ColossalAI's legacy Trainer takes fit(train_dataloader, epochs=...): not Lightning's, though the file imports Lightning.
    assert.equal(runs("import pytorch_lightning as pl\nfrom colossalai.trainer import Trainer", "    t = Trainer(engine=m)\n    t.fit(d, epochs=1)"), false);
  });
});

describe("a `**kwargs` parameter takes the call's other keywords (src/core/training/call-site-bindings.ts)", () => {
  it("passes a same-file function's forwarded keywords to the Trainer it builds", async () => {
    const script = `import pytorch_lightning as pl
from model import Regressor
from data import NoiseData


def fit_model(model, data, **kwargs):
    runner = pl.Trainer(**kwargs)
    runner.fit(model, data)


if __name__ == "__main__":
    fit_model(Regressor(), NoiseData(12, batch_size=8, rows=1200), precision="bf16-mixed", max_epochs=5)
`;
    const plan = await planOf(script, { "/project/model.py": MODEL, "/project/data.py": DATA });
    assert.deepEqual([plan.epochs?.value, planOptimizerSteps(plan)?.value, plan.precision?.value], [5, 750, "bf16"]);
  });
});
