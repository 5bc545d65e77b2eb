import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { notebookJson, type TestCell } from "../core/notebook/notebooks";

const cli = join(__dirname, "../../../dist/cli.js");

// A note's text that cites a line ("torch.cuda.is_available(): True (line 4)") names it as the notebook does, by
// cell and line, in JSON as in the figures' own places (cell-line-texts.ts), not as the joined program's line.
describe("greenlight analyze: lines cited in a notebook's notes", function () {
  this.timeout(120_000);

  it("cites the CUDA query by its cell and line", () => {
    const cells: TestCell[] = [
      { source: "import torch\nfrom torch import nn" },
      { markdown: true, source: "## Settings" },
      { source: "epochs = 4\ndevice = 'cuda' if torch.cuda.is_available() else 'cpu'" },
      { source: "net = nn.Linear(8, 2).to(device)\nopt = torch.optim.SGD(net.parameters(), lr=0.1)\nxs = torch.randn(32, 8)\nys = torch.randn(32, 2)\nfor epoch in range(epochs):\n    opt.zero_grad()\n    ((net(xs) - ys) ** 2).mean().backward()\n    opt.step()" },
    ];
    const file = join(mkdtempSync(join(tmpdir(), "greenlight-nb-notes-")), "notes.ipynb");
    writeFileSync(file, notebookJson(cells));
    const r = spawnSync(process.execPath, [cli, "analyze", file, "--mode", "train", "--format", "json"], { encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const notes: string[] = JSON.parse(r.stdout).models[0].estimate.training_run.notes;
    const cuda = notes.find((n) => n.includes("torch.cuda"));
    // The program's line 4 is the third cell's second line.
    assert.match(cuda ?? "", /torch\.cuda\.is_available\(\): True \(cell 3, line 2\)/, notes.join("\n"));
  });
});
