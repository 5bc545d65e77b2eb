import { strict as assert } from "node:assert";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { analyze } from "../../helpers/analyze";
import type { InputSpec } from "../../../../src/core/report/model-report";

// A model library written for these tests (test/fixtures/realworld/zoolib) in the style of timm and Hugging Face:
// a registry filled by a decorator, factories passing **kwargs through helpers, a dataclass config with
// default_factory, NamedTuple stage settings, a plain config class in another file, partial norm layers,
// getattr(nn, name), mixins, Sequential/ModuleList subclasses, nn.TransformerEncoderLayer subclass, dense and
// shuffle blocks, rotary and sinusoidal positions, GQA with repeat_interleave/expand, explicit and einsum attention,
// SDPA, x[:, [-1], :]. The truth was measured with PyTorch (measure_fixtures.py, on the GPU machine).
const fixtures = join(__dirname, "../../../fixtures/realworld");
const truth = JSON.parse(readFileSync(join(fixtures, "zoolib-truth.json"), "utf8")) as { models: Record<string, { params: number; flops: number; output: number[] }> };
const entries = JSON.parse(readFileSync(join(fixtures, "zoolib_entries.json"), "utf8")) as { entry: string; inputs: (number | string)[][] }[];

function packageFiles(dir: string, into: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) packageFiles(path, into);
    else if (name.endsWith(".py")) into[`/project/${relative(fixtures, path).split("\\").join("/")}`] = readFileSync(path, "utf8");
  }
  return into;
}

function inputSpec(shape: (number | string)[]): InputSpec {
  const dtype = shape[shape.length - 1] === "int64" ? "int64" : "float32";
  return { shape: shape.filter((d): d is number => typeof d === "number"), dtype };
}

describe("real-world library patterns (zoolib fixture against PyTorch)", function () {
  this.timeout(30_000);
  const others = packageFiles(join(fixtures, "zoolib"));

  for (const e of entries) {
    it(`${e.entry}: params, FLOPs and output equal PyTorch's`, async () => {
      const want = truth.models[e.entry];
      const result = await analyze("from zoolib import create_model\n", { others, entry: e.entry, inputs: e.inputs.map(inputSpec) });
      const model = result.models[0];
      assert.deepEqual(model.unresolved, []);
      assert.equal(model.params, want.params);
      assert.equal(model.flops, want.flops);
      assert.deepEqual(model.output, [want.output]);
    });
  }

  it("a registry decorator stores builders by __name__ and returns them unchanged", async () => {
    const result = await analyze("from zoolib import list_models, effnet_small\nNAMES = list_models()\n", { others, entry: "effnet_small(num_classes=7)", inputs: [inputSpec([1, 3, 32, 32])] });
    assert.deepEqual(result.models[0].output, [[1, 7]]);
  });

  it("a config class's extra keyword arguments become attributes (setattr in __init__)", async () => {
    const text = [
      "import torch.nn as nn",
      "from zoolib.config import GPTConfig",
      "class Head(nn.Module):",
      "    def __init__(self, config):",
      "        super().__init__()",
      "        self.proj = nn.Linear(config.n_embd, config.num_labels)",
      "    def forward(self, x):",
      "        return self.proj(x)",
    ].join("\n");
    const result = await analyze(text, { others, entry: "Head(GPTConfig(n_embd=10, num_labels=3))", inputs: [inputSpec([1, 10])] });
    assert.equal(result.models[0].params, 10 * 3 + 3);
  });
});
