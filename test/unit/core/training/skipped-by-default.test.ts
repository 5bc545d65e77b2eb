import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training loop under an `if` the script's defaults decide against (nineteenth round): the figures stay, a note says
// the plain run trains nothing and which test gates it.
const script = (flag: string, test: string) => `import argparse
import torch
from torch.utils.data import DataLoader, TensorDataset

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=30)
${flag}
args = parser.parse_args()

net = torch.nn.Linear(16, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(torch.randn(500, 16), torch.randn(500, 2)), batch_size=50)
if ${test}:
    for epoch in range(args.epochs):
        for x, y in loader:
            opt.zero_grad()
            torch.nn.functional.mse_loss(net(x), y).backward()
            opt.step()
`;

describe("training loops the defaults skip (src/core/training/skipped-by-default.ts)", () => {
  it("`if bool(args.train):` with --train defaulting to False: the figures of the branch, and a note naming the test", async () => {
    const plan = (await analyze(script(`parser.add_argument("--train", default=False)`, "bool(args.train)"))).training ?? {};
    assert.equal(plan.epochs?.value, 30);
    assert.equal(plan.samples?.value, 500);
    const note = (plan.notes ?? []).find((n) => n.startsWith("skipped by default: "));
    assert.match(note ?? "", /runs only when bool\(args\.train\) is true, and the script's defaults make it false/);
  });

  it("a `--mode` whose default takes the branch, and a store_true flag given True, add no note", async () => {
    for (const [flag, test] of [[`parser.add_argument("--mode", default="train")`, `args.mode == "train"`], [`parser.add_argument("--train", default=True)`, "args.train"]]) {
      const plan = (await analyze(script(flag, test))).training ?? {};
      assert.equal(plan.epochs?.value, 30);
      assert.ok(!(plan.notes ?? []).some((n) => n.startsWith("skipped by default: ")), `${test}: ${(plan.notes ?? []).join("; ")}`);
    }
  });

  it("`else:` of a test the defaults make true is skipped too", async () => {
    const text = script(`parser.add_argument("--eval_only", action="store_true", default=True)`, "args.eval_only").replace("if args.eval_only:\n", "if args.eval_only:\n    pass\nelse:\n");
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.epochs?.value, 30);
    assert.match((plan.notes ?? []).join("; "), /skipped by default: .* runs only when args\.eval_only is false/);
  });
});
