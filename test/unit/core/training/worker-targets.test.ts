import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

// Workers started on a training function (`mp.Process(target=train, args=(rank, args, shared_model))`, A3C): each
// runs `train(*args)`, so the function's loops are read with the arguments the worker is given.
describe("a training function run by worker processes (src/core/training/foreign-loops.ts)", () => {
  const WORKER = `import torch

def train(rank, args, shared_model, optimizer):
    for update in range(args.updates):
        loss = shared_model(torch.randn(args.rollout, 4)).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
  const script = (start: string) => `import argparse
import torch
import torch.nn as nn
import torch.multiprocessing as mp
from worker import train

parser = argparse.ArgumentParser()
parser.add_argument('--updates', type=int, default=700)
parser.add_argument('--rollout', type=int, default=20)
parser.add_argument('--workers', type=int, default=4)
args = parser.parse_args()

shared_model = nn.Linear(4, 2)
shared_model.share_memory()
optimizer = torch.optim.Adam(shared_model.parameters(), lr=1e-4)
processes = []
for rank in range(args.workers):
    ${start}
    p.start()
    processes.append(p)
for p in processes:
    p.join()
`;

  it("reads the target's loops with the worker's args tuple bound to its parameters", async () => {
    const plan = await planOf(script("p = mp.Process(target=train, args=(rank, args, shared_model, optimizer))"), { "/project/worker.py": WORKER });
    assert.equal(plan.steps?.value, 700);
    assert.match(plan.steps!.detail, /mp\.Process\(target=train, .* runs train in worker\.py: for update in range\(args\.updates\)/);
  });

  it("reads nothing from a worker whose args are not a tuple or list Python would unpack", async () => {
    const plan = await planOf(script("p = mp.Process(target=train, args=args)"), { "/project/worker.py": WORKER });
    assert.equal(plan.steps, undefined);
  });
});
