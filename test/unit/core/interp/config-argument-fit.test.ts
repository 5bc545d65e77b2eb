import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// A model whose one constructor argument is tried with the file's dataclasses (src/core/interp/config-argument-fit.ts).
const FILE = (init: string) => `from dataclasses import dataclass
import torch.nn as nn

@dataclass
class Args:
    width: int = 32
    seed: int = 1

class Net(nn.Module):
    def __init__(self, cfg):
        super().__init__()
${init}
    def forward(self, x):
        return self.fc(x)
`;

describe("a dataclass tried as a model's config argument", () => {
  it("builds the model from a dataclass whose fields are the ones its constructor reads", async () => {
    const result = await analyze(FILE("        self.fc = nn.Linear(8, cfg.width)"));
    const net = result.models.find((m) => m.name === "Net")!;
    assert.equal(net.entry, "Net(Args())");
    assert.equal(net.params, 8 * 32 + 32);
  });

  it("does not build it from a dataclass that lacks what the constructor reads (command-line options given an env)", async () => {
    const result = await analyze(FILE("        self.fc = nn.Linear(cfg.single_observation_space.shape[0], 2)"));
    const net = result.models.find((m) => m.name === "Net")!;
    assert.equal(net.params, 0);
    assert.notEqual(net.entry, "Net(Args())");
    assert.ok(net.unresolved.some((u) => /needs constructor arguments \(cfg\)/.test(u.reason)), JSON.stringify(net.unresolved));
  });
});
