import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Our own speedrun module: `main(overrides)` builds its settings, then steps a counted loop.
const trainer = `import dataclasses
import torch

@dataclasses.dataclass
class Settings:
    iterations: int = 500
    width: int = 32

def main(overrides=None):
    cfg = Settings()
    if overrides is not None:
        cfg = dataclasses.replace(cfg, **overrides)
    net = torch.nn.Linear(cfg.width, 1)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
    for it in range(cfg.iterations):
        loss = net(torch.randn(64, cfg.width)).pow(2).mean()
        loss.backward()
        opt.step()
        opt.zero_grad()
    return loss.item(), 0.0
`;

const planOf = async (driver: string): Promise<TrainingPlan> => (await analyze(driver, { others: { "/project/speed.py": trainer } })).training ?? {};

describe("a module-level call of a function the file imports by name", () => {
  it("a benchmark driver with no __main__ block trains through the imported main(), its result kept or not", async () => {
    const kept = await planOf(`from speed import main

loss, elapsed = main(overrides={"iterations": 20})
print("done", loss)
`);
    assert.equal(kept.steps?.value, 20);
    const bare = await planOf(`from speed import main as run_it
run_it()
`);
    assert.equal(bare.steps?.value, 500);
  });

  it("a call inside a loop and a try at module level (a tuning driver's trials) is read too; one inside a def is not", async () => {
    const tuned = await planOf(`import sys
from speed import main

for trial in range(3):
    try:
        loss, elapsed = main(overrides={"iterations": 40})
    except RuntimeError:
        print("failed", file=sys.stderr)
`);
    assert.equal(tuned.steps !== undefined, true);
    const uncalled = await planOf(`from speed import main

def later():
    loss, elapsed = main()
`);
    assert.equal(uncalled.steps, undefined);
  });
});
