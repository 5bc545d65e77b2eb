import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { estimateMemory, kvElementsPerToken, optimizerBytes, weightBytes } from "../../../../src/core/memory/memory-estimate";
import { onlyModel } from "../../helpers/analyze";

const part = (e: ReturnType<typeof estimateMemory>, name: string) => e.parts.find((p) => p.name === name)?.bytes;

const MLP = `
import torch.nn as nn

# greenlight: input=4x64
class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64, 5000)
        self.fc2 = nn.Linear(5000, 10)

    def forward(self, x):
        return self.fc2(self.fc1(x).relu())
`;

describe("estimateMemory", () => {
  it("weights, gradients and Adam state follow the parameters exactly", async () => {
    const m = await onlyModel(MLP);
    const params = 64 * 5000 + 5000 + 5000 * 10 + 10;
    assert.equal(m.params, params);
    const e = estimateMemory(m, { mode: "train", optimizer: "adamw" });
    assert.equal(part(e, "weights"), params * 4);
    assert.equal(part(e, "gradients"), params * 4);
    // exp_avg, exp_avg_sq and a 4-byte step tensor per parameter tensor (4 tensors)
    assert.equal(part(e, "optimizer"), 2 * params * 4 + 4 * 4);
    assert.equal(e.peak_bytes, e.parts.reduce((s, p) => s + p.bytes, 0));
  });

  it("keeps the tensors backward needs: Linear inputs and ReLU's output, each storage once", async () => {
    const m = await onlyModel(MLP);
    // fc1 keeps x (4×64), ReLU keeps its output (4×5000), fc2 keeps the same tensor: 4×64 + 4×5000 floats.
    assert.equal(part(estimateMemory(m, { mode: "train" }), "activations"), (4 * 64 + 4 * 5000) * 4);
    assert.equal(part(estimateMemory(m, { mode: "train", batch: 8 }), "activations"), 2 * (4 * 64 + 4 * 5000) * 4);
  });

  it("SGD, momentum and 8-bit Adam keep what their libraries allocate", () => {
    assert.equal(optimizerBytes([100, 10_000], "sgd", 4).bytes, 0);
    assert.equal(optimizerBytes([100, 10_000], "sgd-momentum", 4).bytes, 10_100 * 4);
    // bitsandbytes: the small tensor keeps fp32 states, the large one uint8 states and an fp32 scale per 256.
    assert.equal(optimizerBytes([100, 10_000], "adam-8bit", 4).bytes, 2 * 4 * 100 + 2 * 10_000 + 2 * 4 * Math.ceil(10_000 / 256));
  });

  it("weights shrink with the storage format and quantized layers stay at one byte", async () => {
    const m = await onlyModel(MLP);
    assert.equal(weightBytes(m, "bf16"), m.params * 2);
    assert.equal(weightBytes(m, "int4"), m.params / 2);
  });

  it("torch.utils.checkpoint keeps only each segment's input and recomputes one segment in backward", async () => {
    const source = (body: string) => `
import torch.nn as nn
from torch.utils.checkpoint import checkpoint

class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(256, 1024)
        self.b = nn.Linear(1024, 256)

    def forward(self, x):
        return self.b(self.a(x).relu())

# greenlight: input=8x256
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([Block() for _ in range(6)])

    def forward(self, x):
        for block in self.blocks:
            x = ${body}
        return x
`;
    const plain = part(estimateMemory(await onlyModel(source("block(x)")), { mode: "train" }), "activations")!;
    const checkpointed = part(estimateMemory(await onlyModel(source("checkpoint(block, x, use_reentrant=False)")), { mode: "train" }), "activations")!;
    // plain: per block x (8×256) and the ReLU output (8×1024); checkpointed: 6 block inputs + one block's tensors.
    assert.equal(plain, 6 * (8 * 256 + 8 * 1024) * 4);
    assert.equal(checkpointed, (6 * 8 * 256 + 8 * 1024) * 4);
    const fixed = part(estimateMemory(await onlyModel(source("block(x)")), { mode: "train", checkpointBlocks: true }), "activations");
    assert.equal(fixed, checkpointed, "the fit finding's checkpointing estimate matches the code that checkpoints");
  });

  it("a custom autograd Function keeps only what forward saved", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn

class Swish(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * torch.sigmoid(x)

# greenlight: input=2x300
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(300, 300)

    def forward(self, x):
        return Swish.apply(self.fc(x))
`);
    // fc keeps x, Swish keeps fc's output; sigmoid's output and the product's operands are not kept.
    assert.equal(part(estimateMemory(m, { mode: "train" }), "activations"), 2 * 2 * 300 * 4);
  });

  it("the KV cache of a llama-style model holds its key/value heads, not the repeated ones", async () => {
    const text = readFileSync(join(__dirname, "../../../fixtures/memory/llama_tiny.py"), "utf8");
    const m = await onlyModel(`${text}\n`, { entry: "TinyLlama()", inputs: [{ shape: [2, 64], dtype: "int64" }] });
    // 4 layers × (k + v) × 2 key/value heads × head_dim 16
    assert.equal(kvElementsPerToken(m), 4 * 2 * 2 * 16);
    const e = estimateMemory(m, { mode: "inference", kvCache: { tokens: 1000, sequences: 3, bytesPerElement: 2 } });
    assert.equal(part(e, "kv_cache"), 4 * 2 * 2 * 16 * 1000 * 3 * 2);
    assert.equal(m.params, 771_200, "tied embedding counted once");
  });
});
