import assert from "node:assert/strict";
import { analyze } from "../../../helpers/analyze";

// dir() (src/core/interp/builtins/attributes.ts), as Python lists names: sorted, a module's namespace, a class's
// attributes through its bases, an object's own and its class's.
describe("dir() (src/core/interp/builtins/attributes.ts)", () => {
  const settingsPackage = {
    "/project/conf/__init__.py": `import conf.global_settings as settings

class Settings:
    def __init__(self, settings):
        for attr in dir(settings):
            if attr.isupper():
                setattr(self, attr, getattr(settings, attr))

settings = Settings(settings)
`,
    "/project/conf/global_settings.py": "import os\nEPOCH = 120\nMILESTONES = [60, 90]\nlog_dir = 'runs'\n",
  };

  it("a settings object that copies a module's UPPERCASE names through dir() gives the run its epochs", async () => {
    const result = await analyze(`import torch
from conf import settings

model = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(1, settings.EPOCH + 1):
    for step in range(10):
        loss = model(torch.randn(2, 4)).sum()
        loss.backward()
        opt.step()
`, { others: settingsPackage });
    assert.equal(result.training?.epochs?.value, 120);
    assert.equal(result.training?.steps?.value, 1200);
  });

  it("lists names sorted, a class's through its bases and an object's own, and only the copied ones are set", async () => {
    const result = await analyze(`import torch
from conf import settings

class Base:
    b = 1

class Child(Base):
    a = 2
    def __init__(self):
        self.z = 3

public = [n for n in dir(Child()) if not n.startswith('_')]
of_class = [n for n in dir(Child) if not n.startswith('_')]
width = len(public) * 4 + public.index('z') * 10 + len(of_class) * 100 + settings.MILESTONES[1]
if hasattr(settings, 'log_dir'):
    width = 1

# greenlight: input=1x8
class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(8, width)

    def forward(self, x):
        return self.fc(x)
`, { others: settingsPackage });
    const net = result.models.find((m) => m.name === "Net");
    // public ['a', 'b', 'z'] (z third, as sorted), the class's ['a', 'b']: 12 + 20 + 200 + 90 = 322 outputs.
    assert.equal(net?.params, 8 * 322 + 322);
  });
});
