import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A tuple a helper file returns, unpacked into names that say nothing of loaders (`dataset_training`), one of which
// the script hands to another file's per-epoch function that walks it and backpropagates
// (src/core/training/foreign-walked-data.ts). Files written for this test.
const setup = `import argparse
import torch
from torch.utils.data import DataLoader, TensorDataset

def init_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", default=6, type=int)
    parser.add_argument("--bs", default=12, type=int)
    return parser.parse_args()

def init_everything(args):
    net = torch.nn.Linear(10, 3)
    optimizer = torch.optim.Adam(net.parameters(), 1e-3)
    fit_set = TensorDataset(torch.randn(240, 10), torch.randint(0, 3, (240,)))
    held_set = TensorDataset(torch.randn(60, 10), torch.randint(0, 3, (60,)))
    fitting = DataLoader(fit_set, batch_size=args.bs, shuffle=True)
    holding = DataLoader(held_set, batch_size=args.bs)
    return net, optimizer, fitting, holding
`;
const epoch = (walk: string) => `import torch
from setup import *

def train(net, optimizer, batches, epoch):
    net.train()
    for x, y in ${walk}:
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(net(x), y)
        loss.backward()
        optimizer.step()
    return net

def check(net, batches):
    for x, y in batches:
        net(x)
`;
const script = `from setup import *
from epoch import *

def main():
    args = init_args()
    net, optimizer, dataset_training, dataset_validation = init_everything(args)
    for i in range(args.epochs):
        net = train(net, optimizer, dataset_training, i)
        check(net, dataset_validation)

if __name__ == "__main__":
    main()
`;
const planOf = async (walk: string) => (await analyze(script, { others: { "/project/setup.py": setup, "/project/epoch.py": epoch(walk) } })).training;

describe("data handed to another file's training function", () => {
  it("takes the batch and length of the loader the walked parameter gets", async () => {
    const training = await planOf("batches");
    assert.equal(training?.batch?.value, 12);
    assert.equal(training?.epochs?.value, 6);
    assert.equal(training?.samples?.value, 240);
  });

  it("leaves a parameter the function does not walk alone", async () => {
    const training = await planOf("range(0)");
    assert.notEqual(training?.batch?.value, 12);
  });
});
