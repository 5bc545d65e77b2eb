import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A settings module a training script imports: a nested dict of settings made a config object, nothing run
// (src/core/training/settings-module.ts).
const SETTINGS = `import os
from omegaconf import OmegaConf

settings = {
    "run_name": "leaves",
    "data_root": os.path.join(".", "leaves"),
    "fit": {
        "num_epochs": 12,
        "batch_size": 48,
        "lr": 0.0003,
    },
}

conf = OmegaConf.create(settings)
`;

describe("a settings module", () => {
  it("states no run for the epochs and batch a file only writes down", async () => {
    const plan = (await analyze(SETTINGS)).training ?? {};
    assert.deepEqual([plan.epochs, plan.batch, plan.steps], [undefined, undefined, undefined]);
  });

  it("keeps them where the file runs a training function with them", async () => {
    const plan = (await analyze(`${SETTINGS}
def fit_leaves(c):
    for epoch in range(c.fit.num_epochs):
        print(epoch)

fit_leaves(conf)
`)).training ?? {};
    assert.equal(plan.epochs?.value, 12);
  });

  it("keeps them where the file hands them to another call", async () => {
    const plan = (await analyze(`${SETTINGS}
launch(conf)
`)).training ?? {};
    assert.equal(plan.batch?.value, 48);
  });

  it("states no run for settings a function hands out as a copy", async () => {
    const plan = (await analyze(`import copy
import ml_collections

BASE = ml_collections.ConfigDict({"max_epochs": 40, "batch_size": 16, "optimizer": {"lr": 0.001}})

def get_config():
    return copy.deepcopy(BASE)
`)).training ?? {};
    assert.deepEqual([plan.epochs, plan.batch], [undefined, undefined]);
  });
});
