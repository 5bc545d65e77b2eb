import assert from "node:assert/strict";
import { analyze, modelNamed, onlyModel } from "../../../helpers/analyze";

// DataParallel / DistributedDataParallel (src/core/torch/nn/parallel.ts): a module holding the wrapped model as
// `.module`, its forward the wrapped model's. Truth: PyTorch 1.13 gives DataParallel(Net()) the 8*16+16+16*2+2 = 178
// parameters of Net, and `model.module` is the Net itself.
const NET = `import torch
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel as DDP

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))
`;

describe("parallel wrappers (src/core/torch/nn/parallel.ts)", () => {
  it("a model wrapped in DataParallel has the wrapped model's parameters and FLOPs, and .module is that model", async () => {
    const plain = await onlyModel(`${NET}
# greenlight: input=4x8
model = Net()
`);
    const wrapped = modelNamed(await analyze(`${NET}
def create_model():
    net = Net()
    return torch.nn.DataParallel(net, device_ids=[0])

# greenlight: input=4x8
model = create_model()
head = nn.Linear(model.module.fc2.out_features, 1)
`), "model");
    assert.equal(plain.params, 8 * 16 + 16 + 16 * 2 + 2);
    assert.equal(wrapped.params, plain.params);
    assert.equal(wrapped.flops, plain.flops);
    assert.ok(wrapped.flops > 0);
    assert.equal(modelNamed(await analyze(`${NET}
model = torch.nn.DataParallel(Net())
# greenlight: input=4x2
head = nn.Linear(model.module.fc2.out_features, 1)
`), "head").params, 2 + 1);
    assert.equal(wrapped.complete, true, JSON.stringify(wrapped.unresolved));
  });

  it("DistributedDataParallel from torch.nn.parallel wraps the same way", async () => {
    const m = await onlyModel(`${NET}
# greenlight: input=4x8
model = DDP(Net(), device_ids=[0], find_unused_parameters=True)
`);
    assert.equal(m.params, 8 * 16 + 16 + 16 * 2 + 2);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("the input pragma above the wrapped model's class applies to the wrapper", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

# greenlight: input=32x8
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(x)

model = torch.nn.parallel.DistributedDataParallel(Net())
`);
    assert.deepEqual(m.inputs, [{ shape: [32, 8], dtype: "float32" }]);
    assert.deepEqual(m.output, [[32, 2]]);
  });
});
