import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// torch.linalg's solvers as shapes (src/core/torch/ops/linalg-solvers.ts): a KAN-style layer fits its spline
// coefficients with lstsq as it initialises. Checked against PyTorch 1.13 on the same code (tools/measure/count.py):
// 90 parameters, 2472 FLOPs (aten.mm only), outputs [4, 3] and [4, 7].
describe("torch.linalg solvers (src/core/torch/ops/linalg-solvers.ts)", () => {
  it("lstsq's solution, solve, inv, pinv and det give PyTorch's shapes, and the model around them counts whole", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

# greenlight: input=4x6
class SplineFit(nn.Module):
    def __init__(self, n_in=6, n_basis=5, n_out=3):
        super().__init__()
        A = torch.randn(n_in, 32, n_basis)
        B = torch.randn(n_in, 32, n_out)
        coeff = torch.linalg.lstsq(A, B).solution.permute(2, 0, 1)
        assert coeff.shape == (n_out, n_in, n_basis)
        self.weight = nn.Parameter(coeff.reshape(n_out, -1).contiguous())
        mix = torch.randn(n_out, n_out) + 4 * torch.eye(n_out)
        self.register_buffer("unmix", torch.linalg.inv(mix) @ torch.linalg.solve(mix, torch.eye(n_out)))
        self.register_buffer("proj", torch.linalg.pinv(torch.randn(n_in * n_basis, 7)))
        assert torch.det(mix).shape == () and torch.inverse(mix).shape == (n_out, n_out)

    def forward(self, x):
        basis = x.unsqueeze(-1).expand(-1, -1, 5).reshape(x.shape[0], -1)
        y = nn.functional.linear(basis, self.weight) @ self.unmix
        return y, basis @ self.proj.t()

model = SplineFit()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 90);
    assert.deepEqual(m.output, [[4, 3], [4, 7]]);
    assert.equal(m.flops, 2472);
  });

  it("lstsq with mismatched rows is Python's error, not a guess", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

# greenlight: input=2x3
class Bad(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.linalg.lstsq(torch.randn(5, 3), torch.randn(4, 2)).solution)

    def forward(self, x):
        return x @ self.w

model = Bad()
`);
    assert.equal(m.complete, false);
    assert.match(JSON.stringify(m.unresolved), /lstsq/);
  });
});
