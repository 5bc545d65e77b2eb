import assert from "node:assert/strict";
import { cellView, inNotebookProgram } from "../../../../src/core/notebook/cell-view";
import { notebookProgram } from "../../../../src/core/notebook/notebook-program";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../helpers/analyze";

const CELLS = [
  "import torch\nimport torch.nn as nn",
  "class Wide(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.a = nn.Linear(16, 8)\n    def forward(self, x):\n        return self.a(x)",
  "net = Wide()\nopt = torch.optim.SGD(net.parameters(), lr=0.1)",
  "def fit(steps=10):\n    for step in range(steps):\n        net(torch.randn(4, 16)).sum().backward()\n        opt.step()\nfor step in range(5):\n    net(torch.randn(4, 16)).sum().backward()",
];

describe("a notebook cell's view of its program (src/core/notebook/cell-view.ts)", () => {
  it("puts each training site in its own cell, at the cell's line and with the function's span in the cell's text", async () => {
    const program = notebookProgram(CELLS.map((source, index) => ({ index, source })));
    const file = "/nb/train.ipynb";
    const result = await analyze(program.text, { file });
    assert.equal(result.trainingSites?.length, 2, "the program has a training function and a module-level loop");
    const loopCell = cellView(result, [], program, file, 3).result;
    assert.deepEqual(loopCell.trainingSites?.map((s) => [s.line, s.function?.name]), [[1, "fit"], [6, undefined]]);
    const fn = loopCell.trainingSites![0].function!;
    assert.ok(CELLS[3].slice(fn.startIndex, fn.endIndex).startsWith("def fit("), CELLS[3].slice(fn.startIndex, fn.endIndex));
    assert.deepEqual(cellView(result, [], program, file, 1).result.trainingSites, [], "the model's cell has no training site");
    // The model is another cell's, yet of this notebook's program.
    const model = loopCell.models.find((m) => m.name === "Wide")!;
    assert.equal(model.file, `${file}, cell 2`);
    assert.ok(inNotebookProgram(model.file, file));
    assert.ok(!inNotebookProgram("/nb/train.ipynb.py", file) && !inNotebookProgram("/nb/other.ipynb, cell 2", file));
  });

  it("puts a generation's lens in the cell that runs it, and keeps its figures for the other cells' models", async () => {
    const text = readFileSync(join(__dirname, "../../../fixtures/generation/sampling_loop.py"), "utf8");
    const split = text.indexOf("model = TinyGPT()");
    const cells = [text.slice(0, split).trimEnd(), "# a cell of its own\n" + text.slice(split).trimEnd()];
    const program = notebookProgram(cells.map((source, index) => ({ index, source })));
    const file = "/nb/lm.ipynb";
    const result = await analyze(program.text, { file });
    assert.equal(result.generations?.length, 1, JSON.stringify(result.generations));
    const runs = cellView(result, [], program, file, 1).result.generations![0];
    // The call `model.generate(prompt, max_new_tokens=100)` is the second cell's line 4.
    assert.deepEqual([runs.line, runs.otherCell, runs.newTokens?.value], [4, undefined, 100]);
    const defines = cellView(result, [], program, file, 0).result.generations![0];
    assert.deepEqual([defines.line, defines.otherCell, defines.newTokens?.value], [4, 2, 100]);
  });
});
