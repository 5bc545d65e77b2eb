import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// The built-in easydict (src/core/interp/config-packages.ts): a config module's EasyDict, copied into another with
// `**`, dict() and update(), gives a model its sizes. Our own fixture; Linear(6, 3) + Linear(3, 2) = 21 + 8 weights.
const config = `from easydict import EasyDict

Cfg = EasyDict()
Cfg.width = 6
Cfg.head = dict(out=2)
Cfg.hidden = 4
`;
const main = `import argparse
import torch.nn as nn
from easydict import EasyDict as edict
from cfg import Cfg


def settings(**kwargs):
    cfg = kwargs
    cfg.update({"hidden": 3})
    return edict(cfg)


class Net(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        merged = {**cfg, "unused": 1}
        self.body = nn.Linear(merged["width"], cfg.hidden)
        self.out = nn.Linear(dict(cfg)["hidden"], cfg.head.out)

    def forward(self, x):
        return self.out(self.body(x))
`;

describe("config containers as built-in packages", () => {
  it("an EasyDict reads its items as attributes, nested dicts included, through **, {**} and dict()", async () => {
    const m = await onlyModel(main, { entry: "Net(settings(**Cfg))", inputs: [{ shape: [1, 6], dtype: "float32" }], others: { "/project/cfg.py": config } });
    assert.deepEqual(m.unresolved, []);
    assert.equal(m.params, 6 * 3 + 3 + 3 * 2 + 2);
  });

  it("a key an EasyDict does not hold is an AttributeError, not a value", async () => {
    await assert.rejects(
      onlyModel(main.replace("cfg.head.out", "cfg.head.missing"), { entry: "Net(settings(**Cfg))", inputs: [{ shape: [1, 6], dtype: "float32" }], others: { "/project/cfg.py": config } }),
      /AttributeError: missing/,
    );
  });
});
