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
});
