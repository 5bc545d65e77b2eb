import { strict as assert } from "node:assert";
import { onlyModel } from "../../helpers/analyze";
import { evenShare } from "../../../../src/core/torch/routing";

// Mixture-of-experts routing (src/core/torch/routing.ts): every token picks k of E experts, so the experts see N·k
// rows in all, spread evenly. Each fixture is our own small code in one of the idioms sparse-MoE layers use; every
// figure is worked out by hand with flop_counter's matmul formula (2·m·k·n), and matches what PyTorch counts on any
// input: routing moves rows between experts of equal shapes, never changes their total (the four layers below, run
// in PyTorch 1.13 by tools/measure/count.py with seeds 0 and 1, gave these figures exactly).

const H = 8; // hidden size
const F = 16; // expert hidden size
const E = 4; // experts
const K = 2; // picks per token

/** The router and the experts of one MoE block over `tokens` rows: the routed rows through two Linear layers. */
const moeFlops = (tokens: number, experts = E, k = K) => 2 * tokens * H * experts + tokens * k * (2 * H * F + 2 * F * H);
const moeParams = (experts = E) => H * experts + experts * (H * F + F + F * H + H);

const header = [
  "import torch",
  "import torch.nn as nn",
  "import torch.nn.functional as F",
  "class Expert(nn.Module):",
  `    def __init__(self):`,
  "        super().__init__()",
  `        self.up = nn.Linear(${H}, ${F})`,
  `        self.down = nn.Linear(${F}, ${H})`,
  "    def forward(self, x):",
  "        return self.down(F.gelu(self.up(x)))",
];

function moe(init: string[], forward: string[]): string {
  return [
    ...header,
    "class MoE(nn.Module):",
    `    def __init__(self, experts=${E}, k=${K}):`,
    "        super().__init__()",
    "        self.num_experts, self.top_k = experts, k",
    `        self.gate = nn.Linear(${H}, experts, bias=False)`,
    "        self.experts = nn.ModuleList([Expert() for _ in range(experts)])",
    ...init.map((l) => `        ${l}`),
    "    def forward(self, x):",
    ...forward.map((l) => `        ${l}`),
  ].join("\n");
}

describe("mixture-of-experts routing", function () {
  this.timeout(20_000);

  it("even shares sum to the picks exactly, and differ by at most one", () => {
    for (const [picks, experts] of [[256, 4], [7, 3], [3, 8], [64, 16], [0, 5]]) {
      const shares = Array.from({ length: experts }, (_, e) => evenShare(e, picks, experts));
      assert.equal(shares.reduce((a, b) => a + b, 0), picks);
      assert.ok(Math.max(...shares) - Math.min(...shares) <= 1);
    }
    assert.equal(evenShare(4, 10, 4), 0, "an index past the experts gets nothing");
  });

  it("one_hot -> permute -> torch.where(mask[e]) over every expert, index_add_ back (Mixtral/Jamba style)", async () => {
    const model = await onlyModel(moe([], [
      "b, t, h = x.shape",
      "x = x.view(-1, h)",
      "weights = F.softmax(self.gate(x), dim=1, dtype=torch.float)",
      "weights, selected = torch.topk(weights, self.top_k, dim=-1)",
      "out = torch.zeros((b * t, h), dtype=x.dtype)",
      "mask = F.one_hot(selected, num_classes=self.num_experts).permute(2, 1, 0)",
      "for i in range(self.num_experts):",
      "    idx, top_x = torch.where(mask[i])",
      "    if top_x.shape[0] == 0:",
      "        continue",
      "    y = self.experts[i](x[None, top_x.tolist()].reshape(-1, h)) * weights[top_x.tolist(), idx.tolist(), None]",
      "    out.index_add_(0, top_x, y)",
      "return out.reshape(b, t, h)",
    ]), { entry: "MoE()", inputs: [{ shape: [2, 10, H], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, moeParams());
    assert.equal(model.flops, moeFlops(20));
    assert.match(model.assumptions?.[0]?.text ?? "", /40 picks over 4 experts/);
  });

  it("experts hit: greater(mask.sum(dims), 0).nonzero() loops over the experts that get rows (fewer picks than experts)", async () => {
    const model = await onlyModel(moe([], [
      "x = x.reshape(-1, x.shape[-1])",
      "_, top_k_index = torch.topk(F.softmax(self.gate(x), dim=-1), self.top_k, dim=-1)",
      "out = torch.zeros_like(x)",
      "with torch.no_grad():",
      "    mask = F.one_hot(top_k_index, num_classes=self.num_experts).permute(2, 1, 0)",
      "    hit = torch.greater(mask.sum(dim=(-1, -2)), 0).nonzero()",
      "for e in hit:",
      "    e = e[0]",
      "    if e == self.num_experts:",
      "        continue",
      "    pos, tok = torch.where(mask[e])",
      "    out.index_add_(0, tok, self.experts[e](x[tok]))",
      "return out",
    ]), { entry: "MoE(experts=8, k=2)", inputs: [{ shape: [1, 3, H], dtype: "float32" }] });
    // 3 tokens x 2 picks = 6 picks over 8 experts: six experts get one row each, two get none
    assert.deepEqual(model.unresolved, []);
    assert.equal(model.complete, true);
    assert.equal(model.flops, moeFlops(3, 8, 2));
  });

  it("picks compared with an expert index, counted with bincount (DeepSeek style), and a boolean mask index", async () => {
    const model = await onlyModel(moe([], [
      "x = x.view(-1, x.shape[-1])",
      "weights, indices = torch.topk(self.gate(x).softmax(dim=-1), self.top_k, dim=-1)",
      "y = torch.zeros_like(x)",
      "counts = torch.bincount(indices.flatten(), minlength=self.num_experts).tolist()",
      "for i in range(self.num_experts):",
      "    if counts[i] == 0:",
      "        continue",
      "    idx, top = torch.where(indices == i)",
      "    y[idx] += self.experts[i](x[idx]) * weights[idx, top, None]",
      "return y",
    ]), { entry: "MoE()", inputs: [{ shape: [1, 6, H], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.flops, moeFlops(6));
  });

  it("top-1 routing by argmax, one_hot, a boolean mask per expert (Switch style)", async () => {
    const model = await onlyModel(moe([], [
      "probs = F.softmax(self.gate(x), dim=-1)",
      "route = F.one_hot(torch.argmax(probs, dim=-1), num_classes=self.num_experts)",
      "out = x.clone()",
      "for i, expert in enumerate(self.experts):",
      "    rows = route[:, :, i].bool()",
      "    out[rows] = expert(x[rows]).to(out.dtype)",
      "return out",
    ]), { entry: "MoE(k=1)", inputs: [{ shape: [2, 5, H], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.flops, moeFlops(10, E, 1));
  });

  it("grouped experts: picks sorted, histc offsets, F.grouped_mm over all N·k rows (transformers' default path)", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "import torch.nn.functional as F",
      "class Grouped(nn.Module):",
      "    def __init__(self, experts=4, k=2):",
      "        super().__init__()",
      "        self.num_experts, self.top_k = experts, k",
      `        self.gate = nn.Linear(${H}, experts, bias=False)`,
      `        self.up = nn.Parameter(torch.empty(experts, ${H}, ${F}))`,
      `        self.down = nn.Parameter(torch.empty(experts, ${F}, ${H}))`,
      "    def forward(self, x):",
      "        x = x.reshape(-1, x.shape[-1])",
      "        w, idx = torch.topk(self.gate(x).softmax(-1), self.top_k, dim=-1)",
      "        ids, perm = torch.sort(idx.reshape(-1))",
      "        rows = x[perm // self.top_k]",
      "        counts = torch.histc(ids.float(), bins=self.num_experts, min=0, max=self.num_experts - 1)",
      "        offs = torch.cumsum(counts, dim=0, dtype=torch.int32)",
      "        h = F.gelu(F.grouped_mm(rows, self.up, offs=offs))",
      "        out = torch._grouped_mm(h, self.down, offs)",
      "        return out.view(x.shape[0], self.top_k, -1).sum(dim=1)",
    ].join("\n"), { entry: "Grouped()", inputs: [{ shape: [1, 6, H], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, H * E + 2 * E * H * F);
    // router 2·6·8·4, then 12 routed rows through [8 -> 16] and [16 -> 8]
    assert.equal(model.flops, 2 * 6 * H * E + 2 * 12 * H * F * 2);
    assert.deepEqual(model.output, [[6, H]]);
  });

  it("a mask of unknown contents that no router made stays data-dependent, and nothing is assumed", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(4, 4)",
      "    def forward(self, x):",
      "        keep = (x > 0).nonzero()",
      "        return self.fc(x[keep[:, 0]])",
    ].join("\n"), { inputs: [{ shape: [6, 4], dtype: "float32" }] });
    assert.equal(model.complete, false);
    assert.match(model.unresolved[0]?.reason ?? "", /data-dependent/);
    assert.equal(model.assumptions, undefined);
  });
});
