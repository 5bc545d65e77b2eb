import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A function of another file that builds an object of a workspace class and runs its training method
// (`solver = Solver(opts); solver.fit()`), called by the script: the object's loops are the run's
// (src/core/training/built-object-training.ts). Files written for this test.
const solver = `import torch
from torch.utils.data import DataLoader, TensorDataset

class Solver:
    def __init__(self, opts):
        self.net = torch.nn.Linear(6, 2)
        rows = TensorDataset(torch.randn(360, 6), torch.randn(360, 2))
        self.batches = DataLoader(rows, batch_size=opts["bs"], shuffle=True)
        self.rounds = opts["rounds"]

    def fit(self):
        opt = torch.optim.SGD(self.net.parameters(), lr=0.01)
        for epoch in range(self.rounds):
            for x, y in self.batches:
                opt.zero_grad()
                loss = ((self.net(x) - y) ** 2).mean()
                loss.backward()
                opt.step()

    def report(self):
        print(self.rounds)
`;
const runner = (call: string) => `from solver import Solver

def run(opts):
    solver = Solver(opts)
    solver.${call}()
`;
const script = `from runner import run

def main():
    opts = {"bs": 24, "rounds": 5}
    run(opts)

if __name__ == "__main__":
    main()
`;
const planOf = async (call: string) => (await analyze(script, { others: { "/project/solver.py": solver, "/project/runner.py": runner(call) } })).training;

describe("a function of another file that trains through an object it builds", () => {
  it("reads the object's training method, one file further", async () => {
    const training = await planOf("fit");
    assert.equal(training?.epochs?.value, 5);
    assert.equal(training?.batch?.value, 24);
    assert.equal(training?.samples?.value, 360);
  });

  it("leaves a method that trains nothing alone", async () => {
    const training = await planOf("report");
    assert.equal(training?.epochs, undefined);
  });
});
