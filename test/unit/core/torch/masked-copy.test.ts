import { strict as assert } from "node:assert";
import { onlyModel } from "../../helpers/analyze";

// `x[mask] = y[mask]` (src/core/torch/masked-copy.ts): how many elements a boolean mask of unknown contents selects
// is data, but copying that selection into a masked write keeps x's shape and counts no FLOPs, so a model that does it
// (farthest point sampling keeps each point's distance to the chosen set this way) is complete. Our own fixtures; the
// FLOPs are the one Conv1d's, 2·N·C_in·C_out·L, as torch.utils.flop_counter counts it.

const sampler = (update: string[]) => [
  "import torch",
  "import torch.nn as nn",
  "class Sampler(nn.Module):",
  "    def __init__(self, k=4):",
  "        super().__init__()",
  "        self.k = k",
  "        self.proj = nn.Conv1d(3, 8, 1)",
  "        self.fc = nn.Linear(1, 1)",
  "    def forward(self, xyz):",
  "        b, n, _ = xyz.shape",
  "        best = torch.ones(b, n) * 1e10",
  "        far = torch.zeros(b, dtype=torch.long)",
  "        rows = torch.arange(b)",
  "        picked = torch.zeros(b, self.k, dtype=torch.long)",
  "        for i in range(self.k):",
  "            picked[:, i] = far",
  "            centre = xyz[rows, far, :].view(b, 1, 3)",
  "            dist = torch.sum((xyz - centre) ** 2, -1)",
  "            mask = dist < best",
  ...update.map((l) => `            ${l}`),
  "            far = torch.max(best, -1)[1]",
  "        return self.proj(xyz.transpose(1, 2)), picked",
].join("\n");

describe("masked copies of a data-dependent selection", function () {
  this.timeout(20_000);

  it("best[mask] = dist[mask] keeps best's shape: complete, nothing unresolved", async () => {
    const model = await onlyModel(sampler(["best[mask] = dist[mask]"]), { entry: "Sampler()", inputs: [{ shape: [2, 16, 3], dtype: "float32" }] });
    assert.deepEqual(model.unresolved, []);
    assert.equal(model.complete, true);
    assert.equal(model.flops, 2 * 2 * 3 * 8 * 16);
  });

  it("a mask that is an attribute chain on one side and the target's own mask on the other also counts", async () => {
    const model = await onlyModel(sampler(["self.m = mask", "best[self.m] = dist[mask]"]), { entry: "Sampler()", inputs: [{ shape: [1, 16, 3], dtype: "float32" }] });
    assert.deepEqual(model.unresolved, []);
    assert.equal(model.complete, true);
  });

  it("a selection that feeds a layer stays a gap (its rows are data)", async () => {
    const model = await onlyModel(sampler(["best[mask] = self.fc(dist[mask].unsqueeze(-1)).squeeze(-1)"]), { entry: "Sampler()", inputs: [{ shape: [1, 16, 3], dtype: "float32" }] });
    assert.equal(model.complete, false);
    assert.match(model.unresolved.map((u) => u.reason).join("; "), /boolean mask/);
  });

  it("a selection kept in a name stays a gap", async () => {
    const model = await onlyModel(sampler(["chosen = dist[mask]", "best[mask] = chosen"]), { entry: "Sampler()", inputs: [{ shape: [1, 16, 3], dtype: "float32" }] });
    assert.equal(model.complete, false);
  });

  it("a mask that does not fit the tensor is left to the ordinary path (PyTorch raises there)", async () => {
    const model = await onlyModel(sampler(["wrong = torch.rand(1, 5) > 0.5", "best[wrong] = dist[wrong]"]), { entry: "Sampler()", inputs: [{ shape: [1, 16, 3], dtype: "float32" }] });
    assert.equal(model.complete, false);
  });
});
