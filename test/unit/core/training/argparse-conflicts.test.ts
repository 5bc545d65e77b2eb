import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An option string added twice to one argparse parser (src/core/training/argparse-conflicts.ts): add_argument raises
// ArgumentError under the default conflict_handler='error', so the plain run stops there. Scripts written for this test.
const SCRIPT = (parser: string, second: string) => `import argparse
import torch
import torch.nn as nn

def options():
    parser = ${parser}
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("${second}", type=int, default=16)
    return parser.parse_args()

if __name__ == "__main__":
    args = options()
    net = nn.Linear(4, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for r in range(args.rounds):
        x = torch.randn(args.batch_size, 4)
        loss = net(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("an option string added twice to one argparse parser (src/core/training/argparse-conflicts.ts)", () => {
  it("says the plain run stops at the second add_argument and gives no run", async () => {
    const result = await analyze(SCRIPT("argparse.ArgumentParser()", "--batch_size"));
    assert.match([...result.notes, ...(result.training?.notes ?? [])].join("\n"), /no training run: the plain run stops at parser\.add_argument\("--batch_size", \.\.\.\) at line 9: argparse raises ArgumentError/);
    assert.equal(result.training?.steps, undefined);
  });

  it("keeps the run where conflict_handler='resolve' lets the later action replace the earlier", async () => {
    const result = await analyze(SCRIPT("argparse.ArgumentParser(conflict_handler='resolve')", "--batch_size"));
    assert.equal(result.training?.steps?.value, 30);
  });

  it("keeps the run where the option strings differ", async () => {
    const result = await analyze(SCRIPT("argparse.ArgumentParser()", "--hidden"));
    assert.equal(result.training?.steps?.value, 30);
    assert.doesNotMatch(result.notes.join("\n"), /ArgumentError/);
  });
});
