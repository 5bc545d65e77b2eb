import assert from "node:assert/strict";
import { applyEdits } from "../../../../src/core/rules/apply-edits";
import { layerActionsOf } from "../../../../src/core/rules/rules";
import { submoduleExpression } from "../../../../src/core/rules/layer-actions";
import type { LayerAction } from "../../../../src/core/rules/types";
import { analyze, testParser } from "../../helpers/analyze";
import { FILE, findingsOf, hasSyntaxError, ofRule } from "./helpers";

// Issue 21: code actions on a layer's own line, "Quantize this layer" / "Prune this layer", valid where the script
// runs the model (the rules' reading of its device), inserted where the model is ready.

async function actionsOf(text: string): Promise<LayerAction[]> {
  const analysis = await analyze(text, { file: FILE });
  const tree = (await testParser()).parse(text);
  try {
    return layerActionsOf({ file: FILE, text, tree, analysis });
  } finally {
    tree.delete();
  }
}

const net = (device: string, tail = "") => `import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.fc1 = nn.Linear(8 * 30 * 30, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        x = torch.relu(self.conv(x)).flatten(1)
        return self.fc2(torch.relu(self.fc1(x)))


model = Net()${device}
model.eval()
with torch.no_grad():
    y = model(torch.randn(1, 3, 32, 32)${device})
${tail}`;

const on = (actions: LayerAction[], line: number) => actions.find((a) => a.line === line);

describe("layer actions (src/core/rules/layer-actions.ts)", () => {
  it("on a CPU script: a Linear's line offers torch.ao dynamic int8 of that layer alone, and pruning", async () => {
    const text = net("");
    const fc1 = on(await actionsOf(text), 9)!;
    assert.equal(fc1.layer, "fc1");
    assert.deepEqual(fc1.fixes.map((f) => f.kind), ["quantize-layer", "prune-layer"]);
    const quantized = applyEdits(text, fc1.fixes[0].edits);
    assert.equal(await hasSyntaxError(quantized), false);
    assert.match(quantized, /\nmodel = Net\(\)\n# Greenlight: int8 dynamic quantization of fc1 \(CPU inference\)\.\nmodel = torch\.ao\.quantization\.quantize_dynamic\(model, \{"fc1"\}, dtype=torch\.qint8\)\n/);
    // Re-analysed, only that layer is int8, and its line no longer offers the quantization.
    const model = (await analyze(quantized, { file: FILE })).models.find((m) => m.name === "Net")!;
    assert.deepEqual(model.layers.filter((l) => l.precision === "int8").map((l) => l.path), ["fc1"]);
    // GL001's whole-model fix still applies to the layers left in fp32.
    assert.ok(ofRule(await findingsOf(quantized), "GL001")[0].fixes.some((f) => f.kind === "dynamic-int8"));
    const again = on(await actionsOf(quantized), 9)!;
    assert.deepEqual(again.fixes.map((f) => f.kind), ["prune-layer"]);
    assert.deepEqual(on(await actionsOf(quantized), 10)!.fixes.map((f) => f.kind), ["quantize-layer", "prune-layer"]);
  });

  it("on a CUDA script: torchao weight-only int8 filtered to that layer; a convolution gets pruning only", async () => {
    const text = net(".cuda()");
    const actions = await actionsOf(text);
    const fc2 = on(actions, 10)!;
    const quantized = applyEdits(text, fc2.fixes[0].edits);
    assert.match(quantized, /^from torchao\.quantization import Int8WeightOnlyConfig, quantize_$/m);
    assert.match(quantized, /\nquantize_\(model, Int8WeightOnlyConfig\(\), filter_fn=lambda module, fqn: fqn == "fc2"\)\n/);
    assert.equal(await hasSyntaxError(quantized), false);
    const model = (await analyze(quantized, { file: FILE })).models.find((m) => m.name === "Net")!;
    assert.deepEqual(model.layers.filter((l) => l.precision === "int8").map((l) => l.path), ["fc2"]);
    assert.deepEqual(on(actions, 8)!.fixes.map((f) => f.kind), ["prune-layer"]);
  });

  it("pruning: the layer's weight, made permanent, with the import it needs; applied, it is not offered again", async () => {
    const text = net("");
    const conv = on(await actionsOf(text), 8)!;
    const pruned = applyEdits(text, conv.fixes[0].edits);
    assert.match(pruned, /^import torch\.nn\.utils\.prune as prune$/m);
    assert.match(pruned, /\nprune\.l1_unstructured\(model\.conv, name="weight", amount=0\.3\)\nprune\.remove\(model\.conv, "weight"\)\n/);
    assert.equal(await hasSyntaxError(pruned), false);
    assert.equal(on(await actionsOf(pruned), 8), undefined);
  });

  it("a model trained in the file gets none (quantizing before training would break it); nor a line building a list", async () => {
    const trained = net("", "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\nmodel.train()\nloss = model(torch.randn(1, 3, 32, 32)).sum()\nloss.backward()\n");
    assert.deepEqual(await actionsOf(trained), []);
    const list = `import torch
import torch.nn as nn


class Deep(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(16, 16) for _ in range(3)])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


model = Deep().eval()
y = model(torch.randn(1, 16))
`;
    assert.deepEqual(await actionsOf(list), []);
  });

  it("reaches nested and indexed submodules by Python's attribute and item syntax", () => {
    assert.equal(submoduleExpression("model", "blocks.0.attn.proj"), "model.blocks[0].attn.proj");
    assert.equal(submoduleExpression("net", "0"), "net[0]");
  });
});
