import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A dict of loaders another file builds at its top level (`loaders = {x: DataLoader(...) for x in [...]}`), walked by
// key (`loaders['train']`, `loaders['train']['loader']`, `dataloaders[phase]`), and imported at the top or under the
// `if __name__ == "__main__":` guard (src/core/training/imported-loader.ts walkedLoaderName, moduleLevelStatements).
// Files written for this test.
const flat = `import torch
from torch.utils.data import DataLoader, TensorDataset
sets = {x: TensorDataset(torch.randn(300, 10), torch.randint(0, 2, (300,))) for x in ['train', 'val']}
loaders = {x: DataLoader(sets[x], batch_size=16, shuffle=True) for x in ['train', 'val']}
`;
const nested = `import torch
from torch.utils.data import DataLoader, TensorDataset
sets = {x: TensorDataset(torch.randn(300, 10), torch.randint(0, 2, (300,))) for x in ['train', 'val']}
loaders = {x: {'loader': DataLoader(sets[x], batch_size=16, shuffle=True), 'length': len(sets[x])} for x in ['train', 'val']}
`;
const helpers = `def train_model(model, opt, dataloaders, num_epochs=25):
    for epoch in range(num_epochs):
        for phase in ['train', 'val']:
            for inputs, labels in dataloaders[phase]:
                opt.zero_grad()
                loss = model(inputs).sum()
                if phase == 'train':
                    loss.backward()
                    opt.step()
    return model
`;
const loopScript = (walk: string) => `import torch
import torch.nn as nn
from data import loaders
model = nn.Linear(10, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in ${walk}:
        opt.zero_grad()
        loss = model(x).sum()
        loss.backward()
        opt.step()
`;
const guardedScript = `import torch
import torch.nn as nn

if __name__ == "__main__":
    from data import loaders
    from helpers import train_model
    model = nn.Linear(10, 2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    model = train_model(model, opt, loaders, num_epochs=7)
`;

const planOf = async (text: string, dataText: string) => {
  const result = await analyze(text, { others: { "/project/data.py": dataText, "/project/helpers.py": helpers } });
  return trainingPlanOf(result, result.models[0]!);
};

describe("an imported dict of loaders walked by key", () => {
  it("gives the batch of the loader under a string key", async () => {
    const plan = await planOf(loopScript("loaders['train']"), flat);
    assert.equal(plan?.epochs?.value, 3);
    assert.equal(plan?.batch?.value, 16);
    assert.match(plan?.batch?.detail ?? "", /loaders, imported from data\.py/);
  });

  it("and under two keys of a nested dict", async () => {
    const plan = await planOf(loopScript("loaders['train']['loader']"), nested);
    assert.equal(plan?.batch?.value, 16);
  });

  it("imported under the __main__ guard and passed to a function walking dataloaders[phase]", async () => {
    const plan = await planOf(guardedScript, flat);
    assert.equal(plan?.epochs?.value, 7);
    assert.equal(plan?.batch?.value, 16);
  });

  it("an index that is a number is no key of a loader dict", async () => {
    const plan = await planOf(loopScript("loaders[0]"), flat);
    assert.notEqual(plan?.batch?.detail?.includes("imported from"), true);
  });
});
