import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { notebookProgram, pythonOfCell } from "../../../../src/core/notebook/notebook-program";
import { runMagicsOf } from "../../../../src/core/interp/notebook-run-magic";

// IPython's `%run -i f.py` runs the file in the notebook's namespace where the line stands; `%run f.py` runs it apart
// and loads its names after. A book's notebooks build their data and model this way from the repository's scripts.
const program = (...cells: string[]) => notebookProgram(cells.map((source, index) => ({ index, source }))).text;

const MAKE_POINTS = `n_points = 120
features = torch.randn(n_points, 3)
targets = torch.randn(n_points, 1)
`;

const BUILD_NET = `net = torch.nn.Linear(3, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
criterion = torch.nn.MSELoss()
`;

const FULL_BATCH_LOOP = `for epoch in range(50):
    loss = criterion(net(features), targets)
    loss.backward()
    opt.step()
    opt.zero_grad()`;

describe("notebook %run magic", function () {
  this.timeout(60_000);

  it("keeps a top-level %run line as a comment of the same length, an indented one a no-op", () => {
    assert.equal(pythonOfCell("%run -i data/make_points.py"), "#run -i data/make_points.py");
    assert.equal(pythonOfCell("if True:\n    %run -i a.py"), "if True:\n    ...# -i a.py");
  });

  it("reads the file, its flags and leaves prose and modules out", () => {
    const comments = new Map([
      [3, "#run -i data/make_points.py"],
      [1, "#run net.py 10"],
      [5, "#run the training for longer"],
      [7, "#run -m package.module"],
    ]);
    assert.deepEqual(runMagicsOf(comments), [
      { line: 1, file: "net.py", interactive: false },
      { line: 3, file: "data/make_points.py", interactive: true },
    ]);
  });

  it("runs `%run -i` files in the notebook's namespace: they read its names and it reads theirs", async () => {
    const text = program("import torch", "%run -i data/make_points.py\n%run -i build_net.py", FULL_BATCH_LOOP);
    const result = await analyze(text, { file: "/project/book.ipynb", others: { "/project/data/make_points.py": MAKE_POINTS, "/project/build_net.py": BUILD_NET } });
    assert.equal(result.training?.epochs?.value, 50);
    assert.equal(result.training?.batch?.value, 120);
    assert.equal(result.training?.samples?.value, 120);
  });

  it("loads a plain `%run` file's names after it runs on its own", async () => {
    const text = program("import torch", "%run setup_all.py", FULL_BATCH_LOOP);
    const others = { "/project/setup_all.py": `import torch\n${MAKE_POINTS}${BUILD_NET}` };
    const result = await analyze(text, { file: "/project/book.ipynb", others });
    assert.equal(result.training?.epochs?.value, 50);
    assert.equal(result.training?.samples?.value, 120);
  });
});
