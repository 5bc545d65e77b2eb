import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { estimateGeneration, isLanguageModel, rescaleForTokens } from "../../../../src/core/generation/generation-estimate";
import { parseGeneratePragma, resolveGeneration } from "../../../../src/core/generation/generation-plan";
import { analyze } from "../../helpers/analyze";

const fixture = (name: string) => readFileSync(join(__dirname, "../../../fixtures/generation", name), "utf8");

describe("generation", () => {
  it("reads a sampling loop's call: new tokens from the range, prompt and batch from the tensor it appends to", async () => {
    const r = await analyze(fixture("sampling_loop.py"));
    assert.equal(r.generations?.length, 1);
    const g = r.generations![0];
    assert.equal(g.kind, "loop");
    assert.deepEqual([g.newTokens?.value, g.promptTokens?.value, g.batch?.value], [100, 32, 4]);
    assert.equal(g.newTokens?.source, "code");
  });

  it("reads transformers' generate(): max_new_tokens, num_beams, the prompt's shape, and bf16 weights", async () => {
    const r = await analyze(fixture("hf_generate.py"));
    const g = r.generations?.find((p) => p.kind === "generate");
    assert.ok(g, JSON.stringify(r.generations));
    assert.deepEqual([g.newTokens?.value, g.beams?.value, g.promptTokens?.value, g.batch?.value], [64, 2, 48, 2]);
    assert.equal(r.runSetup?.weights?.format, "bf16");
  });

  it("an empty prompt (a tokenizer stand-in's encode giving no ids) leaves the prompt's length to the defaults", async () => {
    const r = await analyze(fixture("sampling_loop.py").replace("torch.zeros((4, 32), dtype=torch.long)", "torch.tensor([[]], dtype=torch.long)"));
    const g = r.generations![0];
    assert.deepEqual([g.promptTokens, g.newTokens?.value], [undefined, 100]);
    const resolved = resolveGeneration(g, r.models[0].inputs[0].shape);
    const e = estimateGeneration(r.models[0], { promptTokens: resolved.promptTokens.value, newTokens: resolved.newTokens.value, batch: resolved.batch.value, beams: resolved.beams.value }, { hardware: "h100-sxm", dtype: "bf16" });
    assert.ok(e.joules > 0);
    assert.deepEqual(resolveGeneration(g, [1, 0]).promptTokens, { value: 1, source: "default" }, "an input of no tokens is no prompt length");
  });

  it("parses the generate pragma and rejects bad settings", () => {
    const p = parseGeneratePragma("# greenlight: generate prompt=512 new=256 batch=8", 3);
    assert.deepEqual([p?.promptTokens?.value, p?.newTokens?.value, p?.batch?.value, p?.beams], [512, 256, 8, undefined]);
    assert.throws(() => parseGeneratePragma("# greenlight: generate prompt=0", 1), /positive whole numbers/);
    assert.throws(() => parseGeneratePragma("# greenlight: generate tokens=5", 1), /bad generate setting 'tokens=5'/);
    assert.equal(parseGeneratePragma("# greenlight: input=1x3", 1), undefined);
  });

  it("a pragma in the file is a generation plan; a bad one is a note, not a crash", async () => {
    const model = `import torch.nn as nn\n# greenlight: input=1x16:int64\nclass LM(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.e = nn.Embedding(10, 8)\n    def forward(self, x):\n        return self.e(x)\n`;
    const ok = await analyze(`# greenlight: generate prompt=100 new=20\n${model}`);
    assert.equal(ok.generations?.[0].kind, "pragma");
    const bad = await analyze(`# greenlight: generate prompt=-1\n${model}`);
    assert.equal(bad.generations, undefined);
    assert.ok(bad.notes.some((n) => /line 1: bad generate setting/.test(n)), bad.notes.join("; "));
  });

  it("prefill grows with the prompt, decode FLOPs per step with the context, and decode is not compute-bound", async () => {
    const r = await analyze(fixture("sampling_loop.py"));
    const m = r.models[0];
    assert.ok(isLanguageModel(m));
    // Weight FLOPs per token are fixed: one token at context c costs the forward's weight FLOPs / tokens plus attention ∝ c.
    const short = rescaleForTokens(m, 1, 1, 100).flops;
    const long = rescaleForTokens(m, 1, 1, 1000).flops;
    assert.ok(long > short);
    const resolved = resolveGeneration(r.generations![0], m.inputs[0].shape);
    const e = estimateGeneration(m, { promptTokens: resolved.promptTokens.value, newTokens: resolved.newTokens.value, batch: resolved.batch.value, beams: 1 }, { hardware: "h100-sxm", dtype: "bf16" });
    assert.equal(e.generated_tokens, 4 * 100);
    assert.ok(Math.abs(e.seconds - (e.prefill.seconds + 99 * e.decode.seconds_per_step)) < 1e-12);
    assert.ok(Math.abs(e.joules_per_1k_tokens - (e.joules / 400) * 1000) < 1e-9);
    assert.notEqual(e.decode.bound, "compute");
    assert.ok(e.decode.kv_read_bytes_per_step > 0);
    assert.throws(() => estimateGeneration(m, { promptTokens: 0, newTokens: 1, batch: 1, beams: 1 }, { hardware: "h100-sxm", dtype: "bf16" }), /promptTokens must be a positive whole number/);
  });

  it("a model without token inputs or attention is not a language model", async () => {
    const r = await analyze(`import torch.nn as nn\n# greenlight: input=2x8\nclass M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(8, 8)\n    def forward(self, x):\n        return self.fc(x)\n`);
    assert.equal(isLanguageModel(r.models[0]), false);
  });
});
