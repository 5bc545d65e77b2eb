import * as assert from "assert";
import type { AnalysisResult } from "../../../src/core/analyze";
import type { LayerReport, ModelReport, OpRecord } from "../../../src/core/report/model-report";
import { figuresAtLine, modelAtLine, modelsInFile, shapesByLine } from "../../../src/vscode/model-lookup";

const FILE = "/ws/net.py";

function layer(path: string, line: number, params: number, flops: number, output: number[] | null): LayerReport {
  return { path, type: "Conv2d", file: FILE, line, params, flops, output, calls: 1, leaf: true, activationElements: 0 };
}

function op(line: number, flops: number, outputShape: number[] | null, modulePath = ""): OpRecord {
  return { op: "aten.x", flops, outputElements: 0, outputShape, weightElements: 0, modulePath, file: FILE, line };
}

function model(name: string, line: number, layers: LayerReport[], ops: OpRecord[], file = FILE): ModelReport {
  return {
    name, file, line, entry: `${name}()`, inputs: [], inputSource: "default", output: [], params: 100, trainableParams: 100, buffers: 0,
    macs: 50, flops: 100, complete: true, coverage: { layersKnown: 1, layersTotal: 1, flopsKnown: 100, flopsEstimatedMissing: 0, flopsShare: 1 }, unresolved: [], layers, ops, lineShapes: [],
  };
}

function result(models: ModelReport[]): AnalysisResult {
  return { file: FILE, models, syntaxErrors: [], notes: [] };
}

describe("model lookup for the editor surfaces (src/vscode/model-lookup.ts)", () => {
  const a = model("A", 10, [layer("conv", 12, 40, 60, [1, 8, 4, 4])], [op(15, 60, [1, 8, 4, 4], "conv"), op(15, 0, [1, 8, 2, 2]), op(16, 40, [1, 10])]);
  const b = model("B", 30, [layer("fc", 32, 60, 40, [1, 10])], [op(16, 7, [9, 9])]);
  const elsewhere = model("C", 1, [], [], "/ws/other.py");
  const analysis = result([b, elsewhere, a]);

  it("lists this file's models in source order", () => {
    assert.deepStrictEqual(modelsInFile(analysis, FILE).map((m) => m.name), ["A", "B"]);
  });

  it("finds the model a line belongs to, else the nearest above", () => {
    assert.strictEqual(modelAtLine(analysis, FILE, 12)?.name, "A");
    assert.strictEqual(modelAtLine(analysis, FILE, 32)?.name, "B");
    assert.strictEqual(modelAtLine(analysis, FILE, 40)?.name, "B");
    assert.strictEqual(modelAtLine(analysis, FILE, 20)?.name, "A");
  });

  it("a forward line's shape is its last op's output, and the first model that ran the line wins", () => {
    const shapes = shapesByLine(result([a, b]), FILE);
    assert.deepStrictEqual(shapes.get(15), [1, 8, 2, 2]);
    assert.deepStrictEqual(shapes.get(16), [1, 10]);
    assert.strictEqual(shapes.has(12), false);
  });

  it("figures of a construction line come from its layer; of a forward line from its ops", () => {
    const construction = figuresAtLine(analysis, FILE, 12)!;
    assert.strictEqual(construction.model.name, "A");
    assert.strictEqual(construction.flops, 60);
    assert.deepStrictEqual(construction.outputShape, [1, 8, 4, 4]);
    const forward = figuresAtLine(result([a]), FILE, 15)!;
    assert.strictEqual(forward.flops, 60);
    assert.deepStrictEqual(forward.outputShape, [1, 8, 2, 2]);
    assert.strictEqual(figuresAtLine(analysis, FILE, 3), undefined);
  });
});

describe("line figures of a real transformer (ModuleList of blocks, tied weights)", () => {
  it("a line that builds a list and its blocks counts them once: no share above 100% on any line", async () => {
    const { analyze } = await import("../helpers/analyze");
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const text = readFileSync(join(__dirname, "../../../examples/tiny_gpt.py"), "utf8");
    const analysis = await analyze(text, { file: "/project/tiny_gpt.py" });
    const gpt = analysis.models.find((m) => m.name === "TinyGPT")!;
    const lines = text.split("\n");
    const blocksLine = lines.findIndex((line) => line.includes("nn.ModuleList")) + 1;
    const figures = figuresAtLine(analysis, "/project/tiny_gpt.py", blocksLine)!;
    assert.deepStrictEqual(figures.layers.map((layer) => layer.path), ["blocks"], "the list, not the list and each block");
    const listParams = figures.layers[0].params;
    assert.ok(listParams > 0 && listParams < gpt.params, `${listParams} of ${gpt.params}`);
    for (let line = 1; line <= lines.length; line++) {
      const at = figuresAtLine(analysis, "/project/tiny_gpt.py", line);
      if (!at || at.model !== gpt) continue;
      const params = at.layers.reduce((sum, layer) => sum + layer.params, 0);
      assert.ok(params <= gpt.params, `line ${line}: ${params} params of ${gpt.params}`);
      assert.ok(at.flops <= gpt.flops, `line ${line}: ${at.flops} FLOPs of ${gpt.flops}`);
    }
  });
});
