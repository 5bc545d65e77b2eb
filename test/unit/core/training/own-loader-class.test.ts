import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A project's own class named DataLoader is not torch's (src/core/training/own-loader-class.ts): torch's default
// batch_size=1 is not its batch. Scripts written for this test.
const OWN_LOADER = `import glob
import numpy as np

class DataLoader():
    def __init__(self, name, res=(32, 32)):
        self.name = name
        self.res = res

    def load_batch(self, batch_size=1):
        paths = glob.glob('./data/%s/*' % self.name)
        for i in range(len(paths) // batch_size):
            yield np.zeros((batch_size,) + self.res)
`;

const SCRIPT = (loader: string) => `import torch
import torch.nn as nn
${loader}

net = nn.Linear(8, 2)
data = DataLoader(${loader.includes("torch.utils") ? "torch.utils.data.TensorDataset(torch.randn(100, 8))" : "name='faces'"})
`;

describe("a DataLoader class of the project's own code (src/core/training/own-loader-class.ts)", () => {
  it("gives no batch of torch's default to a loader class the project defines", async () => {
    const result = await analyze(SCRIPT("from data_loader import DataLoader"), { others: { "/project/data_loader.py": OWN_LOADER } });
    assert.doesNotMatch(result.training?.batch?.detail ?? "", /DataLoader's default batch_size=1/);
  });

  it("keeps torch's default batch 1 for torch's DataLoader", async () => {
    const result = await analyze(SCRIPT("from torch.utils.data import DataLoader"));
    assert.match(result.training?.batch?.detail ?? "", /DataLoader's default batch_size=1/);
  });
});
