import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: a module-level class of defaults that the `__main__` guard rebinds to the parsed
// options before it runs the training function, which reads the name as a global (evaluate-site.ts,
// reboundInMainGuard).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (guard: string) => `import argparse
import torch
import torch.nn as nn


class args(object):
    num_episode = 100


def add_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--num_episode", type=int, default=700)
    return parser.parse_args()


def train():
    net = nn.Linear(4, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for episode in range(args.num_episode):
        loss = net(torch.randn(8, 4)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
${guard}
`;

describe("a module global the __main__ guard binds again before the run (reboundInMainGuard)", () => {
  it("reads the guard's binding in the function the guard then calls", async () => {
    const plan = await planOf(script("    args = add_arguments()\n    train()"));
    assert.equal(plan.steps?.value, 700);
  });

  it("keeps the module's binding where the guard runs the function before it binds the name again", async () => {
    const plan = await planOf(script("    train()\n    args = add_arguments()"));
    assert.equal(plan.steps?.value, 100);
  });

  it("keeps the module's binding where the guard does not bind the name", async () => {
    const plan = await planOf(script("    opts = add_arguments()\n    train()"));
    assert.equal(plan.steps?.value, 100);
  });
});
