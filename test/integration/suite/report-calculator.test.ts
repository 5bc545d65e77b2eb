// Issue 4: the report's training-run calculator starts from the training plan read from the model's file (epochs,
// samples, batch), each field labelled with where it came from, and shows an estimate at once. Browser-safe: runs in
// code-server's Node extension host and in test-web's web worker (only vscode APIs, workspace.fs included).
import * as assert from "assert";
import * as vscode from "vscode";
import type { GreenlightApi } from "../../../src/vscode/activate";
import type { CalculatorShown, CalculatorView } from "../../../src/vscode/report-panel";
import { closeSavedEditors, EXTENSION_ID, fixtureUri, greenlight, lineOf, waitFor } from "./helpers";

type CalculatorHook = () => { initial: CalculatorView; shown?: CalculatorShown } | undefined;

/** The API's read-only hook on the report's calculator (ReportPanel.calculator, wired in src/vscode/activate.ts). */
function calculatorHook(api: GreenlightApi): CalculatorHook {
  const hook = (api as GreenlightApi & { reportCalculator?: CalculatorHook }).reportCalculator;
  assert.ok(hook, "the extension API has no reportCalculator(): activate.ts must return `reportCalculator: () => report.calculator()`");
  return hook;
}

/** Waits until the page shows the calculator of the model it was opened on, with its first estimate. */
async function shownCalculator(hook: CalculatorHook): Promise<{ initial: CalculatorView; shown: CalculatorShown }> {
  return waitFor("the report's calculator to show its first estimate", () => {
    const state = hook();
    if (!state?.shown || state.initial.status === "reading") return undefined;
    const output = state.shown.output;
    return output !== "" && output !== "Estimating…" ? { initial: state.initial, shown: state.shown } : undefined;
  });
}

/** The number an argparse option of the script defaults to, read from its text. */
function argparseDefault(document: vscode.TextDocument, flag: string): number {
  const match = new RegExp(`"${flag}", type=int, default=(\\d+)`).exec(document.getText());
  assert.ok(match, `${flag} has no integer default in ${document.uri.path}`);
  return Number(match[1]);
}

/** Steps of the run the page shows, as its estimate line starts ("13132 steps · ..."). */
function shownSteps(shown: CalculatorShown): number {
  const match = /^(\d+) steps/.exec(shown.output);
  assert.ok(match, `no step count in "${shown.output}"`);
  return Number(match[1]);
}

suite("report: training calculator from the code", () => {
  // A PyTorch MNIST training script (test/fixtures/training, the analyzer's own training fixture), copied into the
  // workspace as a user's train script would be.
  const script = "training/mnist_argparse.py";

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const source = vscode.Uri.joinPath(extension.extensionUri, "test", "fixtures", "training", "mnist_argparse.py");
    await vscode.workspace.fs.writeFile(fixtureUri(script), await vscode.workspace.fs.readFile(source));
  });

  suiteTeardown(async () => {
    await closeSavedEditors();
    await vscode.workspace.fs.delete(fixtureUri("training"), { recursive: true, useTrash: false });
  });

  test("opens with epochs and batch as the script states them, each labelled with its line, and an estimate", async () => {
    const api = await greenlight();
    const hook = calculatorHook(api);
    const document = await vscode.workspace.openTextDocument(fixtureUri(script));
    await vscode.window.showTextDocument(document, { preview: false });
    const opened = Date.now();
    const name = await vscode.commands.executeCommand<string>("greenlight.showReport", document.uri, undefined, lineOf(document, "class Net(") + 1);
    assert.ok(name, "the report opened on no model");
    const { initial, shown } = await shownCalculator(hook);
    console.log(`      (calculator filled from the code ${Date.now() - opened} ms after Show Report)`);
    assert.strictEqual(initial.status, "code", initial.note);

    const epochs = argparseDefault(document, "--epochs");
    const batch = argparseDefault(document, "--batch-size");
    assert.strictEqual(shown.values.epochs, epochs);
    assert.strictEqual(shown.values.batch, batch);
    assert.strictEqual(shown.labels.epochs, `from mnist_argparse.py:${lineOf(document, "for epoch in range(") + 1}`);
    assert.strictEqual(shown.labels.batch, `from mnist_argparse.py:${lineOf(document, "DataLoader(dataset1") + 1}`);
    // MNIST's training split: a size from the dataset table, at the line that loads it.
    assert.strictEqual(shown.labels.samples, `dataset size, mnist_argparse.py:${lineOf(document, "train=True") + 1}`);
    assert.ok(shown.values.samples > 0 && shown.values.samples === initial.fields.samples.value);
    assert.strictEqual(shown.values.hardware, api.settings().hardware);
    assert.strictEqual(shown.labels.hardware, "from settings");
    assert.strictEqual(shown.values.dropLast, false);
    // The estimate the page shows is for the values in its fields: the script keeps the last partial batch.
    assert.strictEqual(shownSteps(shown), epochs * Math.ceil(shown.values.samples / batch));
  });

  test("after the script changes, showing the report again reads the new figures", async () => {
    const api = await greenlight();
    const hook = calculatorHook(api);
    const document = await vscode.workspace.openTextDocument(fixtureUri(script));
    await vscode.window.showTextDocument(document, { preview: false });
    const before = argparseDefault(document, "--epochs");
    const after = before + 3;
    const line = lineOf(document, '"--epochs", type=int');
    const text = document.lineAt(line).text;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(line).range, text.replace(`default=${before}`, `default=${after}`));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    await vscode.commands.executeCommand("greenlight.showReport", document.uri, undefined, lineOf(document, "class Net(") + 1);
    const { shown } = await waitFor("the calculator of the edited script", () => {
      const state = hook();
      return state?.shown?.values.epochs === after && /^\d+ steps/.test(state.shown.output) ? { shown: state.shown } : undefined;
    });
    assert.strictEqual(shownSteps(shown), after * Math.ceil(shown.values.samples / shown.values.batch));
  });

  test("a file without training code: placeholders and the settings' batch, labelled so, still with an estimate", async () => {
    const api = await greenlight();
    const hook = calculatorHook(api);
    const document = await vscode.workspace.openTextDocument(fixtureUri("simple_cnn.py"));
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand("greenlight.showReport", document.uri);
    const { shown } = await waitFor("the calculator of simple_cnn.py", () => {
      const state = hook();
      return state?.shown && state.initial.file === "simple_cnn.py" && /^\d+ steps/.test(state.shown.output) ? { shown: state.shown } : undefined;
    });
    assert.match(shown.labels.epochs, /placeholder/);
    assert.match(shown.labels.samples, /placeholder/);
    assert.strictEqual(shown.values.batch, api.settings().batchSize);
    assert.strictEqual(shown.labels.batch, "from settings");
    assert.strictEqual(shownSteps(shown), shown.values.epochs * Math.ceil(shown.values.samples / shown.values.batch));
  });
});
