import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// Library code (transformers' utils) sniffs tensors with type() and asks for their device; configs route attribute
// assignments through property setters. Truth: the same scripts in PyTorch 1.13 (Python 3.11).
describe("type(), devices and property setters as Python has them", () => {
  it("type() of a tensor is torch.Tensor (a parameter's a subclass), and a tensor's device is a torch.device", async () => {
    // PyTorch: 40 parameters, output [1, 16] (every test in forward holds).
    const m = await onlyModel(`
import torch
import torch.nn as nn

def framework(x):
    representation = str(type(x))
    return "pt" if representation.startswith("<class 'torch.") else "other"

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 8)

    def forward(self, x):
        wide = framework(x) == "pt" and type(x) is torch.Tensor and issubclass(type(self.fc.weight), torch.Tensor)
        device = x.device
        if device is None:
            raise ValueError("no device")
        steps = torch.arange(4, dtype=torch.float32, device=device)
        same = device == torch.device("cpu") and device.type == "cpu" and self.fc.weight.device == device and str(device) == "cpu"
        y = self.fc(x + steps)
        return torch.cat([y, y], dim=-1) if wide and same else y

model = Net()
`, { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 40);
    assert.deepEqual(m.output, [[1, 16]]);
  });

  it("assigning an attribute that is a property with a setter runs the setter, through object.__setattr__ too", async () => {
    // PyTorch: 80 parameters, output [1, 16] (the config's setter maps None to "eager"; the module's doubles 8).
    const m = await onlyModel(`
import torch.nn as nn

class Config:
    def __init__(self, impl=None):
        self.impl = impl

    def __setattr__(self, key, value):
        super().__setattr__(key, value)

    @property
    def impl(self):
        return self._impl_internal

    @impl.setter
    def impl(self, value):
        self._impl_internal = "eager" if value is None else value

class Net(nn.Module):
    widths = {"eager": 8, "fast": 2}

    def __init__(self, config):
        super().__init__()
        self.width = self.widths[config.impl]
        self.fc = nn.Linear(4, self.width)

    @property
    def width(self):
        return self._width * 2

    @width.setter
    def width(self, value):
        self._width = value

    def forward(self, x):
        return self.fc(x)

model = Net(Config())
`, { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 80);
    assert.deepEqual(m.output, [[1, 16]]);
  });
});
