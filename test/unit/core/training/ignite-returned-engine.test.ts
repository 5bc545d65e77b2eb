import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// An Ignite training engine a function of the file builds and returns (ignite-engine.ts, returnsIgniteTrainer).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (step: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from ignite.engine import Engine, Events

net = nn.Linear(5, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(torch.randn(200, 5), torch.randint(0, 2, (200,))), batch_size=20, shuffle=True)

def update(engine, batch):
    x, y = batch
    loss = nn.functional.cross_entropy(net(x), y)
    ${step}
    return loss.item()

def make_engine():
    engine = Engine(update)

    @engine.on(Events.EPOCH_COMPLETED)
    def report(e):
        print(e.state.epoch)
    return engine

if __name__ == "__main__":
    trainer = make_engine()
    trainer.run(loader, max_epochs=7)
`;

describe("an Ignite engine a function returns (src/core/training/ignite-engine.ts)", () => {
  it("`trainer = make_engine()` of a function returning `Engine(update)` whose update backpropagates runs max_epochs", async () => {
    const plan = await planOf(script("opt.zero_grad(); loss.backward(); opt.step()"));
    assert.equal(plan.epochs?.value, 7);
    assert.match(plan.epochs!.detail, /max_epochs=7/);
  });

  it("an engine whose process function never backpropagates (an evaluator) is no training run", async () => {
    const plan = await planOf(script("pass"));
    assert.notEqual(plan.epochs?.value, 7);
  });
});
