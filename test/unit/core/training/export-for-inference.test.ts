import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A script that loads a trained learner's weights and exports it for inference (fastai's Learner.export) trains
// nothing: its data loaders' batch is no run (INFERENCE_WORDS in src/core/training/inference-only.ts). Scripts
// written for this test.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (then: string) => `from pathlib import Path
from fastai.vision import *
from fastai.metrics import accuracy

folder = Path("leaves")
bunch = ImageDataBunch.from_folder(folder, ds_tfms=get_transforms(), size=48)
leaf = cnn_learner(bunch, models.resnet18, metrics=accuracy)
${then}
`;

describe("a learner exported for inference (src/core/training/inference-only.ts)", () => {
  it("loaded and exported, never fit: no run", async () => {
    const plan = await planOf(script(`leaf.load("stage-2")\nleaf.export("leaves.pkl")`));
    assert.equal(plan.batch, undefined);
    assert.equal(plan.epochs, undefined);
  });

  it("fit before the export: the run stays", async () => {
    const plan = await planOf(script(`leaf.fit_one_cycle(3)\nleaf.export("leaves.pkl")`));
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 64);
  });
});
