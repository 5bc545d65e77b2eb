import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// isinstance of a catalogue layer's own children (src/core/interp/builtins/isinstance.ts): an init walk over
// self.apply() that raises on any module it does not list (diffusion_policy's TransformerForDiffusion does) meets
// TransformerEncoderLayer.linear1, MultiheadAttention.out_proj (torch's NonDynamicallyQuantizableLinear, a Linear) and
// TransformerEncoder.layers (a ModuleList). PyTorch 1.13 on the same code (tools/measure/count.py): 29920 parameters,
// 1048576 FLOPs. Before, none of them was an instance of its nn class and the model was not built.
describe("isinstance of catalogue children (src/core/interp/builtins/isinstance.ts)", () => {
  it("a Transformer's children are instances of nn.Linear, nn.LayerNorm, nn.Dropout, nn.ModuleList", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

# greenlight: input=1x16x32
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        layer = nn.TransformerEncoderLayer(d_model=32, nhead=4, dim_feedforward=64, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2)
        self.dec = nn.TransformerDecoder(nn.TransformerDecoderLayer(d_model=32, nhead=4, dim_feedforward=64, batch_first=True), num_layers=1)
        self.apply(self._init_weights)

    def _init_weights(self, module):
        known = (nn.Dropout, nn.TransformerEncoderLayer, nn.TransformerDecoderLayer, nn.TransformerEncoder, nn.TransformerDecoder, nn.ModuleList)
        if isinstance(module, (nn.Linear, nn.Embedding)):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
        elif isinstance(module, nn.MultiheadAttention):
            pass
        elif isinstance(module, nn.LayerNorm):
            pass
        elif isinstance(module, Net):
            pass
        elif isinstance(module, known):
            pass
        else:
            raise RuntimeError("Unaccounted module " + type(module).__name__)

    def forward(self, x):
        return self.dec(self.encoder(x), x)

model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 29920);
    assert.equal(m.flops, 1048576);
  });

  it("a child is not an instance of an unrelated layer class", async () => {
    const m = await onlyModel(`import torch.nn as nn

# greenlight: input=1x4x8
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn = nn.MultiheadAttention(8, 2, batch_first=True)
        wrong = isinstance(self.attn.out_proj, nn.Conv1d) or isinstance(self.attn.out_proj, nn.ModuleList)
        self.fc = nn.Linear(8, 3 if wrong else 5)

    def forward(self, x):
        return self.fc(self.attn(x, x, x)[0])

model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    // MultiheadAttention(8): 8*24+24 + 8*8+8 = 288; fc 8*5+5 = 45
    assert.equal(m.params, 288 + 45);
  });
});

describe("isinstance with legacy tensor types (src/core/torch/bindings.ts)", () => {
  it("a float32 tensor is a torch.cuda.FloatTensor (the run is on one CUDA GPU), not a CPU torch.FloatTensor", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.wide = nn.Linear(4, 8)

    def forward(self, x):
        if isinstance(x.data, torch.cuda.FloatTensor) and not isinstance(x, torch.FloatTensor) and not isinstance(x, torch.cuda.LongTensor):
            return self.wide(x)
        return self.fc(x)

# greenlight: input=1x4
model = Net()
`);
    assert.deepEqual(m.output, [[1, 8]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});
