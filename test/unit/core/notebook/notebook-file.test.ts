import assert from "node:assert/strict";
import { fileLineOfCellLine, NotebookFormatError, readNotebook, withCellSource } from "../../../../src/core/notebook/notebook-file";
import { notebookJson } from "./notebooks";

describe("notebook file (.ipynb read, one cell rewritten)", () => {
  it("reads cells, ids, kinds and sources given as lists of lines or strings", () => {
    const nb = readNotebook(notebookJson([{ markdown: true, source: "# Title" }, { source: "a = 1\nb = 2\n" }, { source: "c = 3", asString: true, id: "xyz" }]));
    assert.deepEqual(
      nb.cells.map((c) => [c.index, c.kind, c.id, c.source, c.python]),
      [
        [0, "markdown", "cell-0", "# Title", false],
        [1, "code", "cell-1", "a = 1\nb = 2\n", true],
        [2, "code", "xyz", "c = 3", true],
      ],
    );
  });

  it("says in one line why a file is not a notebook", () => {
    const cases: [string, RegExp][] = [
      ["{ not json", /^not valid JSON: .* at line 1, column 3$/],
      ["[1, 2]", /JSON is not an object/],
      ['{"nbformat": 4}', /no 'cells' list/],
      ['{"worksheets": [], "nbformat": 3}', /nbformat 3/],
      ['{"cells": [{"cell_type": "code"}], "nbformat": 4}', /cell 1's source is not a string or a list of strings/],
      ['{"cells": [{"cell_type": "graph", "source": ""}], "nbformat": 4}', /cell 1 has no valid cell_type/],
      ['{"cells": [], "nbformat": 4} trailing', /unexpected text after the end/],
      ["", /unexpected end of file/],
    ];
    for (const [text, expected] of cases) {
      assert.throws(() => readNotebook(text), (err: Error) => err instanceof NotebookFormatError && expected.test(err.message) && !err.message.includes("\n"), text);
    }
    assert.throws(() => readNotebook("[".repeat(100_000)), NotebookFormatError, "deep nesting is an error, not a stack overflow");
  });

  it("replaces one cell's source and keeps every other byte, list or string, in the file's own layout", () => {
    for (const indent of [1, 2, 4]) {
      const json = notebookJson([{ source: "import torch\n", outputs: [{ output_type: "stream", name: "stdout", text: ["é ok\n"] }] }, { source: "x = 1\ny = 2" }, { source: "z = 3\n", asString: true }], { indent });
      const nb = readNotebook(json);
      const changed = withCellSource(nb, 1, "x = 1\nw = 0\ny = 2");
      const expected = JSON.parse(json);
      expected.cells[1].source = ["x = 1\n", "w = 0\n", "y = 2"];
      assert.equal(changed, `${JSON.stringify(expected, null, indent)}\n`, `indent ${indent}`);
      const asString = withCellSource(nb, 2, "z = 4\n");
      expected.cells[1].source = ["x = 1\n", "y = 2"];
      expected.cells[2].source = "z = 4\n";
      assert.equal(asString, `${JSON.stringify(expected, null, indent)}\n`);
      assert.equal(withCellSource(nb, 1, nb.cells[1].source), json, "the same source gives the same bytes");
    }
  });

  it("keeps escaped spellings of lines it did not change, and escapes new text as the file does", () => {
    const json = '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": ["s = \\"caf\\u00e9\\"\\n", "t = 1"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}';
    const nb = readNotebook(json);
    assert.equal(nb.cells[0].source, 's = "café"\nt = 1');
    const out = withCellSource(nb, 0, 's = "café"\nt = 2  # né');
    assert.equal(out, '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": ["s = \\"caf\\u00e9\\"\\n", "t = 2  # n\\u00e9"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}');
    assert.equal(JSON.parse(out).cells[0].source.join(""), 's = "café"\nt = 2  # né');
  });

  it("fills an empty source list in nbformat's layout", () => {
    const json = notebookJson([{ source: "" }]);
    const out = withCellSource(readNotebook(json), 0, "a = 1\nb = 2");
    assert.deepEqual(JSON.parse(out).cells[0].source, ["a = 1\n", "b = 2"]);
    assert.match(out, /"source": \[\n {4}"a = 1\\n",\n {4}"b = 2"\n {3}\]/);
  });

  it("finds the file line of a cell line (one source item per line)", () => {
    const json = notebookJson([{ source: "a = 1\nb = 2\nc = 3" }, { source: "d = 4\ne = 5", asString: true }]);
    const nb = readNotebook(json);
    const lines = json.split("\n");
    assert.match(lines[fileLineOfCellLine(nb, 0, 2) - 1], /"b = 2\\n"/);
    assert.match(lines[fileLineOfCellLine(nb, 0, 3) - 1], /"c = 3"/);
    assert.match(lines[fileLineOfCellLine(nb, 1, 2) - 1], /"d = 4\\ne = 5"/);
  });
});
