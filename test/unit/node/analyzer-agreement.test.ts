// The contract between the analyzer and the energy model: the analyzer's op list of a real Python file gives the
// same estimate as the hand-written generator of the same network (whose estimate is checked against measured
// joules in calibration.test.ts). If the analyzer changes how it names or records ops, this says so.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyzeSource } from "../../../src/core/analyze";
import { estimateModel } from "../../../src/core/energy/estimate";
import { createPythonParser, type PythonParser } from "../../../src/core/python/parser";
import { diskFiles } from "../../../src/node/disk-files";
import { readParserWasm } from "../../../src/node/wasm";
import { workload } from "../core/energy/workloads";

const networks = path.resolve(__dirname, "../../fixtures/energy/networks");

const CASES: { file: string; entry: string; input: { shape: number[]; dtype: "float32" | "int64" }; workload: string; dtype: "fp32" | "bf16" }[] = [
  { file: "cifar_resnet18.py", entry: "CifarResNet18()", input: { shape: [256, 3, 32, 32], dtype: "float32" }, workload: "cifar-resnet18", dtype: "fp32" },
  { file: "gpt_small.py", entry: "GPT()", input: { shape: [16, 512], dtype: "int64" }, workload: "gpt-small", dtype: "bf16" },
  { file: "bert_encoder.py", entry: "BertEncoder()", input: { shape: [32, 128], dtype: "int64" }, workload: "bert-base-encoder", dtype: "bf16" },
  { file: "gru_classifier.py", entry: "GRUClassifier()", input: { shape: [64, 256, 256], dtype: "float32" }, workload: "gru-512", dtype: "fp32" },
  { file: "lstm_classifier.py", entry: "LSTMClassifier()", input: { shape: [32, 128, 512], dtype: "float32" }, workload: "lstm-2x1024", dtype: "fp32" },
];

describe("analyzer reports → energy estimates", () => {
  let parser: PythonParser;
  before(async () => {
    parser = await createPythonParser(readParserWasm(path.resolve(__dirname, "../../../src/node")));
  });

  for (const c of CASES) {
    it(`${c.file}: the analyzer's ops give the generator's estimate (within 2%)`, () => {
      const file = path.join(networks, c.file);
      const result = analyzeSource(parser, { file, text: fs.readFileSync(file, "utf8"), root: networks, files: diskFiles(), entry: c.entry, inputs: [c.input] });
      assert.equal(result.models.length, 1, `one model (notes: ${result.notes.join("; ")})`);
      const analyzed = result.models[0];
      assert.ok(analyzed.complete, `complete (unresolved: ${analyzed.unresolved.map((u) => u.reason).join("; ")})`);
      const generated = workload(c.workload, c.input.shape[0], "inference");
      const options = { hardware: "h100-sxm", dtype: c.dtype, mode: "inference" } as const;
      const a = estimateModel(analyzed, options);
      const g = estimateModel(generated, options);
      assert.equal(a.flops_per_iter, g.flops_per_iter);
      assert.ok(Math.abs(a.seconds_per_iter / g.seconds_per_iter - 1) <= 0.02, `time ${a.seconds_per_iter} vs ${g.seconds_per_iter}`);
      assert.ok(Math.abs(a.joules_per_iter / g.joules_per_iter - 1) <= 0.02, `energy ${a.joules_per_iter} vs ${g.joules_per_iter}`);
      assert.equal(a.bound, g.bound);
    });
  }
});
