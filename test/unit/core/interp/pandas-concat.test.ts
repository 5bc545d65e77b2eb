import { strict as assert } from "node:assert";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { analyze } from "../../helpers/analyze";

// pandas.concat in the pandas stand-in (pandas-package.ts): along the rows the tables' rows add up, along the columns
// rows line up by label, so they are counted only where every table is labelled 0..n-1 over the same n rows.
const SCRIPT = (tables: string) => `import numpy as np
import pandas as pd
import torch
from torch import nn

${tables}
inputs = torch.tensor(table.drop("label", axis=1).values, dtype=torch.float32)
net = nn.Linear(inputs.shape[1], 1)
sgd = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(25):
    loss = net(inputs).pow(2).mean()
    sgd.zero_grad()
    loss.backward()
    sgd.step()
`;

const samplesOf = async (tables: string): Promise<number | undefined> => {
  const plan: TrainingPlan = (await analyze(SCRIPT(tables), {})).training ?? {};
  return plan.samples?.value;
};

describe("pandas.concat counts the rows it joins (pandas-package.ts)", function () {
  this.timeout(20_000);
  it("along the rows, the rows of every table add up (a list, a dict's values, None items dropped)", async () => {
    const frames = `first = pd.DataFrame(np.zeros((30, 3)), columns=["a", "b", "label"])\nsecond = pd.DataFrame(np.ones((12, 3)), columns=["a", "b", "label"])\n`;
    assert.equal(await samplesOf(`${frames}table = pd.concat([first, second])`), 42);
    assert.equal(await samplesOf(`${frames}table = pd.concat({"x": first, "y": second, "z": None}, axis=0, ignore_index=True)`), 42);
  });

  it("tables built in a loop, the first kept and the next ones joined on, count every turn's rows", async () => {
    const loop = `def gather(per_class, classes):
    for k in range(classes):
        block = pd.DataFrame(np.random.normal(k, 1, (per_class * 2, 4)))
        block["label"] = [k] * (per_class * 2)
        kept = block[:per_class]
        if k == 0:
            joined = kept
        else:
            joined = pd.concat([joined, kept], axis=0)
    return joined

table = gather(25, 3)`;
    assert.equal(await samplesOf(loop), 75);
  });

  it("along the columns, tables of the same rows labelled 0..n-1 keep those rows", async () => {
    const columns = `features = pd.DataFrame(np.zeros((40, 2)), columns=["a", "b"])\nlabels = pd.Series(np.zeros(40), name="label")\ntable = pd.concat([features, labels], axis=1)`;
    assert.equal(await samplesOf(columns), 40);
  });

  it("along the columns, tables of other rows or other labels (a later slice, a sample) stay unknown", async () => {
    const base = `whole = pd.DataFrame(np.zeros((40, 2)), columns=["a", "b"])\nlabels = pd.DataFrame(np.zeros((20, 1)), columns=["label"])\n`;
    assert.equal(await samplesOf(`${base}table = pd.concat([whole[20:], labels], axis=1)`), undefined);
    assert.equal(await samplesOf(`${base}table = pd.concat([whole.sample(20), labels], axis=1)`), undefined);
    assert.equal(await samplesOf(`${base}table = pd.concat([whole, labels], axis=1)`), undefined);
    assert.equal(await samplesOf(`${base}table = pd.concat([whole[:20], labels], axis=1)`), 20);
  });

  it("anything but tables in the list leaves the rows unknown", async () => {
    assert.equal(await samplesOf(`table = pd.concat([pd.DataFrame(np.zeros((5, 2)), columns=["a", "label"]), [1, 2]])`), undefined);
  });
});
