import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { codeLeavesTopLevelKeyUnread } from "../../../../src/core/training/unread-config-keys";

// A JSON config's top-level key that no code names sets nothing of the run (src/core/training/unread-config-keys.ts):
// an agent that reads `cfg["lr"]` and `cfg["episodes"]` and updates once an episode takes no `batch_size` from it.
const CONFIG = `{"lr": 0.01, "episodes": 30, "batch_size": 32}`;

const SCRIPT = (extra: string) => `import json
import torch


class Policy(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.head = torch.nn.Linear(4, 2)

    def forward(self, x):
        return self.head(x)


with open("config.json") as f:
    cfg = json.load(f)
${extra}
policy = Policy()
opt = torch.optim.Adam(policy.parameters(), lr=cfg["lr"])
for episode in range(cfg["episodes"]):
    states = torch.randn(20, 4)
    loss = policy(states).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

describe("top-level config keys no code reads (src/core/training/unread-config-keys.ts)", () => {
  it("takes no batch from a top-level key the code never names, where it names the config's other keys", async () => {
    const plan = (await analyze(SCRIPT(""), { others: { "/project/config.json": CONFIG } })).training ?? {};
    assert.equal(plan.steps?.value, 30);
    assert.notEqual(plan.batch?.value, 32);
  });

  it("keeps the key where the code reads it", async () => {
    const plan = (await analyze(SCRIPT('size = cfg["batch_size"]'), { others: { "/project/config.json": CONFIG } })).training ?? {};
    assert.equal(plan.batch?.value, 32);
  });

  it("judges no key unread where the code unpacks a mapping, reads by computed names, or names no other key", () => {
    const keys = ["lr", "episodes", "batch_size"];
    assert.equal(codeLeavesTopLevelKeyUnread("batch_size", keys, ['lr = cfg["lr"]']), true);
    assert.equal(codeLeavesTopLevelKeyUnread("batch_size", keys, ['lr = cfg["lr"]', "run(**cfg)"]), false);
    assert.equal(codeLeavesTopLevelKeyUnread("batch_size", keys, ['lr = cfg["lr"]', "v = getattr(cfg, key)"]), false);
    assert.equal(codeLeavesTopLevelKeyUnread("batch_size", keys, ["y = x ** 2"]), false);
    assert.equal(codeLeavesTopLevelKeyUnread("train.batch_size", keys, ['lr = cfg["lr"]']), false);
  });
});
