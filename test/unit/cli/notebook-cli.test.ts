import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { notebookJson, SPREAD_CELLS, SPREAD_PYTHON, type TestCell } from "../core/notebook/notebooks";

const cli = join(__dirname, "../../../dist/cli.js");

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The model's cell has a conv feeding a BatchNorm (GL004) and the inference cell runs the model in fp32 (GL001).
const CELLS: TestCell[] = [
  ...SPREAD_CELLS.slice(0, 4),
  { source: "%%time\nmodel = Net()\nmodel.eval()\nbatch = torch.randn(16, 3, 28, 28)\nfiles = !ls\nout = model(batch)\nmodel?", outputs: [{ output_type: "stream", name: "stdout", text: ["CPU times: user 1 ms\n"] }] },
];

describe("greenlight analyze and fix on notebooks", function () {
  // Each case runs the CLI, some several times: a loaded machine stretches that past the suite's default.
  this.timeout(120_000);
  let dir: string;
  let nb: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-nb-"));
    nb = join(dir, "spread.ipynb");
    writeFileSync(nb, notebookJson(CELLS));
    writeFileSync(join(dir, "spread.py"), SPREAD_PYTHON);
  });

  it("reports a notebook's model located by cell, with the params and FLOPs of the same code in a .py file", () => {
    const r = run(["analyze", "spread.ipynb", "spread.py", "--format", "json"], dir);
    assert.equal(r.code, 0, r.stderr);
    const [n, p] = JSON.parse(r.stdout).models;
    assert.equal(n.params, p.params);
    assert.equal(n.flops, p.flops);
    assert.ok(n.flops > 0);
    assert.deepEqual([n.file, n.line, n.cell], [nb, 1, { index: 4, id: "cell-3" }]);
    assert.equal(p.cell, undefined, "a .py file's model has no cell");
    const conv = n.layers.find((l: { path: string }) => l.path === "conv");
    assert.deepEqual([conv.line, conv.cell.index], [4, 4]);
    const table = run(["analyze", "spread.ipynb"], dir);
    assert.match(table.stdout, /^Net\s+spread\.ipynb cell 4:1\s+16x3x28x28 \(example\)/m);
    assert.match(run(["analyze", "spread.ipynb", "--format", "markdown"], dir).stdout, /\| Net \| `spread\.ipynb cell 4:1` \| 16x3x28x28 \|/);
  });

  it("reports a training run's figures at the line within the cell that states them, with that cell", () => {
    // The batch is set in one cell and the loop runs two cells later, under %%time and after a shell line.
    const cells: TestCell[] = [
      ...SPREAD_CELLS.slice(0, 4),
      { source: "from torch.utils.data import DataLoader, TensorDataset\nmodel = Net()\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\ndata = TensorDataset(torch.randn(640, 3, 28, 28), torch.randint(0, 10, (640,)))\nloader = DataLoader(data, batch_size=64)" },
      { markdown: true, source: "## Training" },
      { source: "%%time\n!nvidia-smi\nfor epoch in range(7):\n    for x, y in loader:\n        opt.zero_grad()\n        loss = nn.functional.cross_entropy(model(x), y)\n        loss.backward()\n        opt.step()" },
    ];
    const file = join(dir, "train.ipynb");
    writeFileSync(file, notebookJson(cells));
    const r = run(["analyze", file, "--mode", "train", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const training = JSON.parse(r.stdout).models[0].estimate.training_run;
    assert.deepEqual([training.epochs, training.batch], [7, 64]);
    assert.deepEqual([training.sources.epochs.line, training.sources.epochs.cell.index], [3, 7], "the for line under %%time and !nvidia-smi");
    assert.deepEqual([training.sources.batch.line, training.sources.batch.cell.index], [5, 5]);
    const text = run(["analyze", file, "--mode", "train"]).stdout;
    assert.match(text, /\(epochs: code cell 7 line 3, samples: [^)]*, batch: code cell 5 line 5\)/, text);
  });

  it("cites a notebook's generation by its cell and line, in the table and in JSON", () => {
    const text = readFileSync(join(__dirname, "../../fixtures/generation/sampling_loop.py"), "utf8");
    const split = text.indexOf("model = TinyGPT()");
    const cells: TestCell[] = [{ source: text.slice(0, split).trimEnd() }, { markdown: true, source: "## Sampling" }, { source: `# sample\n${text.slice(split).trimEnd()}` }];
    const file = join(dir, "lm.ipynb");
    writeFileSync(file, notebookJson(cells));
    const table = run(["analyze", file]);
    assert.equal(table.code, 0, table.stderr);
    // `out = model.generate(prompt, max_new_tokens=100)` is the third cell's fourth line.
    assert.match(table.stdout, /TinyGPT: generation \(loop, cell 3 line 4\): prompt 32, 100 new, batch 4:/, table.stdout);
    const generation = JSON.parse(run(["analyze", file, "--format", "json"]).stdout).models[0].estimate.generation;
    assert.deepEqual([generation.line, generation.cell.index, generation.new_tokens.line, generation.new_tokens.cell.index], [4, 3, 4, 3]);
  });

  it("gives each model trained in turn its own loop's figures, at that loop's cell", () => {
    // One cell sets the epochs and builds a model, the next trains it; a later pair does the same with other values.
    const cells: TestCell[] = [
      { source: "import torch\nfrom torch import nn\nx = torch.randn(500, 4)\ny = torch.randn(500, 1)" },
      { source: "model_0 = nn.Linear(4, 1)\nopt = torch.optim.SGD(model_0.parameters(), lr=0.1)\nepochs = 30" },
      { source: "for epoch in range(epochs):\n    opt.zero_grad()\n    ((model_0(x) - y) ** 2).mean().backward()\n    opt.step()" },
      { markdown: true, source: "## A deeper model" },
      { source: "model_1 = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))\nopt = torch.optim.SGD(model_1.parameters(), lr=0.1)\nepochs = 300" },
      { source: "%%time\nfor epoch in range(epochs):\n    opt.zero_grad()\n    ((model_1(x) - y) ** 2).mean().backward()\n    opt.step()" },
    ];
    const file = join(dir, "in-turn.ipynb");
    writeFileSync(file, notebookJson(cells));
    const r = run(["analyze", file, "--mode", "train", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const runs = JSON.parse(r.stdout).models.map((m: { estimate: { training_run: { epochs: number; samples: number; sources: { epochs: { line: number; cell: { index: number } } } } } }) => m.estimate.training_run);
    assert.deepEqual(runs.map((t: { epochs: number; samples: number }) => [t.epochs, t.samples]), [[30, 500], [300, 500]]);
    assert.deepEqual(runs.map((t: { sources: { epochs: { line: number; cell: { index: number } } } }) => [t.sources.epochs.line, t.sources.epochs.cell.index]), [[1, 3], [2, 6]]);
  });

  it("locates findings and their fixes in cells (JSON) and in the notebook file (SARIF)", () => {
    const findings = JSON.parse(run(["analyze", nb, "--format", "json"]).stdout).findings;
    const gl004 = findings.find((f: { rule: string }) => f.rule === "GL004");
    assert.deepEqual([gl004.line, gl004.cell], [4, { index: 4, id: "cell-3" }]);
    assert.deepEqual(gl004.fixes[0].cell, { index: 4, id: "cell-3" });
    assert.equal(gl004.fixes[0].edits[0].range.start.line, 3, "0-based line within the cell");
    const gl001 = findings.find((f: { rule: string }) => f.rule === "GL001");
    assert.deepEqual([gl001.line, gl001.cell.index], [2, 5], "the line under %%time");
    for (const fix of gl001.fixes) assert.equal(fix.cell.index, 5, `${fix.kind} edits the cell of its finding`);

    const sarif = JSON.parse(run(["analyze", "spread.ipynb", "--format", "sarif"], dir).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "GL004");
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, "spread.ipynb");
    const fileLine = readFileSync(nb, "utf8").split("\n")[location.region.startLine - 1];
    assert.match(fileLine, /self\.conv = nn\.Conv2d/, "the region is the .ipynb line holding the code");
    assert.deepEqual([result.properties.cell.index, result.properties.cell.id, result.properties.cell.line], [4, "cell-3", 4]);
  });

  it("walks folders for notebooks, skips Jupyter's checkpoints, and reports a malformed notebook in one line (exit 2)", () => {
    const folder = join(dir, "folder");
    mkdirSync(join(folder, ".ipynb_checkpoints"), { recursive: true });
    writeFileSync(join(folder, "good.ipynb"), notebookJson(CELLS));
    writeFileSync(join(folder, ".ipynb_checkpoints", "good-checkpoint.ipynb"), notebookJson(CELLS));
    writeFileSync(join(folder, "broken.ipynb"), '{"cells": [');
    const r = run(["analyze", folder, "--format", "json"]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /broken\.ipynb: not valid JSON: unexpected end of file/);
    assert.deepEqual(JSON.parse(r.stdout).models.map((m: { file: string }) => m.file), [join(folder, "good.ipynb")]);
    const single = run(["analyze", join(folder, "broken.ipynb")]);
    assert.equal(single.code, 2);
    assert.equal(single.stdout, "");
  });

  it("fix changes only the fixed cell's source, keeps every other byte, and a second run changes nothing", () => {
    const file = join(dir, "fix-me.ipynb");
    const before = notebookJson(CELLS);
    writeFileSync(file, before);
    const list = run(["fix", file]);
    assert.match(list.stdout, /fix-me\.ipynb cell 4:4:\d+: GL004 /);
    assert.match(list.stdout, /--rule GL004 --cell 4 --line 4 --fix bias-false/);
    const r = run(["fix", file, "--rule", "GL004", "--cell", "4", "--line", "4"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /fix-me\.ipynb cell 4:4: GL004 fixed/);
    const after = readFileSync(file, "utf8");
    const expected = JSON.parse(before);
    expected.cells[3].source[3] = "        self.conv = nn.Conv2d(3, WIDTH, 3, padding=1, bias=False)\n";
    assert.equal(after, `${JSON.stringify(expected, null, 1)}\n`);
    const again = run(["fix", file, "--rule", "GL004"]);
    assert.equal(again.code, 1);
    assert.equal(readFileSync(file, "utf8"), after);
  });

  it("analyzes and fixes a notebook whose outputs (plots) make it larger than the source limit", () => {
    const file = join(dir, "plots.ipynb");
    // 3 MB of base64 PNG in an output: the file is over the 2 MB limit of a source file, its code is small.
    const plot = { output_type: "display_data", metadata: {}, data: { "image/png": "iVBORw0KGgo".repeat(300_000) } };
    const cells = CELLS.map((c, i) => (i === 3 ? { ...c, outputs: [plot] } : c));
    writeFileSync(file, notebookJson(cells));
    const before = readFileSync(file, "utf8");
    assert.ok(before.length > 3_000_000);
    const r = run(["analyze", file, "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).models[0].params, 3 * 32 * 9 + 32 + 64 + 32 * 10 + 10);
    const fix = run(["fix", file, "--rule", "GL004", "--cell", "4", "--line", "4"]);
    assert.equal(fix.code, 0, fix.stderr);
    const after = readFileSync(file, "utf8");
    const expected = JSON.parse(before);
    expected.cells[3].source[3] = "        self.conv = nn.Conv2d(3, WIDTH, 3, padding=1, bias=False)\n";
    assert.equal(after, `${JSON.stringify(expected, null, 1)}\n`, "the outputs kept byte for byte");
  });

  it("reads CRLF files, CRLF sources, nbformat 4.0 without ids and empty cells alike; a fix adds only its text", () => {
    const base = JSON.parse(notebookJson(CELLS));
    const crlfSources = JSON.parse(notebookJson(CELLS));
    for (const c of crlfSources.cells) c.source = c.source.map((l: string) => l.replace(/\n$/, "\r\n"));
    const v40 = JSON.parse(notebookJson(CELLS));
    v40.nbformat_minor = 0;
    for (const c of v40.cells) delete c.id;
    const withEmpty = JSON.parse(notebookJson(CELLS));
    const empty = { cell_type: "code", execution_count: null, metadata: {}, outputs: [], source: [] };
    withEmpty.cells = withEmpty.cells.flatMap((c: unknown) => [c, { ...empty }]);
    const variants: [string, string, number][] = [
      ["crlf-file", `${JSON.stringify(base, null, 1)}\n`.replace(/\n/g, "\r\n"), 4],
      ["crlf-sources", `${JSON.stringify(crlfSources, null, 1)}\n`, 4],
      ["v40-no-ids", `${JSON.stringify(v40, null, 2)}\n`, 4],
      ["empty-cells", `${JSON.stringify(withEmpty, null, 1)}\n`, 7],
    ];
    for (const [name, text, modelCell] of variants) {
      const file = join(dir, `${name}.ipynb`);
      writeFileSync(file, text);
      const r = run(["analyze", file, "--format", "json"]);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      const { models, findings } = JSON.parse(r.stdout);
      assert.equal(models[0].params, 3 * 32 * 9 + 32 + 64 + 32 * 10 + 10, name);
      assert.deepEqual([models[0].cell.index, models[0].line], [modelCell, 1], name);
      if (name === "v40-no-ids") assert.equal(models[0].cell.id, undefined, "nbformat 4.0 cells have no id");
      const gl004 = findings.find((f: { rule: string }) => f.rule === "GL004");
      assert.deepEqual([gl004.cell.index, gl004.line], [modelCell, 4], name);
      const fix = run(["fix", file, "--rule", "GL004", "--cell", String(modelCell), "--line", "4"]);
      assert.equal(fix.code, 0, `${name}: ${fix.stderr}`);
      const after = readFileSync(file, "utf8");
      const at = text.indexOf("padding=1)") + "padding=1".length;
      assert.equal(after, `${text.slice(0, at)}, bias=False${text.slice(at)}`, `${name}: only the fix's text added`);
    }
  });

  it("fix --all puts each fix (with its import) in its own cell, and a malformed notebook is never rewritten", () => {
    const file = join(dir, "all.ipynb");
    writeFileSync(file, notebookJson(CELLS));
    const r = run(["fix", file, "--all", "--fix", "prune-l1", "--rule", "GL001"]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(readFileSync(file, "utf8"));
    const original = JSON.parse(notebookJson(CELLS));
    for (const i of [0, 1, 2, 3]) assert.deepEqual(json.cells[i], original.cells[i], `cell ${i + 1} untouched`);
    const fixed: string = json.cells[4].source.join("");
    assert.match(fixed, /^%%time\nimport torch\.nn\.utils\.prune as prune\nmodel = Net\(\)\n/);
    assert.deepEqual(json.cells[4].outputs, original.cells[4].outputs);

    const broken = join(dir, "broken.ipynb");
    const text = '{"cells": [{"cell_type": "code", "source": 42}], "nbformat": 4}';
    writeFileSync(broken, text);
    const b = run(["fix", broken, "--all"]);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /^greenlight: .*broken\.ipynb: cell 1's source is not a string or a list of strings\n$/);
    assert.equal(readFileSync(broken, "utf8"), text);
  });
});
