import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { runsLibraryTrainer } from "../../../../src/core/training/library-trainer-runs";
import type { FunctionDefinition } from "../../../../src/core/python/ast";
import { lowerModule } from "../../../../src/core/python/lower";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: a script loads a YAML config and hands it to a function of another workspace file
// that builds sentence-transformers' trainer from the config's arguments and trains (library-trainer-runs.ts: its
// trainer subclasses transformers' Trainer; foreign-loops.ts reads the function as the run).
const FINETUNE = `from datasets import Dataset
from sentence_transformers import (
    SentenceTransformer,
    SentenceTransformerTrainer,
    SentenceTransformerTrainingArguments,
)
from sentence_transformers.losses import MultipleNegativesRankingLoss


def finetune(settings):
    pairs = Dataset.from_dict({"anchor": ["a", "b"], "positive": ["c", "d"]})
    encoder = SentenceTransformer(settings["base"])
    trainer = SentenceTransformerTrainer(
        model=encoder,
        args=SentenceTransformerTrainingArguments(**settings["arguments"]),
        train_dataset=pairs,
        loss=MultipleNegativesRankingLoss(encoder),
    )
    trainer.train()
    return encoder
`;

const SETTINGS = `base: some/encoder
arguments:
  output_dir: runs
  num_train_epochs: 6
  per_device_train_batch_size: 48
  fp16: true
`;

const SCRIPT = `import yaml
from tuning.run import finetune

with open("settings.yaml") as handle:
    settings = yaml.safe_load(handle)
finetune(settings)
`;

const planOf = async (text: string, files: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others: files })).training ?? {};

describe("a sentence-transformers trainer another file's function builds and runs", () => {
  it("the script trains through it, with the arguments its config gives", async () => {
    const plan = await planOf(SCRIPT, { "/project/tuning/__init__.py": "", "/project/tuning/run.py": FINETUNE, "/project/settings.yaml": SETTINGS });
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision?.value], [6, 48, "fp16"]);
  });

  it("runsLibraryTrainer takes sentence-transformers' trainer for a library trainer, not another library's", async () => {
    const parser = await testParser();
    const read = (text: string): FunctionDefinition => lowerModule(parser.parse(text)).body.find((s) => s.type === "function") as FunctionDefinition;
    assert.equal(runsLibraryTrainer(read(FINETUNE), FINETUNE), true);
    const other = FINETUNE.replace(/from sentence_transformers import \([^)]*\)/, "from colossalai.trainer import SentenceTransformerTrainer, SentenceTransformerTrainingArguments\nfrom sentence_transformers import SentenceTransformer");
    assert.equal(runsLibraryTrainer(read(other), other), false);
  });
});
