import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// torch.fft as shapes (src/core/torch/ops/fft.ts): a global filter layer (GFNet-style) and a Fourier neural operator's
// spectral truncation. Output shapes checked against PyTorch 1.13 on the same code: [2, 8, 14, 14] and [2, 4, 16].
describe("torch.fft (src/core/torch/ops/fft.ts)", () => {
  it("rfft2 halves the last transformed dimension, irfft2 with s= restores it, and the model around them counts whole", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

# greenlight: input=2x3x14x14
class GlobalFilter(nn.Module):
    def __init__(self, dim=8, h=14, w=8):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(h, w, dim, 2))
        self.proj = nn.Conv2d(3, dim, 1)

    def forward(self, x):
        x = self.proj(x)
        B, C, H, W = x.shape
        y = torch.fft.rfft2(x.permute(0, 2, 3, 1), dim=(1, 2), norm="ortho")
        y = y * torch.view_as_complex(self.weight)
        y = torch.fft.irfft2(y, s=(H, W), dim=(1, 2), norm="ortho")
        return y.permute(0, 3, 1, 2)

model = GlobalFilter()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.output, [[2, 8, 14, 14]]);
    // the 1x1 convolution only: FFTs count no FLOPs under torch.utils.flop_counter
    assert.equal(m.flops, 2 * 2 * 14 * 14 * 8 * 3);
  });

  it("rfft along one dimension keeps n//2+1 points, irfft with n= gives n", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

# greenlight: input=2x16x3
class Spectral(nn.Module):
    def __init__(self, modes=5):
        super().__init__()
        self.modes = modes
        self.lift = nn.Linear(3, 4)

    def forward(self, x):
        x = self.lift(x).transpose(1, 2)
        spectrum = torch.fft.rfft(x)
        kept = spectrum[..., : self.modes]
        assert kept.shape[-1] == min(self.modes, x.shape[-1] // 2 + 1)
        return torch.fft.irfft(kept, n=x.size(-1))

model = Spectral()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.output, [[2, 4, 16]]);
  });
});
