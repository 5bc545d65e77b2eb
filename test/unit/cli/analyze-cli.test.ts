import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = join(__dirname, "../../../dist/cli.js");

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("greenlight analyze (the CLI contract)", function () {
  // Each case runs the CLI, some several times: a loaded machine stretches that past the suite's default.
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-cli-"));
    writeFileSync(join(dir, "net.py"), `import torch.nn as nn

class Net(nn.Module):
    def __init__(self, width=4):
        super().__init__()
        self.fc = nn.Linear(8, width)

    def forward(self, x):
        return self.fc(x)
`);
    mkdirSync(join(dir, "sub"));
    mkdirSync(join(dir, ".venv"));
    writeFileSync(join(dir, ".venv", "ignored.py"), "import torch.nn as nn\nm = nn.Linear(1, 1)\n");
    writeFileSync(join(dir, "sub", "mlp.py"), "import torch.nn as nn\nmlp = nn.Sequential(nn.Linear(2, 3))\n");
    writeFileSync(join(dir, "binary.py"), Buffer.from([0x00, 0x01, 0x02, 0xff]));
  });

  it("prints one JSON object with the contract's fields", () => {
    const r = run(["analyze", join(dir, "net.py"), "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    const m = out.models[0];
    for (const k of ["name", "file", "line", "entry", "inputs", "output", "params", "buffers", "macs", "flops", "complete", "unresolved", "layers"]) assert.ok(k in m, k);
    assert.equal(m.params, 36);
    assert.equal(m.flops, 64);
    assert.equal(m.macs, 32);
    assert.deepEqual(m.layers.map((l: { path: string }) => l.path), ["", "fc"]);
    for (const k of ["path", "type", "file", "line", "params", "flops", "output"]) assert.ok(k in m.layers[1], k);
  });

  it("lists a class that needs constructor arguments with the --entry to try and its input hint; the entry it prints works once filled in", () => {
    writeFileSync(join(dir, "lm.py"), `import torch.nn as nn

class LM(nn.Module):
    def __init__(self, vocab_size, width, heads=4):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, width)
        self.head = nn.Linear(width, vocab_size)

    def forward(self, ids):
        return self.head(self.embed(ids))
`);
    const table = run(["analyze", "lm.py"], dir);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^LM +lm\.py:3 .*needs constructor arguments$/m);
    assert.match(table.stdout, /not built: LM needs constructor arguments \(vocab_size, width\)/);
    const tryLine = /try: (greenlight analyze lm\.py --entry '(LM\(vocab_size=\.\.\., width=\.\.\.\))' --input 1x128:int64) +\(token ids: the first layer is an Embedding\)/.exec(table.stdout);
    assert.ok(tryLine, table.stdout);
    assert.match(table.stdout, /LM: no estimate \(the model needs constructor arguments/);
    const json = JSON.parse(run(["analyze", "lm.py", "--format", "json"], dir).stdout);
    assert.deepEqual(json.models[0].needs_arguments, { required: ["vocab_size", "width"], entry: tryLine[2], prefilled_from: [], input: "1x128:int64", input_why: "token ids: the first layer is an Embedding" });
    const markdown = run(["analyze", "lm.py", "--format", "markdown"], dir).stdout;
    assert.ok(markdown.includes(`- LM needs vocab_size, width: \`${tryLine[1]}\``), markdown);
    // Filled in, the printed command builds the model.
    const filled = run(["analyze", "lm.py", "--entry", tryLine[2].replace("vocab_size=...", "vocab_size=1000").replace("width=...", "width=64"), "--input", "1x128:int64", "--format", "json"], dir);
    assert.equal(filled.code, 0, filled.stderr);
    assert.equal(JSON.parse(filled.stdout).models[0].params, 1000 * 64 + 64 * 1000 + 1000);
  });

  it("a class whose forward takes two tensors is offered one --input per tensor; filled in, the command builds it whole", () => {
    writeFileSync(join(dir, "pair.py"), `import torch.nn as nn

class Pair(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.a = nn.Linear(16, d)
        self.b = nn.Linear(32, d)

    def forward(self, x, y):
        return self.a(x) + self.b(y)
`);
    const table = run(["analyze", "pair.py"], dir);
    assert.equal(table.code, 0, table.stderr);
    const tryLine = /try: greenlight analyze pair\.py --entry '(Pair\(d=\.\.\.\))' --input 1x16 --input 1x32 /.exec(table.stdout);
    assert.ok(tryLine, table.stdout);
    const filled = run(["analyze", "pair.py", "--entry", tryLine[1].replace("...", "8"), "--input", "1x16", "--input", "1x32", "--format", "json"], dir);
    assert.equal(filled.code, 0, filled.stderr);
    const model = JSON.parse(filled.stdout).models[0];
    // PyTorch 1.13 (tools/measure/count.py): 400 parameters, 768 FLOPs.
    assert.deepEqual([model.complete, model.params, model.flops], [true, 400, 768]);
  });

  it("evaluates --entry in the file's namespace and takes --input shapes", () => {
    const r = run(["analyze", join(dir, "net.py"), "--entry", "Net(width=10)", "--input", "3x8", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const m = JSON.parse(r.stdout).models[0];
    assert.equal(m.entry, "Net(width=10)");
    assert.equal(m.params, 90);
    assert.equal(m.flops, 2 * 3 * 8 * 10);
    assert.deepEqual(m.inputs, [{ shape: [3, 8], dtype: "float32" }]);
  });

  it("walks folders recursively, skipping virtual environments", () => {
    const r = run(["analyze", dir, "--format", "json"], dir);
    assert.equal(r.code, 2, "the binary file in the folder is a read error");
    const r2 = run(["analyze", join(dir, "sub"), join(dir, "net.py"), "--format", "json"]);
    assert.equal(r2.code, 0, r2.stderr);
    const names = JSON.parse(r2.stdout).models.map((m: { name: string }) => m.name);
    assert.deepEqual(names, ["mlp", "Net"]);
  });

  it("exits 2 with one line on stderr for bad arguments and unreadable files", () => {
    const cases: string[][] = [
      ["analyze"],
      ["analyze", join(dir, "missing.py")],
      ["analyze", join(dir, "net.py"), "--input", "1xbad"],
      ["analyze", join(dir, "net.py"), "--format", "yaml"],
      ["analyze", join(dir, "net.py"), "--entry", "Nope()"],
      ["analyze", join(dir, "binary.py")],
      ["analyze", join(dir, "net.py"), "--bogus"],
      ["frobnicate"],
    ];
    for (const args of cases) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split("\n").length, 1, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, /^greenlight: /);
    }
  });

  it("prints a readable table by default and Markdown on request", () => {
    const table = run(["analyze", join(dir, "net.py")]);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /Net\s+.*net\.py:3\s+1x8 \(default\)\s+36\s+64 FLOPs\s+complete/);
    const md = run(["analyze", join(dir, "net.py"), "--format", "markdown"]);
    assert.match(md.stdout, /^\| model \| where/);
  });

  it("adds the energy estimate with --hardware, and refuses unknown hardware", () => {
    const r = run(["analyze", join(dir, "net.py"), "--hardware", "h100-sxm", "--dtype", "bf16", "--mode", "train", "--input", "32x8", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const e = JSON.parse(r.stdout).models[0].estimate;
    for (const k of ["hardware", "dtype", "mode", "batch", "flops_per_iter", "seconds_per_iter", "joules_per_iter", "avg_power_w", "gco2e_per_iter", "bound"]) assert.ok(k in e, k);
    assert.equal(e.batch, 32);
    assert.equal(e.mode, "train");
    assert.ok(e.joules_per_iter > 0 && e.seconds_per_iter > 0);
    assert.ok(["compute", "memory", "launch"].includes(e.bound));
    const bad = run(["analyze", join(dir, "net.py"), "--hardware", "abacus"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown --hardware/);
  });

  it("says on the training-run line of the network it concerns that a step count is only a bound", () => {
    writeFileSync(join(dir, "duel.py"), `import torch
from torch import nn

maker = nn.Linear(4, 8)
judge = nn.Linear(8, 1)
opt_m = torch.optim.Adam(maker.parameters())
opt_j = torch.optim.Adam(judge.parameters())
for it in range(200):
    loss_j = judge(maker(torch.randn(16, 4))).mean()
    opt_j.zero_grad()
    loss_j.backward()
    if loss_j.item() > 0:
        opt_j.step()
    loss_m = -judge(maker(torch.randn(16, 4))).mean()
    opt_m.zero_grad()
    loss_m.backward()
    opt_m.step()
`);
    const r = run(["analyze", join(dir, "duel.py"), "--mode", "train", "--no-findings"]);
    assert.equal(r.code, 0, r.stderr);
    const line = (name: string) => r.stdout.split("\n").find((l) => l.trimStart().startsWith(`${name}: `) && l.includes("for the run")) ?? "";
    assert.match(line("judge"), /steps: opt_j\.step\(\) runs under if loss_j\.item\(\) > 0, which the analysis cannot count/);
    assert.doesNotMatch(line("maker"), /cannot count/);
  });
});
