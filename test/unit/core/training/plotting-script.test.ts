import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A script that plots the loss curves of runs made elsewhere: their settings are written into it as data.
const PLOT = `import json
import matplotlib.pyplot as plt

runs = [
    {"lr": 0.01, "batch_size": 64, "epochs": 12, "losses": [0.9, 0.5, 0.4, 0.35, 0.3, 0.28, 0.27, 0.26, 0.25, 0.25, 0.24, 0.24]},
    {"lr": 0.001, "batch_size": 32, "epochs": 12, "losses": [1.2, 0.8, 0.6, 0.5, 0.45, 0.4, 0.38, 0.36, 0.35, 0.34, 0.33, 0.33]},
]

for run in runs:
    plt.plot(range(1, run["epochs"] + 1), run["losses"], label=f"lr {run['lr']}, batch {run['batch_size']}")
plt.xlabel("epoch")
plt.legend()
plt.savefig("curves.png")
`;

// The same list beside a numpy network's updates: numpy can train, so the plan stays.
const NUMPY = `import numpy as np

settings = {"batch_size": 32, "epochs": 4}
w = np.zeros(3)
x = np.ones((96, 3))
for epoch in range(settings["epochs"]):
    for i in range(0, 96, settings["batch_size"]):
        grad = x[i:i + settings["batch_size"]].mean(axis=0)
        w -= 0.1 * grad
`;

describe("plotting scripts: figures of past runs in a file with no tensor library", () => {
  it("a matplotlib script's list of runs (epochs, batch sizes) states no run", async () => {
    const plan = (await analyze(PLOT)).training ?? {};
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
  });

  it("a file that imports numpy keeps what it states", async () => {
    const plan = (await analyze(NUMPY)).training ?? {};
    assert.equal(plan.epochs?.value, 4);
  });
});
