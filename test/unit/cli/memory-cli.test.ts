import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const cli = join(__dirname, "../../../dist/cli.js");
const fixtures = join(__dirname, "../../fixtures");

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("greenlight analyze: memory and generation", function () {
  // Each case runs the CLI several times: under a loaded machine that takes longer than the suite's default.
  this.timeout(120_000);
  it("names each part of memory in bytes, the peak and the fit, in the JSON estimate", () => {
    const r = run(["analyze", join(fixtures, "memory/llama_tiny.py"), "--entry", "TinyLlama()", "--input", "2x64:int64", "--hardware", "h100-sxm", "--mode", "train", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const memory = JSON.parse(r.stdout).models[0].estimate.memory;
    const bytes = Object.fromEntries(memory.parts.map((p: { name: string; bytes: number }) => [p.name, p.bytes]));
    assert.equal(bytes.weights, 771_200 * 4);
    assert.equal(bytes.gradients, 771_200 * 4);
    assert.ok(bytes.optimizer >= 2 * 771_200 * 4);
    assert.ok(bytes.activations > 0);
    assert.equal(memory.peak_bytes, memory.parts.reduce((s: number, p: { bytes: number }) => s + p.bytes, 0));
    assert.equal(memory.fits, true);
    assert.equal(memory.optimizer_source, "default");
  });

  it("shows prefill, decode and energy per 1,000 tokens for a sampling loop and for generate()", () => {
    for (const file of ["generation/sampling_loop.py", "generation/hf_generate.py"]) {
      const json = run(["analyze", join(fixtures, file), "--hardware", "l4", "--format", "json"]);
      assert.equal(json.code, 0, json.stderr);
      const models = JSON.parse(json.stdout).models;
      const generation = models.find((m: { estimate: { generation?: unknown } }) => m.estimate?.generation)?.estimate.generation;
      assert.ok(generation, `${file}: no generation estimate`);
      assert.ok(generation.prefill.seconds > 0 && generation.decode.seconds_per_step > 0);
      assert.ok(generation.joules_per_1k_tokens > 0 && generation.gco2e_per_1k_tokens > 0);
      const table = run(["analyze", join(fixtures, file), "--hardware", "l4"]);
      assert.match(table.stdout, /generation \((loop|generate), line \d+\): prompt \d+.*prefill .*decode .* per token.* J and .* gCO2e per 1,000 tokens/);
    }
  });
});
