import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// A method wrapped by a functools.wraps decorator keeps its class for zero-argument super() (the wrapped function,
// defined in the class body, has the __class__ cell), as facebookresearch/denoiser's @capture_init __init__ needs;
// torch.hann_window gives its window_length points. PyTorch 1.13 on the same code (tools/measure/count.py): 48
// parameters, 7296 FLOPs, output [1, 8, 64]. Before: "super() outside a method", nothing computed.
describe("decorated methods (src/core/interp/interpreter.ts)", () => {
  it("super() works in an __init__ a wraps-decorator wraps, and the model counts whole", async () => {
    const m = await onlyModel(`import functools
import torch
import torch.nn as nn
from torch.nn import functional as F


def capture_init(init):
    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        self._init_args_kwargs = (args, kwargs)
        init(self, *args, **kwargs)

    return __init__


# greenlight: input=1x1x64
class Resampler(nn.Module):
    @capture_init
    def __init__(self, channels=8, zeros=4):
        super().__init__()
        window = torch.hann_window(4 * zeros + 1, periodic=False)
        assert window.shape == (4 * zeros + 1,)
        self.register_buffer("kernel", window[None, None, :])
        self.conv = nn.Conv1d(1, channels, 5, padding=2)

    def forward(self, x):
        x = F.conv1d(x, self.kernel, padding=self.kernel.shape[-1] // 2)
        return self.conv(x)


model = Resampler()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 48);
    assert.equal(m.flops, 7296);
    assert.deepEqual(m.output, [[1, 8, 64]]);
  });

  it("a decorated method does not see the class body's names, as in Python", async () => {
    const m = await onlyModel(`import functools
import torch.nn as nn

def logged(f):
    @functools.wraps(f)
    def inner(self, *args):
        return f(self, *args)
    return inner

WIDTH = 3

# greenlight: input=1x4
class Net(nn.Module):
    WIDTH = 7

    @logged
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, WIDTH)

    def forward(self, x):
        return self.fc(x)

model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 4 * 3 + 3);
  });
});
