import { strict as assert } from "node:assert";
import { analyze } from "../../../helpers/analyze";
import type { TrainingPlan } from "../../../../../src/core/training/training-plan";

// pydantic models as run configs: annotated fields set from keywords with the class's defaults, `.dict()` /
// `.model_dump()` handing them on (src/core/interp/stdlib/pydantic.ts). Scripts written for this test.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (dump: string) => `from typing import Optional
import torch
from torch import nn
from pydantic import BaseModel, Field


class LoopSettings(BaseModel):
    rounds: int
    seed: int = 0


class LoaderSettings(BaseModel):
    bs: Optional[int] = 32
    shuffle: bool = Field(True)


class WideLoaderSettings(LoaderSettings):
    width: int = 4


def run(rounds, seed):
    loop = LoopSettings(rounds=rounds, seed=seed)
    loader_settings = WideLoaderSettings(**{"bs": 20})
    rows = torch.utils.data.TensorDataset(torch.randn(400, 4), torch.randn(400, 1))
    loader = torch.utils.data.DataLoader(rows, batch_size=loader_settings.${dump}["bs"], shuffle=loader_settings.shuffle)
    net = nn.Linear(4, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    for epoch in range(loop.rounds):
        for xb, yb in loader:
            loss = nn.functional.mse_loss(net(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()


run(**LoopSettings(rounds=6).${dump})
`;

describe("pydantic models as run configs (src/core/interp/stdlib/pydantic.ts)", () => {
  it("fields from keywords and defaults, through a subclass, handed on by dict()", async () => {
    const plan = await planOf(script("dict()"));
    assert.equal(plan.epochs?.value, 6);
    assert.equal(plan.batch?.value, 20);
    assert.equal(plan.samples?.value, 400);
  });

  it("model_dump() (pydantic 2) does the same", async () => {
    const plan = await planOf(script("model_dump()"));
    assert.equal(plan.epochs?.value, 6);
    assert.equal(plan.batch?.value, 20);
  });
});
