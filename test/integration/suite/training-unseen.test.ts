// Issue 21: training is shown as training on scripts written apart from the ones the lens was built on: a Hugging
// Face `Trainer.train()`, a Lightning `Trainer.fit`, a Keras `fit`, and a loop in a notebook cell. Each gets a
// training lens (per step and per run) with the steps the code runs; what only switches a module to training mode
// (`model.train()`) gets none, and a notebook's model cell keeps its own lens.
import * as assert from "assert";
import * as vscode from "vscode";
import { closeSavedEditors, fixtureUri, lineOf, openFixture, waitFor } from "./helpers";

/** The resolved training lens titles of a document (or notebook cell), by 0-based line. */
async function trainingLenses(uri: vscode.Uri): Promise<Map<number, string>> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri, 100)) ?? [];
  return new Map(lenses.filter((lens) => lens.command?.title.startsWith("Training ")).map((lens) => [lens.range.start.line, lens.command!.title]));
}

/** Waits for the training lens on a line of a file fixture and returns its title. */
async function trainingLensAt(file: string, lineText: string): Promise<{ title: string; document: vscode.TextDocument }> {
  const document = await openFixture(file);
  const line = lineOf(document, lineText);
  const title = await waitFor(`the training lens of ${file} at '${lineText}'`, async () => (await trainingLenses(document.uri)).get(line));
  return { title, document };
}

suite("training CodeLens on unseen scripts", () => {
  suiteTeardown(closeSavedEditors);

  test("Hugging Face: trainer.train() gets a training lens with the TrainingArguments' batch; model.train() none", async function () {
    this.timeout(60_000);
    const { title, document } = await trainingLensAt("hf_trainer.py", "def main(");
    assert.match(title, /^Training TinyClassifier · [\d.]+ [mµk]?J\/step · [\d,]+ steps ≈ /, title);
    assert.match(title, /batch 32\b/, title);
    assert.ok(!title.includes("/inference"), title);
    const modeSwitch = lineOf(document, "def warm_up(");
    assert.strictEqual((await trainingLenses(document.uri)).get(modeSwitch), undefined, "model.train() only switches the mode");
  });

  test("Lightning: Trainer(max_epochs=4).fit over a 4,096-sample loader at batch 64 runs 256 steps", async function () {
    this.timeout(60_000);
    const { title } = await trainingLensAt("lit_fit.py", "def run(");
    assert.match(title, /^Training Regressor · [\d.]+ [mµk]?J\/step · 256 steps ≈ /, title);
    assert.match(title, /batch 64\b/, title);
  });

  test("Keras: fit(x, y, epochs=6, batch_size=50) on 2,000 rows of keras.random data runs 240 steps", async function () {
    this.timeout(60_000);
    const { title } = await trainingLensAt("keras_fit.py", "model.fit(");
    assert.match(title, /^Training \S+ · [\d.]+ [mµk]?J\/step · 240 steps ≈ /, title);
    assert.match(title, /batch 50\b/, title);
    assert.ok(!title.includes("assumed"), `the code states epochs, samples and batch: ${title}`);
  });

  test("a notebook: the loop's cell shows the training lens (400 steps); the model's cell keeps its model lens", async function () {
    this.timeout(90_000);
    const notebook = await vscode.workspace.openNotebookDocument(fixtureUri("train_loop.ipynb"));
    await vscode.window.showNotebookDocument(notebook, { preview: false });
    const cell = (text: string) => notebook.getCells().find((c) => c.document.getText().includes(text))!;
    const reveal = (c: vscode.NotebookCell) =>
      vscode.window.activeNotebookEditor?.revealRange(new vscode.NotebookRange(c.index, c.index + 1), vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
    const loop = cell("loss.backward()");
    const backwardLine = loop.document.getText().split("\n").findIndex((line) => line.includes("loss.backward()"));
    const title = await waitFor("the training lens in the loop's cell", async () => {
      reveal(loop);
      try {
        const lenses = await trainingLenses(loop.document.uri);
        return [...lenses.entries()].find(([line]) => line <= backwardLine)?.[1];
      } catch {
        return undefined;
      }
    });
    assert.match(title, /^Training Wide · [\d.]+ [mµk]?J\/step · 400 steps ≈ /, title);
    // The tooltip names where the steps are read in the notebook's terms (the cell and its line), not the program's.
    const lens = ((await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", loop.document.uri, 100)) ?? []).find((l) => l.command?.title === title);
    const tooltip = String(lens?.command?.tooltip ?? "");
    const rangeLine = loop.document.getText().split("\n").findIndex((line) => line.includes("range(400)")) + 1;
    assert.ok(tooltip.includes(`(cell ${loop.index + 1}, line ${rangeLine})`), tooltip);
    const model = cell("class Wide");
    reveal(model);
    const modelLenses = await waitFor("the model cell's lenses", async () => {
      try {
        const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", model.document.uri, 100)) ?? [];
        const titles = lenses.filter((lens) => lens.command?.command === "greenlight.showReport").map((lens) => lens.command!.title);
        return titles.length > 0 ? titles : undefined;
      } catch {
        return undefined;
      }
    });
    assert.ok(modelLenses.every((t) => !t.startsWith("Training ")), `the model's cell: ${modelLenses.join(" | ")}`);
    assert.ok(modelLenses.some((t) => t.startsWith("Wide")), `the model's cell: ${modelLenses.join(" | ")}`);
  });
});
