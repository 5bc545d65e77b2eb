import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../helpers/analyze";

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

describe("absl flags as a built-in package", () => {
  it("FLAGS holds each DEFINE_*'s default in a function that app.run calls, lists split and multi flags listed", async () => {
    const result = await analyze(`import torch
from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_integer("width", 12, "hidden width")
flags.DEFINE_list("heads", "2,3", "sizes")
flags.DEFINE_multi_integer("mult", [1, 2], "multipliers")
flags.DEFINE_enum("kind", "wide", ["wide", "narrow"], "kind")


class Net(torch.nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.fc = torch.nn.Linear(width, heads)

    def forward(self, x):
        return self.fc(x)


def main(argv):
    width = FLAGS.width * sum(FLAGS.mult) if FLAGS.kind == "wide" else 1
    model = Net(width, len(FLAGS.heads))
    return model


if __name__ == "__main__":
    app.run(main)
`);
    const model = result.models.find((m) => m.name === "model");
    assert.ok(model, JSON.stringify(result.models.map((m) => m.name)));
    assert.equal(model.params, 36 * 2 + 2);
  });
});
