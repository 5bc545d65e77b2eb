import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `torch.multiprocessing.spawn(fn, args=(...))` of a function another file defines runs `fn(0, *args)` in the first
// process: its loops are the run's, its parameters bound after the process index (src/core/training/foreign-loops.ts,
// call-site-bindings.ts `spawnedProcessCall`). Files written for this test.
const engine = `import torch
from torch.utils.data import DataLoader, TensorDataset


def run_worker(rank, world_size, epochs, batch_size):
    net = torch.nn.Linear(5, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    rows = TensorDataset(torch.randn(320, 5), torch.randn(320, 1))
    loader = DataLoader(rows, batch_size=batch_size, drop_last=True)
    for epoch in range(epochs):
        for x, y in loader:
            opt.zero_grad()
            loss = ((net(x) - y) ** 2).mean()
            loss.backward()
            opt.step()
`;
const script = (start: string) => `import torch.multiprocessing as mp
from engine import run_worker


def main():
    rounds = 3
    size = 16
    ${start}


if __name__ == "__main__":
    main()
`;
const planOf = async (start: string) => (await analyze(script(start), { others: { "/project/engine.py": engine } })).training;

describe("a spawned worker function of another file", () => {
  it("runs its loops with the spawn's arguments after the process index", async () => {
    const training = await planOf("mp.spawn(run_worker, args=(1, rounds, size), nprocs=1, join=True)");
    assert.equal(training?.epochs?.value, 3);
    assert.equal(training?.batch?.value, 16);
    assert.equal(training?.samples?.value, 320);
  });

  it("reads start_processes the same way", async () => {
    const training = await planOf("mp.start_processes(run_worker, args=(1, rounds, size), nprocs=1)");
    assert.equal(training?.samples?.value, 320);
  });
});
