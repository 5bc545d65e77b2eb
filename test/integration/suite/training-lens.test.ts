// Issue 21: training code is shown as training. Above `def train(...)` (a loop calling loss.backward()) the lens
// gives one step's energy and the whole run's, with the steps the code runs (3 epochs × 6,000 samples / batch 100
// = 180), not an inference figure.
import * as assert from "assert";
import * as vscode from "vscode";
import { lineOf, openFixture, waitFor } from "./helpers";

suite("training CodeLens", () => {
  test("a training loop's lens shows per-step and per-run figures with the steps the code runs", async function () {
    this.timeout(60_000);
    const document = await openFixture("train_mlp.py");
    const trainLine = lineOf(document, "def train(");
    const title = await waitFor("the training lens", async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", document.uri, 100)) ?? [];
      return lenses.find((lens) => lens.range.start.line === trainLine && lens.command?.title.startsWith("Training "))?.command?.title;
    });
    assert.match(title, /^Training MLP · [\d.]+ [mµk]?J\/step · 180 steps ≈ /, title);
    assert.match(title, /per run \(.+, batch 100, /, title);
    assert.ok(!title.includes("/inference"), title);
    assert.ok(!title.includes("assumed"), `the code states epochs, samples and batch: ${title}`);
  });
});
