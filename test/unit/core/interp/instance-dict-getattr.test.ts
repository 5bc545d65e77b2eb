import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An instance's __dict__ comes from normal attribute lookup, before a class's __getattr__ (Python's data model:
// __getattr__ runs only when normal lookup fails). Config classes keep their settings in it and read them back in
// __getattr__ (`return self.__dict__[item]`); reading __dict__ through __getattr__ recursed and lost every setting.
describe("an instance's __dict__ beside a class's __getattr__", function () {
  this.timeout(20_000);
  it("a config class that stores keys in self.__dict__ and reads them in __getattr__ gives its values", async () => {
    const result = await analyze(`import torch
from torch import nn

class Config(object):
    def __init__(self, entries=None):
        super().__init__()
        self.set_attribute(entries)

    def __getattr__(self, item):
        return self.__dict__[item]

    def __setattr__(self, key, value):
        self.set_attribute({key: value})

    def set_attribute(self, entries):
        if entries is None:
            return
        for key in entries.keys():
            self.__dict__[key] = entries[key]

cfg = Config({"hidden": 48, "batch_size": 32})
cfg.epochs = 7
model = nn.Sequential(nn.Linear(10, cfg.hidden), nn.ReLU(), nn.Linear(cfg.hidden, 2))
X = torch.randn(320, 10)
y = torch.randint(0, 2, (320,))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(cfg.epochs):
    for i in range(0, 320, cfg.batch_size):
        loss = nn.functional.cross_entropy(model(X[i:i + cfg.batch_size]), y[i:i + cfg.batch_size])
        opt.zero_grad()
        loss.backward()
        opt.step()
`);
    // 10·48 + 48 + 48·2 + 2 parameters: the widths the config holds (before: unknown widths, no model).
    assert.equal(result.models[0]?.params, 626);
    const plan = result.training!;
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [7, 32, 320]);
  });
});
