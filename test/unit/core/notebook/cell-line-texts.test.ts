// Notes cite lines inside their text ("torch.cuda.is_available(): True (line 9)"); in a notebook that line is the
// joined program's, which no cell shows. The citations are written as cell and line (cell-line-texts.ts), as the
// figures' own lines are; a line cited after a named Python file is that file's, and is kept.
import { strict as assert } from "node:assert";
import { cellLinesInText, resultInCells } from "../../../../src/core/notebook/cell-line-texts";
import { cellView } from "../../../../src/core/notebook/cell-view";
import { notebookProgram } from "../../../../src/core/notebook/notebook-program";
import { cudaQueriesNote } from "../../../../src/core/training/cuda-note";
import { analyze } from "../../helpers/analyze";

// Cells 1, 3 and 4 of the notebook are code (cell 2 is markdown): program lines 1-2, 3-5 and 6-13.
const CELLS = [
  { index: 0, source: "import torch\nfrom torch import nn" },
  { index: 2, source: "device = 'cuda' if torch.cuda.is_available() else 'cpu'\nepochs = 3\nwidth = 16" },
  { index: 3, source: "net = nn.Linear(width, 2).to(device)\nopt = torch.optim.SGD(net.parameters(), lr=0.1)\nxs = torch.randn(64, width)\nys = torch.randn(64, 2)\nfor epoch in range(epochs):\n    opt.zero_grad()\n    ((net(xs) - ys) ** 2).mean().backward()\n    opt.step()" },
];

describe("line citations in notes of a notebook", () => {
  const program = notebookProgram(CELLS);

  it("writes a program line as the cell that holds it and the line within the cell", () => {
    assert.equal(cellLinesInText(program, "is_available(): True (line 3); device_name(): 'X' (line 7)"), "is_available(): True (cell 3, line 1); device_name(): 'X' (cell 4, line 2)");
  });

  it("keeps a line cited after a named .py file, in that part of the text only", () => {
    const text = "train(...) runs train in lib/helper_train.py: for epoch in range(n) (line 11)";
    assert.equal(cellLinesInText(program, text), text);
    assert.equal(cellLinesInText(program, "2 calls in turn: 3 (line 6: runs fit in util.py: (line 40)) + 3 (line 9: x)"), "2 calls in turn: 3 (cell 4, line 1: runs fit in util.py: (line 40)) + 3 (cell 4, line 4: x)");
  });

  it("places the CUDA note of a notebook's analysis in its cell, for the CLI and for a cell's view", async () => {
    const result = await analyze(program.text);
    assert.match(result.training?.cudaQueries ?? "", /\(line 3\)/);
    assert.match(resultInCells(program, result).training?.cudaQueries ?? "", /torch\.cuda\.is_available\(\): True \(cell 3, line 1\)/);
    assert.match(cellView(result, [], program, "/project/main.py", 3).result.training?.cudaQueries ?? "", /\(cell 3, line 1\)/);
  });

  it("names the file of a CUDA query asked in another file", () => {
    const note = cudaQueriesNote([{ query: "torch.cuda.is_available()", answer: "True", file: "/p/helpers.py", line: 4 }], "H100", "/p/nb.ipynb");
    assert.match(note ?? "", /True \(helpers\.py line 4\)/);
  });
});
