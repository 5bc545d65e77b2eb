import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop in a function the epoch loop calls runs its steps in each epoch (src/core/training/called-step-loops.ts).
const script = (epochBody: string) => `import torch

model = torch.nn.Linear(8, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def train_one_epoch(iterations):
    for i in range(iterations):
        optimizer.zero_grad()
        model(torch.zeros(4, 8)).sum().backward()
        optimizer.step()


def main():
    for epoch in range(6):
${epochBody}


main()
`;

describe("step loops in a function the epoch loop calls", () => {
  it("counts the function's steps in each epoch", async () => {
    const plan = (await analyze(script("        train_one_epoch(250)"))).training ?? {};
    assert.equal(plan.epochs?.value, 6);
    assert.equal(plan.steps?.value, 6 * 250);
  });

  it("does not multiply when the epoch loop does not call that function", async () => {
    const plan = (await analyze(script("        print(epoch)\n    train_one_epoch(250)"))).training ?? {};
    assert.notEqual(plan.steps?.value, 6 * 250);
  });

  it("a loop over a count named for epochs that calls a training function is the epoch loop, whatever its variable", async () => {
    const source = (count: string) => `import torch

model = torch.nn.Linear(8, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(1000, 8)), batch_size=100, shuffle=True)
${count} = 14


def run(net, data, opt, train=False):
    for (x,) in data:
        if train:
            opt.zero_grad()
            net(x).sum().backward()
            opt.step()


for i in range(${count} // 2):
    _ = run(model, loader, optimizer, train=True)
`;
    const named = (await analyze(source("num_epochs"))).training ?? {};
    assert.equal(named.epochs?.value, 7);
    assert.equal(named.batch?.value, 100);
    // The loop's count (half the constant) is the run's; a count that does not say epochs is still one when each call
    // walks the whole loader (loader-pass-calls.test.ts), and is left unread when what the call walks is not one.
    assert.equal((await analyze(source("rounds"))).training?.epochs?.value, 7);
    assert.notEqual((await analyze(source("rounds").replace("run(model, loader,", "run(model, [next(iter(loader))],"))).training?.epochs?.value, 7);
    // "epoches", a common spelling in research code, names epochs too.
    assert.equal((await analyze(source("n_epoches"))).training?.epochs?.value, 7);
  });

  it("a loop that passes its variable as an `epoch` parameter, two calls above the step loop, is the epoch loop", async () => {
    const source = (call: string) => `import torch

model = torch.nn.Linear(8, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(1000, 8)), batch_size=250)


def train(epoch):
    for (x,) in loader:
        optimizer.zero_grad()
        model(x).sum().backward()
        optimizer.step()


def train_and_report(epoch):
    train(epoch)
    print("done", epoch)


def main():
    for e in range(1, 16):
        ${call}


main()
`;
    const passed = (await analyze(source("train_and_report(e)"))).training ?? {};
    assert.equal(passed.epochs?.value, 15);
    // Passing something else as the epoch leaves the loop's variable uncounted.
    const other = (await analyze(source("train_and_report(3)"))).training ?? {};
    assert.equal(other.epochs, undefined);
  });
});
