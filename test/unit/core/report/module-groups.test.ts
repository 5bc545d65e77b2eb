import * as assert from "assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { layerKind, modelGroups, type ModuleNode } from "../../../../src/core/report/module-groups";
import { analyze } from "../../helpers/analyze";

const sum = (rows: { params: number; flops: number }[], key: "params" | "flops") => rows.reduce((total, row) => total + row[key], 0);

function count(node: ModuleNode): number {
  return 1 + node.children.reduce((total, child) => total + count(child), 0);
}

describe("grouped views of a model for the report (src/core/report/module-groups.ts)", () => {
  it("a GPT: repeated blocks fold into one row, kinds add up to the model, the tree holds every module once", async () => {
    const text = readFileSync(join(__dirname, "../../../../examples/tiny_gpt.py"), "utf8");
    const result = await analyze(text, { file: "/project/tiny_gpt.py" });
    const gpt = result.models.find((m) => m.name === "TinyGPT")!;
    const { tree, byBlock, byKind } = modelGroups(gpt);
    assert.deepStrictEqual(byBlock.map((row) => row.label), ["tok_emb · Embedding", "pos_emb · Embedding", "blocks.0–3 · 4 × Block", "ln_f · LayerNorm", "head · Linear"]);
    assert.strictEqual(byBlock[2].count, 4);
    assert.strictEqual(sum(byBlock, "flops"), gpt.flops);
    assert.strictEqual(sum(byBlock, "params"), gpt.params, "tied head weights counted once");
    assert.strictEqual(sum(byKind, "flops"), gpt.flops);
    assert.strictEqual(sum(byKind, "params"), gpt.params);
    const kinds = Object.fromEntries(byKind.map((row) => [row.label, row]));
    assert.ok(kinds.attention.flops > 0 && kinds.MLP.flops > kinds.attention.flops / 4, JSON.stringify(byKind));
    assert.ok(kinds.head.flops > 0, "the output projection is the head");
    assert.ok(kinds.embeddings.params > 0);
    assert.strictEqual(count(tree), gpt.layers.length, "every module once");
    assert.strictEqual(tree.children.find((c) => c.name === "blocks")!.flops, sum(tree.children.find((c) => c.name === "blocks")!.children, "flops"), "a list never called carries its members' FLOPs");
  });

  it("a CNN in a Sequential: one row per distinct run of layers, convolutions as a kind", async () => {
    const result = await analyze(
      [
        "import torch.nn as nn",
        "model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.Conv2d(8, 8, 3), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 28 * 28, 10))",
        "model(torch.randn(1, 3, 32, 32))",
      ].join("\n"),
    );
    const model = result.models[0];
    const { byBlock, byKind } = modelGroups(model);
    assert.deepStrictEqual(byBlock.map((row) => row.label), ["0 · Conv2d", "1 · ReLU", "2 · Conv2d", "3 · ReLU", "4 · Flatten", "5 · Linear"]);
    assert.strictEqual(sum(byBlock, "flops"), model.flops);
    assert.strictEqual(byKind[0].label, "convolutions");
  });

  it("kinds: by type first, then by the names of the modules a Linear sits in", () => {
    assert.strictEqual(layerKind("wte", "Embedding", []), "embeddings");
    assert.strictEqual(layerKind("h.0.attn.c_attn", "Linear", [{ name: "h", type: "ModuleList" }, { name: "0", type: "Block" }, { name: "attn", type: "CausalSelfAttention" }]), "attention");
    assert.strictEqual(layerKind("layers.0.mlp.up_proj", "Linear", [{ name: "layers", type: "ModuleList" }, { name: "0", type: "Layer" }, { name: "mlp", type: "Mlp" }]), "MLP");
    assert.strictEqual(layerKind("lm_head", "Linear", []), "head");
    assert.strictEqual(layerKind("features.0", "Conv2d", [{ name: "features", type: "Sequential" }]), "convolutions");
    assert.strictEqual(layerKind("encoder.norm", "LayerNorm", [{ name: "encoder", type: "Encoder" }]), "normalization");
    assert.strictEqual(layerKind("proj", "Linear", [{ name: "block", type: "Block" }, { name: "x", type: "Mixer" }]), "other");
  });
  it("blocks: a Sequential of distinct layers is one row, peers of one type stay whole, the root's own weights get a row", async () => {
    const result = await analyze(
      [
        "import torch",
        "import torch.nn as nn",
        "class Res(nn.Module):",
        "    def __init__(self, c):",
        "        super().__init__()",
        "        self.conv = nn.Sequential(nn.Conv2d(c, c, 3, padding=1), nn.BatchNorm2d(c), nn.GELU())",
        "    def forward(self, x):",
        "        return x + self.conv(x)",
        "class Up(nn.Module):",
        "    def __init__(self, c):",
        "        super().__init__()",
        "        self.model = nn.Sequential(nn.Conv2d(c, c, 1), Res(c), Res(c))",
        "    def forward(self, x):",
        "        return self.model(x)",
        "class Net(nn.Module):",
        "    def __init__(self):",
        "        super().__init__()",
        "        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU())",
        "        self.up1 = Up(8)",
        "        self.up2 = Up(8)",
        "        self.gate = nn.Parameter(torch.zeros(8, 4))",
        "        self.extra = nn.ModuleDict({'1': nn.Embedding(10, 8), '3': nn.Embedding(10, 8)})",
        "    def forward(self, x):",
        "        return self.up2(self.up1(self.stem(x)))",
        "model = Net()",
        "model(torch.randn(1, 3, 16, 16))",
      ].join("\n"),
    );
    const model = result.models[0];
    const { byBlock } = modelGroups(model);
    assert.deepStrictEqual(byBlock.map((row) => row.label), ["stem · Sequential", "up1 · Up", "up2 · Up", "extra.1, 3 · 2 × Embedding", "Net own parameters (outside submodules)"]);
    assert.strictEqual(byBlock[4].params, 32, "the root's nn.Parameter");
    assert.strictEqual(sum(byBlock, "params"), model.params);
    assert.strictEqual(sum(byBlock, "flops"), model.flops);
  });

  it("kinds: a state-space mixer is not attention, a head's inner layers are the head, torch's Transformer layer's Linears are its MLP", () => {
    const mamba = [{ name: "layers", type: "ModuleList" }, { name: "0", type: "ResidualBlock" }, { name: "mixer", type: "MambaBlock" }];
    assert.strictEqual(layerKind("layers.0.mixer.out_proj", "Linear", mamba), "state-space");
    assert.strictEqual(layerKind("layers.0.mixer.conv1d", "Conv1d", mamba), "state-space");
    assert.strictEqual(layerKind("layers.0.mixer.norm", "RMSNorm", mamba), "normalization");
    const hybrid = [{ name: "stage", type: "MambaVisionLayer" }, { name: "attn", type: "Attention" }];
    assert.strictEqual(layerKind("stage.attn.qkv", "Linear", hybrid), "attention", "the innermost mixer decides");
    assert.strictEqual(layerKind("lm_head.decoder", "Linear", [{ name: "lm_head", type: "GPT2LMHead" }]), "head");
    assert.strictEqual(layerKind("classifier.fc1", "Linear", [{ name: "classifier", type: "Classifier" }]), "head", "not MLP for its fc1 name");
    const torchLayer = [{ name: "encoder", type: "TransformerEncoder" }, { name: "layers", type: "ModuleList" }, { name: "0", type: "TransformerEncoderLayer" }];
    assert.strictEqual(layerKind("encoder.layers.0.linear1", "Linear", torchLayer), "MLP");
    assert.strictEqual(layerKind("mid.attn.proj_q", "Conv2d", [{ name: "mid", type: "Sequential" }, { name: "attn", type: "AttnBlock" }]), "attention", "a diffusion U-Net's 1x1 q/k/v");
    assert.strictEqual(layerKind("blocks.1.qkv", "Conv1d", [{ name: "blocks", type: "ModuleList" }, { name: "1", type: "AttentionBlock" }]), "attention");
    assert.strictEqual(layerKind("down.0.conv", "Conv2d", [{ name: "down", type: "ModuleList" }, { name: "0", type: "ResBlock" }]), "convolutions");
    assert.strictEqual(layerKind("inc.conv", "Conv2d", [{ name: "inc", type: "AttentionUNet" }]), "convolutions", "a network named after attention is not an attention block");
    assert.strictEqual(layerKind("time_embed.0", "Linear", [{ name: "time_embed", type: "Sequential" }]), "embeddings", "a timestep's projection");
    assert.strictEqual(layerKind("input_blocks.1.0.emb_layers.1", "Linear", [{ name: "input_blocks", type: "ModuleList" }, { name: "1", type: "TimestepEmbedSequential" }, { name: "0", type: "ResBlock" }, { name: "emb_layers", type: "Sequential" }]), "embeddings");
    assert.strictEqual(layerKind("blocks.0.member_proj", "Linear", [{ name: "blocks", type: "ModuleList" }, { name: "0", type: "Block" }]), "other", "a word that only contains 'emb'");
    assert.strictEqual(layerKind("encoder.layers.0.self_attn.out_proj", "NonDynamicallyQuantizableLinear", [...torchLayer, { name: "self_attn", type: "MultiheadAttention" }]), "attention");
  });

  it("kinds: an unnamed top-level Linear is the head only as the model's last layer with weights", async () => {
    assert.strictEqual(layerKind("to_logits", "Linear", [], { lastAtTop: true }), "head");
    assert.strictEqual(layerKind("in_proj", "Linear", [], { lastAtTop: false }), "other");
    const result = await analyze(
      [
        "import torch",
        "import torch.nn as nn",
        "class Enc(nn.Module):",
        "    def __init__(self):",
        "        super().__init__()",
        "        self.in_proj = nn.Linear(16, 32)",
        "        self.body = nn.LSTM(32, 32, batch_first=True)",
        "        self.to_out = nn.Linear(32, 5)",
        "    def forward(self, x):",
        "        return self.to_out(self.body(self.in_proj(x))[0])",
        "model = Enc()",
        "model(torch.randn(1, 7, 16))",
      ].join("\n"),
    );
    const kinds = Object.fromEntries(modelGroups(result.models[0]).byKind.map((row) => [row.label, row.params]));
    assert.strictEqual(kinds.head, 32 * 5 + 5);
    assert.strictEqual(kinds.other, 16 * 32 + 32);
  });
});
