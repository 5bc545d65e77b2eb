import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A training function called inside counted loops (trials × query cycles, federated rounds × sampled clients) runs
// its epoch loop again on every turn (src/core/training/loops-around-call.ts): the run is the turns times its epochs.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const OWN = (driver: string) => `import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader
data = TensorDataset(torch.randn(480, 6), torch.randint(0, 4, (480,)))
loader = DataLoader(data, batch_size=16, shuffle=True)

def fit(net, opt, loader, n_passes):
    for epoch in range(n_passes):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(net(xb), yb).backward()
            opt.step()

if __name__ == '__main__':
${driver}
`;

const ONCE = `    net = nn.Linear(6, 4)
    fit(net, torch.optim.SGD(net.parameters(), lr=0.1), loader, 7)`;
const NESTED = `    for repeat in range(2):
        net = nn.Linear(6, 4)
        for stage in range(5):
            fit(net, torch.optim.SGD(net.parameters(), lr=0.1), loader, 7)`;

describe("a training function called inside counted loops (src/core/training/loops-around-call.ts)", () => {
  it("multiplies the function's epochs by the turns of every loop around its one call", async () => {
    assert.equal((await planOf(OWN(ONCE))).epochs?.value, 7);
    const nested = await planOf(OWN(NESTED));
    assert.equal(nested.epochs?.value, 2 * 5 * 7);
    assert.match(nested.epochs?.detail ?? "", /for repeat in range\(2\) × for stage in range\(5\) around fit/);
  });

  it("follows the caller up: a function called once that holds the loops", async () => {
    const text = OWN(NESTED).replace("if __name__ == '__main__':\n", "def main():\n") + "\nmain()\n";
    assert.equal((await planOf(text)).epochs?.value, 70);
  });

  it("leaves the epochs alone under a while loop, or a loop of a count the code does not state", async () => {
    const whileDriver = `    rounds = 0
    net = nn.Linear(6, 4)
    while rounds < 3:
        fit(net, torch.optim.SGD(net.parameters(), lr=0.1), loader, 7)
        rounds += 1`;
    assert.notEqual((await planOf(OWN(whileDriver))).epochs?.value, 21);
    const unstated = NESTED.replace("range(5)", "range(int(input()))");
    assert.notEqual((await planOf(OWN(unstated))).epochs?.value, 70);
  });

  it("counts the function once a call where it is called twice (calls in turn read those)", async () => {
    const twice = `    net = nn.Linear(6, 4)
    for stage in range(5):
        fit(net, torch.optim.SGD(net.parameters(), lr=0.1), loader, 7)
    fit(net, torch.optim.SGD(net.parameters(), lr=0.1), loader, 7)`;
    assert.notEqual((await planOf(OWN(twice))).epochs?.value, 42);
  });
});

const CLIENT = `import torch
from torch.utils.data import DataLoader

class Client:
    def __init__(self, data, local_bs):
        self.loader = DataLoader(data, batch_size=local_bs, shuffle=True)

    def train(self, net):
        opt = torch.optim.SGD(net.parameters(), lr=0.05)
        for it in range(3):
            for step, (xb, yb) in enumerate(self.loader):
                opt.zero_grad()
                torch.nn.functional.cross_entropy(net(xb), yb).backward()
                opt.step()
        return net.state_dict()
`;

const SERVER = `import copy
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset
from client import Client

if __name__ == '__main__':
    shard = TensorDataset(torch.randn(300, 6), torch.randint(0, 4, (300,)))
    server_net = nn.Linear(6, 4)
    for rnd in range(8):
        chosen = np.random.choice(range(50), 5, replace=False)
        for who in chosen:
            client = Client(shard, 10)
            weights = client.train(net=copy.deepcopy(server_net))
`;

describe("another file's training method called inside counted loops (federated rounds × sampled clients)", () => {
  it("multiplies the method's epochs and the run's steps by the rounds and the clients drawn each round", async () => {
    const plan = await planOf(SERVER, { "/project/client.py": CLIENT });
    assert.equal(plan.epochs?.value, 8 * 5 * 3);
    assert.equal(plan.batch?.value, 10);
    assert.equal(plan.samples?.value, 300);
    assert.match(plan.epochs?.detail ?? "", /for rnd in range\(8\) × for who in chosen around client\.train/);
  });

  it("reads one call's epochs where no loop is around it", async () => {
    const once = SERVER.replace("    for rnd in range(8):\n        chosen = np.random.choice(range(50), 5, replace=False)\n        for who in chosen:\n            client", "    if True:\n        client").replace("            weights =", "        weights =");
    assert.match(once, /if True:\n        client = Client\(shard, 10\)\n        weights/);
    assert.equal((await planOf(once, { "/project/client.py": CLIENT })).epochs?.value, 3);
  });
});
