import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// fastai 1.0's DataBunch.create(train_ds, valid_ds, bs=...) builds a Learner's loaders from datasets the script made:
// its bs is the run's batch, 64 when not given (src/core/training/fastai-learner.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (bs: string) => `from fastai.basics import *
import torch

train_ds = TensorDataset(torch.randn(640, 12), torch.randint(0, 3, (640,)))
valid_ds = TensorDataset(torch.randn(64, 12), torch.randint(0, 3, (64,)))
data = DataBunch.create(train_ds, valid_ds${bs})
learn = Learner(data, nn.Sequential(nn.Linear(12, 24), nn.ReLU(), nn.Linear(24, 3)), loss_func=nn.CrossEntropyLoss())
learn.fit_one_cycle(2, 1e-2)
`;

describe("fastai 1.0 DataBunch.create", () => {
  it("gives the run its bs, or fastai's default 64", async () => {
    const given = await planOf(SCRIPT(", bs=32"));
    assert.equal(given.batch?.value, 32);
    assert.equal(given.epochs?.value, 2);
    assert.equal((await planOf(SCRIPT(""))).batch?.value, 64);
  });
});
