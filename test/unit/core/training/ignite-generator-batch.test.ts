import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Ignite's Engine.run hands each item of its data to the process function as the batch: a generator of the project's
// own makes batches of the size its call binds. The size here is a shared settings object the script scales in place.
const hyper = `import dataclasses


@dataclasses.dataclass
class Hyperparams:
    batch_size: int = 32
    replay_initial: int = 1000


PARAMS = {"pong": Hyperparams()}
`;

const script = (scale: string) => `import argparse
import torch
import torch.nn as nn
from ignite.engine import Engine
from lib import hyper


def batch_generator(buffer, initial, batch_size):
    while True:
        yield [buffer[0]] * batch_size


if __name__ == "__main__":
    params = hyper.PARAMS["pong"]
    parser = argparse.ArgumentParser()
    parser.add_argument("--envs", type=int, default=3)
    args = parser.parse_args()
    ${scale}
    net = nn.Linear(4, 2)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-4 * params.batch_size)
    warmup = [0.0] * params.replay_initial

    def process_batch(engine, batch):
        optimizer.zero_grad()
        loss = net(torch.zeros(len(batch), 4)).sum()
        loss.backward()
        optimizer.step()

    engine = Engine(process_batch)
    engine.run(batch_generator([0.0], params.replay_initial, params.batch_size))
`;

describe("training plan: an Ignite engine run over a generator of the project (training-plan.ts, evaluate-site.ts)", () => {
  it("reads the batch the generator's call binds, the settings object scaled once however often it is read", async () => {
    const plan = (await analyze(script("params.batch_size *= args.envs"), { others: { "/project/lib/__init__.py": "", "/project/lib/hyper.py": hyper } })).training ?? {};
    assert.equal(plan.batch?.value, 96);
    assert.equal(plan.epochs?.value, 1);
  });

  it("reads the generator's batch as given when nothing scales it", async () => {
    const plan = (await analyze(script("pass"), { others: { "/project/lib/__init__.py": "", "/project/lib/hyper.py": hyper } })).training ?? {};
    assert.equal(plan.batch?.value, 32);
  });
});
