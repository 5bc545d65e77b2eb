import assert from "node:assert/strict";
import { readNotebook } from "../../../../src/core/notebook/notebook-file";
import { fixInOneCell } from "../../../../src/core/notebook/notebook-fixes";
import { locateInNotebook, notebookProgram, programLineLabel, pythonOfCell } from "../../../../src/core/notebook/notebook-program";
import { analyze, testParser } from "../../helpers/analyze";
import { notebookJson, SPREAD_CELLS, SPREAD_PYTHON } from "./notebooks";

const programOf = (json: string) => {
  const nb = readNotebook(json);
  return notebookProgram(nb.cells.filter((c) => c.python));
};

describe("notebook program (code cells in order as one Python program)", () => {
  it("turns IPython syntax into no-ops of the same length and leaves Python alone", () => {
    const cell = "%matplotlib inline\n!pip install x\nfiles = !ls -la\nmodel?\n??model\nif True:\n    !nvidia-smi\nx = 5 % 3\ny = (1,\n     !True)\ns = '''\n!not a shell escape\n'''";
    const out = pythonOfCell(cell);
    assert.equal(out.length, cell.length);
    assert.deepEqual(out.split("\n").map((l) => l.length), cell.split("\n").map((l) => l.length));
    const lines = out.split("\n");
    assert.match(lines[0], /^\.\.\.#/);
    assert.match(lines[1], /^\.\.\.#/);
    assert.match(lines[2], /^files = \.\.\.#/);
    assert.match(lines[3], /^\.\.\./);
    assert.match(lines[4], /^\.\.\./);
    assert.equal(lines[6], "    ...#dia-smi", "an indented escape keeps its block valid");
    assert.equal(lines[7], "x = 5 % 3");
    assert.equal(lines[9], "     !True)", "inside brackets a ! is not IPython");
    assert.equal(lines[11], "!not a shell escape", "inside a string a ! is text");
  });

  it("comments out a cell magic's line, and the whole cell when its body is not Python", () => {
    assert.equal(pythonOfCell("%%time\nx = 1"), "#%time\nx = 1");
    assert.equal(pythonOfCell("%%bash\nls -la\n\necho hi"), "#%bash\n#s -la\n\n#cho hi");
    assert.equal(pythonOfCell("%%writefile helper.py\nimport os"), "#%writefile helper.py\n#mport os");
  });

  it("keeps the statement a %time or %prun line runs once, every column in place; %timeit and statements no assignment holds stay no-ops", () => {
    assert.equal(pythonOfCell("%time learn.fit(1)"), "_ =   learn.fit(1)");
    assert.equal(pythonOfCell("if True:\n    %prun x = train(3)"), "if True:\n    _ =   x = train(3)");
    for (const line of ["%timeit train(3)", "%time for i in range(3): f()", "%time n += 1", "%time -n 3 f()"]) {
      const out = pythonOfCell(line);
      assert.equal(out.slice(0, 3), "...", line);
      assert.equal(out.length, line.length, line);
    }
  });

  it("reads the training a %time line runs (fastai's `%time learn.fit(...)`, a Keras fit)", async () => {
    const program = programOf(notebookJson([
      { source: "import numpy as np\nfrom tensorflow import keras\nx = np.zeros((640, 8))\ny = np.zeros((640, 1))" },
      { source: "model = keras.Sequential([keras.layers.Dense(4, input_shape=(8,)), keras.layers.Dense(1)])\nmodel.compile(optimizer='adam', loss='mse')" },
      { source: "%time model.fit(x, y, epochs=3, batch_size=64)" },
    ]));
    const plan = (await analyze(program.text, { file: "/project/nb.ipynb" })).training ?? {};
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 64);
    assert.equal(plan.samples?.value, 640);
  });

  it("places each code cell on its own lines, markdown cells out, and maps every line back to cell and line", () => {
    const program = programOf(notebookJson(SPREAD_CELLS));
    assert.deepEqual(program.cells.map((c) => c.index), [1, 3, 4], "markdown cells 0 and 2 are not part of the program");
    const lines = program.text.split("\n");
    for (const cell of program.cells) {
      const own = cell.source.split("\n");
      own.forEach((text, i) => {
        const at = locateInNotebook(program, cell.startLine + i + 1)!;
        assert.equal(at.cell, cell);
        assert.equal(at.line, i + 1);
        // Python lines are kept character for character.
        if (!/^\s*(\w+\s*=\s*)?[%!]|\?$/.test(text)) assert.equal(lines[cell.startLine + i], text);
      });
    }
    assert.equal(locateInNotebook(program, lines.length + 5), undefined);
  });

  it("gives the same parameters, FLOPs and input as the same code in a .py file", async () => {
    const program = programOf(notebookJson(SPREAD_CELLS));
    const fromNotebook = await analyze(program.text, { file: "/project/nb.ipynb" });
    const fromPython = await analyze(SPREAD_PYTHON);
    assert.equal(fromNotebook.models.length, 1, fromNotebook.notes.join("; "));
    const [n] = fromNotebook.models;
    const [p] = fromPython.models;
    assert.equal(n.params, p.params);
    assert.equal(n.flops, p.flops);
    assert.deepEqual(n.inputs, [{ shape: [16, 3, 28, 28], dtype: "float32" }], "the example call's batch sets the input");
    assert.equal(n.params, 3 * 32 * 9 + 32 + 64 + 32 * 10 + 10);
    assert.ok(n.complete);
    const at = locateInNotebook(program, n.line)!;
    assert.deepEqual([at.cell.index, at.line], [3, 1], "the class is on line 1 of the fourth cell");
  });

  it("reports a name bound to a new model in several cells once per build, at that build, with its own value", async () => {
    const program = programOf(
      notebookJson([
        { source: "import torch.nn as nn" },
        { source: "model = nn.Linear(10, 2)\nmodel = model.float()" },
        { source: "x = 1" },
        { source: "%time\nmodel = nn.Sequential(nn.Linear(100, 100))\nmodel = model.train()" },
      ]),
    );
    const result = await analyze(program.text, { file: "/project/nb.ipynb" });
    const models = result.models.filter((m) => m.name === "model");
    assert.deepEqual(models.map((m) => m.params), [10 * 2 + 2, 100 * 100 + 100], "each build's own value, a re-binding of itself no new model");
    const at = models.map((m) => locateInNotebook(program, m.line)!);
    assert.deepEqual(at.map((a) => [a.cell.index, a.line]), [[1, 1], [3, 2]], "where each value was built");
  });

  it("a cell that builds a network and a later one that loads another into the same name: the built one keeps its figures", async () => {
    const program = programOf(
      notebookJson([
        { source: "import torch\nimport torch.nn as nn" },
        { source: "model = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 1))" },
        { source: "model = torch.load('checkpoint.pt')" },
      ]),
    );
    const result = await analyze(program.text, { file: "/project/nb.ipynb" });
    const built = result.models.find((m) => m.name === "model" && locateInNotebook(program, m.line)!.cell.index === 1);
    assert.ok(built, result.models.map((m) => `${m.name}:${m.line}`).join(", "));
    assert.equal(built.params, 8 * 4 + 4 + 4 * 1 + 1);
  });

  it("runs an if __name__ == '__main__' block, as Jupyter does, its training loop skipped; a .py file's stays unrun", async () => {
    const cells = [
      { source: "import torch\nimport torch.nn as nn\nimport torch.optim as optim" },
      { source: "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(n_in, n_out)\n\n    def forward(self, x):\n        return self.fc(x)" },
      {
        source:
          "if __name__ == '__main__':\n    n_in, n_out = 6, 3\n    model = Net()\n    optimizer = optim.Adam(model.parameters())\n    inputs = torch.zeros(5, n_in)\n" +
          "    for epoch in range(5000):\n        optimizer.zero_grad()\n        loss = model(inputs).sum()\n        loss.backward()\n        optimizer.step()",
      },
    ];
    const program = programOf(notebookJson(cells));
    const result = await analyze(program.text, { file: "/project/nb.ipynb" });
    const m = result.models.find((x) => x.name === "Net" || x.instance === "model");
    assert.ok(m, result.models.map((x) => x.name).join(", "));
    assert.equal(m.params, 6 * 3 + 3);
    assert.deepEqual(m.inputs, [{ shape: [5, 6], dtype: "float32" }], "the batch the block feeds it");
    const script = await analyze(cells.map((c) => c.source).join("\n\n"));
    assert.ok(script.models.every((x) => x.params === 0), "a script's main block does not run when it is analyzed");
  });

  it("lists the parts of a Keras model subclass that has no call (a VAE that only trains) as models of their own", async () => {
    const program = programOf(
      notebookJson([
        { source: "import keras\nfrom keras import layers" },
        { source: "enc_in = keras.Input(shape=(8,))\nencoder = keras.Model(enc_in, layers.Dense(2)(enc_in), name='encoder')" },
        { source: "dec_in = keras.Input(shape=(2,))\ndecoder = keras.Model(dec_in, layers.Dense(8)(dec_in), name='decoder')" },
        {
          source:
            "class VAE(keras.Model):\n    def __init__(self, encoder, decoder, **kwargs):\n        super().__init__(**kwargs)\n        self.encoder = encoder\n        self.decoder = decoder\n\n" +
            "    def train_step(self, data):\n        return {}\n\nvae = VAE(encoder, decoder)",
        },
      ]),
    );
    const result = await analyze(program.text, { file: "/project/nb.ipynb" });
    const byName = new Map(result.models.map((m) => [m.name, m]));
    assert.equal(byName.get("encoder")?.params, 8 * 2 + 2, result.models.map((m) => m.name).join(", "));
    assert.equal(byName.get("decoder")?.params, 2 * 8 + 8);
    assert.equal(byName.get("encoder")!.flops, 2 * 8 * 2);
    assert.equal(locateInNotebook(program, byName.get("decoder")!.line)!.cell.index, 2);
  });

  it("lines a fix adds after the statement that ends the finding's cell go to the end of that cell, not the next one", () => {
    const program = programOf(notebookJson([{ source: "import keras\nmodel = keras.Sequential([])" }, { source: "model.summary()" }, { source: "x = 1\n" }]));
    const file = "/project/nb.ipynb";
    const next = program.cells[1].startLine;
    const insert = { file, range: { start: { line: next, character: 0 }, end: { line: next, character: 0 } }, newText: "model = quantize(model)\n" };
    const one = fixInOneCell(program, [insert], 2)!;
    assert.equal(one.cell.index, 0, "the finding's cell");
    assert.deepEqual(one.edits, [{ file, range: { start: { line: 1, character: 28 }, end: { line: 1, character: 28 } }, newText: "\nmodel = quantize(model)" }]);
    // A cell that ends in a newline keeps it, after the added line.
    const trailing = programOf(notebookJson([{ source: "import keras\nmodel = keras.Sequential([])\n" }, { source: "model.summary()" }]));
    const start = trailing.cells[1].startLine;
    const kept = fixInOneCell(trailing, [{ ...insert, range: { start: { line: start, character: 0 }, end: { line: start, character: 0 } } }], 2)!;
    assert.equal(kept.cell.index, 0);
    assert.deepEqual(kept.edits[0].range.start, { line: 2, character: 0 });
    assert.equal(kept.edits[0].newText, "model = quantize(model)\n");
    // An insertion at the start of a cell that is not the one after the finding's stays where it is.
    const elsewhere = fixInOneCell(program, [insert], program.cells[2].startLine + 1)!;
    assert.equal(elsewhere.cell.index, 1);
  });

  it("skips code cells of another language and notebooks whose kernel is not Python", () => {
    const r = readNotebook(notebookJson([{ source: "x <- 1" }], { language: "R" }));
    assert.equal(r.cells[0].python, false);
    const json = JSON.parse(notebookJson([{ source: "SELECT 1" }, { source: "import torch" }]));
    json.cells[0].metadata = { vscode: { languageId: "sql" } };
    assert.deepEqual(readNotebook(JSON.stringify(json)).cells.map((c) => c.python), [false, true]);
  });

  it("runs a code cell VS Code labels plaintext with the notebook's kernel, as Jupyter does", () => {
    const json = JSON.parse(notebookJson([{ source: "import torch" }, { source: "model = torch.nn.Linear(2, 2)" }]));
    json.cells[0].metadata = { vscode: { languageId: "plaintext" } };
    json.cells[1].metadata = { vscode: { languageId: "plaintext" } };
    assert.deepEqual(readNotebook(JSON.stringify(json)).cells.map((c) => c.python), [true, true]);
    const r = JSON.parse(notebookJson([{ source: "x <- 1" }], { language: "R" }));
    r.cells[0].metadata = { vscode: { languageId: "plaintext" } };
    assert.equal(readNotebook(JSON.stringify(r)).cells[0].python, false);
  });

  it("moves a fix's import into the cell the fix edits, so it edits one cell", async () => {
    const program = programOf(notebookJson([{ source: "import torch\nimport torch.nn as nn" }, { source: "%%time\nmodel = nn.Linear(2, 2)" }]));
    const file = "/project/nb.ipynb";
    // importEdit inserts after the last import: the first line of the next cell, here above its %%time.
    const importLine = { line: 2, character: 0 };
    const modelLine = program.cells[1].startLine + 1;
    const one = fixInOneCell(program, [
      { file, range: { start: importLine, end: importLine }, newText: "import torch.nn.utils.prune as prune\n" },
      { file, range: { start: { line: modelLine, character: 0 }, end: { line: modelLine, character: 0 } }, newText: "prune.x(model)\n" },
    ])!;
    assert.equal(one.cell.index, 1);
    assert.deepEqual(one.edits[0], { file, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: "import torch.nn.utils.prune as prune\n" }, "below %%time");
    assert.equal(one.edits[1].range.start.line, 1);
    // Edits of code in two cells are not one cell's fix.
    const spanning = [
      { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "x = 1\n" },
      { file, range: { start: { line: modelLine, character: 0 }, end: { line: modelLine, character: 0 } }, newText: "y = 2\n" },
    ];
    assert.equal(fixInOneCell(program, spanning), undefined);

    // A helper the rules define after the model's class joins the finding's cell, below its %%time: from an earlier
    // cell, or from the first line of the finding's own cell (after the class in the cell before).
    const helper = "\n\ndef helper(model):\n    return model\n\n\n";
    const moved = fixInOneCell(
      program,
      [
        { file, range: { start: importLine, end: importLine }, newText: "import torch.nn.utils.prune as prune\n" },
        { file, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: helper },
      ],
      modelLine + 1,
    )!;
    assert.equal(moved.cell.index, 1, "the finding's cell");
    assert.deepEqual(moved.edits.map((e) => [e.range.start.line, e.newText]), [[1, "import torch.nn.utils.prune as prune\n\n\ndef helper(model):\n    return model\n\n\n"]]);
    const own = fixInOneCell(program, [{ file, range: { start: importLine, end: importLine }, newText: helper }], modelLine + 1)!;
    assert.deepEqual([own.cell.index, own.edits[0].range.start.line, own.edits[0].newText], [1, 1, "def helper(model):\n    return model\n\n\n"]);
    // Code that is not a definition does not move, and without the finding's line a lone definition stays put.
    const line1 = { line: 1, character: 0 };
    assert.equal(fixInOneCell(program, [{ file, range: { start: line1, end: line1 }, newText: "model.eval()\n" }], modelLine + 1)!.cell.index, 0);
    assert.equal(fixInOneCell(program, [{ file, range: { start: line1, end: line1 }, newText: helper }])!.cell.index, 0);
    await testParser();
  });
});

describe("programLineLabel: a program line in the notebook's words", () => {
  it("names the cell (counted from 1 among all cells) and the line within it", () => {
    // Cell 0 is markdown (not in the program): the code cells are the notebook's cells 2 and 3.
    const program = notebookProgram([{ index: 1, source: "import torch\nx = 1" }, { index: 2, source: "# loop\nfor i in range(4):\n    pass" }]);
    assert.equal(programLineLabel(program, 2), "cell 2, line 2");
    assert.equal(programLineLabel(program, 4), "cell 3, line 2");
    assert.equal(programLineLabel(program, 40), "line 40", "a line no cell holds stays a program line");
  });
});
