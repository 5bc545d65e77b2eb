import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { codeLeavesConfigKeyUnread } from "../../../../src/core/training/unread-config-keys";

// A config key no code names sets nothing of the run, whatever its name says (unread-config-keys.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const CONFIG = "run:\n  epochs: 6\n  seed: 3\nopt:\n  lr: 0.1\n  total_steps: 900\n  accum_steps: 2\n  momentum: 0.9\n";

const SCRIPT = `import hydra
import torch
import torch.nn as nn
from helpers import build_optimizer


@hydra.main(config_path="conf", config_name="base")
def main(cfg):
    torch.manual_seed(cfg.run.seed)
    net = nn.Linear(4, 1)
    opt = build_optimizer(net, cfg)
    epochs = cfg.run.epochs
    print(net, opt, epochs)


if __name__ == "__main__":
    main()
`;

const HELPERS = (extra: string) => `import torch

def build_optimizer(net, cfg):
    return torch.optim.SGD(net.parameters(), lr=cfg.opt.lr, momentum=cfg.opt.momentum${extra})
`;

describe("config keys no code reads (src/core/training/unread-config-keys.ts)", () => {
  it("a section the code reads key by key, in the script and the module it imports, sets none of the keys it never names", async () => {
    const plan = await planOf(SCRIPT, { "/project/conf/base.yaml": CONFIG, "/project/helpers.py": HELPERS("") });
    assert.equal(plan.epochs?.value, 6);
    assert.equal(plan.steps?.value, undefined, "opt.total_steps is named by no code");
    assert.equal(plan.accumulation, undefined, "opt.accum_steps is named by no code");
  });

  it("the same key named in the imported module is read", async () => {
    const plan = await planOf(SCRIPT, { "/project/conf/base.yaml": CONFIG, "/project/helpers.py": HELPERS(")\n\ndef schedule(cfg):\n    return cfg.opt.total_steps + 0*(1") });
    assert.equal(plan.steps?.value, 900);
  });

  it("a section unpacked whole, or one no code reads key by key, keeps its keys", () => {
    const keys = ["opt.lr", "opt.total_steps"];
    assert.equal(codeLeavesConfigKeyUnread("opt.total_steps", keys, ["lr=cfg.opt.lr"]), true);
    assert.equal(codeLeavesConfigKeyUnread("opt.total_steps", keys, ["lr=cfg.opt.lr", "make(**cfg.opt)"]), false);
    assert.equal(codeLeavesConfigKeyUnread("opt.total_steps", keys, ["run(cfg)"]), false);
    assert.equal(codeLeavesConfigKeyUnread("total_steps", ["total_steps", "lr"], ["cfg.lr"]), false, "a top-level key");
  });
});
