import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A global bound to None at the top of the module as a placeholder and rebound in the `__main__` guard before the run
// (src/core/training/evaluate-site.ts): the training function reads the guard's binding, as Python runs it.
const SCRIPT = (top: string) => `import argparse
import torch
from torch import nn

${top}

def main():
    model = nn.Linear(10, 2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    phases = [int(n) for n in OPTS.phase_steps.split(",")]
    for step in range(sum(phases)):
        x = torch.randn(OPTS.batch, 10)
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--phase_steps", type=str, default="700,300")
    parser.add_argument("--batch", type=int, default=24)
    OPTS, unparsed = parser.parse_known_args()
    main()
`;

describe("a global the module binds to None and the __main__ guard rebinds (evaluate-site.ts)", function () {
  this.timeout(20_000);
  it("reads the steps the guard's options give", async () => {
    const plan = (await analyze(SCRIPT("OPTS = None"))).training ?? {};
    assert.equal(plan.steps?.value, 1000);
  });

  it("a global the module binds to a value of its own keeps that value", async () => {
    const plan = (await analyze(SCRIPT("OPTS = argparse.Namespace(phase_steps=\"50,50\", batch=8)").replace("    OPTS, unparsed = parser.parse_known_args()\n", ""))).training ?? {};
    assert.equal(plan.steps?.value, 100);
  });
});
