import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// nn.Parameter() with no data holds torch.empty(0) (torch/nn/parameter.py), as a mixin's placeholder for .device /
// .dtype does (diffusion_policy's ModuleAttrMixin). PyTorch 1.13: parameters 4*3+3 = 15 (the placeholder has none).
describe("nn.Parameter (src/core/torch/nn/parameter.ts)", () => {
  it("Parameter() is an empty parameter, and next(iter(self.parameters())).device works on it", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

# greenlight: input=2x4
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self._dummy = nn.Parameter()
        self.fc = nn.Linear(4, 3)

    @property
    def device(self):
        return next(iter(self.parameters())).device

    def forward(self, x):
        return self.fc(x.to(self.device))

model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 15);
    assert.deepEqual(m.output, [[2, 3]]);
  });
});
