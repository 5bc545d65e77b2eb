import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

const SCRIPT = (launch: string) => `import argparse
import torch
import torch.nn as nn
from utils import launcher


def main(args):
    model = nn.Linear(16, 4)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    data = torch.utils.data.TensorDataset(torch.zeros(1000, 16))
    loader = torch.utils.data.DataLoader(data, batch_size=256 // args.gpus)
    for epoch in range(args.epochs):
        for (x,) in loader:
            model(x).sum().backward()
            opt.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--gpus", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()
    ${launch}
`;

async function planOf(launch: string) {
  return (await analyze(SCRIPT(launch))).training ?? {};
}

describe("call-site bindings: a function's parameters from where the script starts it", () => {
  it("a launcher given the function first and `args=(...)` runs fn(*args): the parameters bind to the tuple", async () => {
    const plan = await planOf("launcher.launch(main, args.gpus, 1, 0, 'auto', args=(args,))");
    assert.strictEqual(plan.batch?.value, 128);
    assert.strictEqual(plan.epochs?.value, 30);
  });

  it("torch.multiprocessing.start_processes(fn, args=(...)) runs fn(i, ...) as spawn does", async () => {
    const script = SCRIPT("import torch.multiprocessing as mp\n    mp.start_processes(worker, args=(args,), nprocs=args.gpus)")
      .replace("def main(args):", "def worker(rank, args):");
    assert.strictEqual((await analyze(script)).training?.batch?.value, 128);
  });

  it("functools.partial(fn, args=(...)) is not a launch: it binds nothing", async () => {
    const plan = await planOf("import functools\n    run = functools.partial(main, args=(args,))");
    assert.strictEqual(plan.batch?.value, undefined);
  });

  it("without `args=`, or with the function not first, the launcher's call binds nothing", async () => {
    assert.strictEqual((await planOf("launcher.launch(main, args.gpus, (args,))")).batch?.value, undefined);
    assert.strictEqual((await planOf("launcher.launch(args.gpus, main, args=(args,))")).batch?.value, undefined);
  });
});
