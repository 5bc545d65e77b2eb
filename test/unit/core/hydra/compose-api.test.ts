import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { applyOverride } from "../../../../src/core/hydra/compose-api";

// Hydra's compose API: the config a script composes itself, with overrides, is the one its loops read.
const SCRIPT = `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from hydra import compose, initialize


def main(cfg):
    model = nn.Linear(8, 2)
    opt = torch.optim.SGD(model.parameters(), lr=cfg.optim.lr)
    data = TensorDataset(torch.randn(640, 8), torch.randint(0, 2, (640,)))
    loader = DataLoader(data, batch_size=cfg.data.batch_size)
    for epoch in range(cfg.run.epochs):
        for x, y in loader:
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()


if __name__ == "__main__":
    with initialize(version_base=None, config_path="settings"):
        cfg = compose(config_name="base"OVERRIDES)
    main(cfg)
`;
const FILES = {
  "/project/src/settings/base.yaml": "defaults:\n  - data: small\n  - _self_\noptim:\n  lr: 0.1\nrun:\n  epochs: 6\n",
  "/project/src/settings/data/small.yaml": "batch_size: 32\n",
};
const planOf = async (overrides: string, files: Record<string, string> = FILES) =>
  (await analyze(SCRIPT.replace("OVERRIDES", overrides), { file: "/project/src/run.py", others: files })).training ?? {};

describe("Hydra's compose API", () => {
  it("composes the named config from the folder initialize() names, relative to the calling file, defaults list included", async () => {
    const plan = await planOf("");
    assert.equal(plan.epochs?.value, 6, plan.epochs?.detail);
    assert.equal(plan.batch?.value, 32, plan.batch?.detail);
    assert.equal(plan.samples?.value, 640);
  });

  it("applies overrides of keys the config holds, and reads nothing from a config it cannot compose", async () => {
    const plan = await planOf(`, overrides=["run.epochs=2", "data.batch_size=64"]`);
    assert.equal(plan.epochs?.value, 2);
    assert.equal(plan.batch?.value, 64);
    const group = await planOf(`, overrides=["data=large"]`);
    assert.equal(group.epochs, undefined, "a group's option changes which file is read: the config is not known");
    const absent = await planOf("", { "/project/settings/base.yaml": FILES["/project/src/settings/base.yaml"] });
    assert.equal(absent.epochs, undefined, "config_path is relative to the calling file, not the root");
    await planOf("");
    const text = SCRIPT.replace("OVERRIDES", "").replace(/    with initialize\(.*\n        cfg = /, "    cfg = ");
    const uninitialized = (await analyze(text, { file: "/project/src/run.py", others: FILES })).training ?? {};
    assert.equal(uninitialized.epochs, undefined, "an earlier analysis's initialize() is not this one's");
  });

  it("sets a held key or adds one with +, and refuses deletions and a section's choice", () => {
    const config = { run: { epochs: 6 }, data: { batch_size: 32 } };
    assert.equal(applyOverride(config, "run.epochs=9"), true);
    assert.equal(config.run.epochs, 9);
    assert.equal(applyOverride(config, "run.steps=100"), false, "a key the config lacks needs +");
    assert.equal(applyOverride(config, "+run.steps=100"), true);
    assert.equal((config.run as Record<string, unknown>).steps, 100);
    assert.equal(applyOverride(config, "data=large"), false);
    assert.equal(applyOverride(config, "~run.epochs"), false);
  });
});
