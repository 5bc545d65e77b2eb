import * as assert from "assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../helpers/analyze";

describe("a model's report from its run (src/core/report/build-report.ts)", () => {
  it("a tied weight is counted once, at its first module, and noted where else it is held", async () => {
    const text = readFileSync(join(__dirname, "../../../../examples/tiny_gpt.py"), "utf8");
    const gpt = (await analyze(text, { file: "/project/tiny_gpt.py" })).models.find((m) => m.name === "TinyGPT")!;
    const layer = (path: string) => gpt.layers.find((l) => l.path === path)!;
    const embedding = layer("tok_emb");
    assert.strictEqual(layer("head").params, 0, "counted at tok_emb");
    assert.strictEqual(layer("head").tiedParams, embedding.params, "PyTorch's head.parameters() holds it");
    assert.strictEqual(layer("head").tiedTo, "tok_emb");
    assert.strictEqual(embedding.tiedParams, undefined);
    assert.strictEqual(layer("").tiedParams, undefined, "the model holds its owner too");
  });

  it("a tie inside a head module is noted on the layer and on the module holding it, once each", async () => {
    const result = await analyze(
      [
        "import torch",
        "import torch.nn as nn",
        "class Head(nn.Module):",
        "    def __init__(self, weight):",
        "        super().__init__()",
        "        self.decoder = nn.Linear(16, 50, bias=False)",
        "        self.decoder.weight = weight",
        "        self.again = self.decoder.weight",
        "    def forward(self, x):",
        "        return self.decoder(x)",
        "class LM(nn.Module):",
        "    def __init__(self):",
        "        super().__init__()",
        "        self.wte = nn.Embedding(50, 16)",
        "        self.lm_head = Head(self.wte.weight)",
        "    def forward(self, ids):",
        "        return self.lm_head(self.wte(ids))",
        "model = LM()",
        "model(torch.zeros(1, 4, dtype=torch.long))",
      ].join("\n"),
    );
    const lm = result.models[0];
    const layer = (path: string) => lm.layers.find((l) => l.path === path)!;
    assert.strictEqual(lm.params, 50 * 16);
    assert.deepStrictEqual([layer("lm_head").params, layer("lm_head").tiedParams, layer("lm_head").tiedTo], [0, 50 * 16, "wte"]);
    assert.deepStrictEqual([layer("lm_head.decoder").params, layer("lm_head.decoder").tiedParams], [0, 50 * 16]);
  });
});
