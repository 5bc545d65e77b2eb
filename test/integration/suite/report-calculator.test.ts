// Issue 4: the report's training-run calculator starts from the training plan read from the model's file (epochs,
// samples, batch), each field labelled with where it came from, and shows an estimate at once. Browser-safe: runs in
// code-server's Node extension host and in test-web's web worker (only vscode APIs, workspace.fs included).
import * as assert from "assert";
import * as vscode from "vscode";
import type { TestProbes } from "../../../src/vscode/test-probes";
import type { CalculatorShown, CalculatorView } from "../../../src/vscode/report-panel";
import { closeSavedEditors, EXTENSION_ID, exportedBasis, fixtureUri, greenlight, lineOf, waitFor } from "./helpers";

type CalculatorHook = () => { initial: CalculatorView; shown?: CalculatorShown } | undefined;

/** The test probe on the report's calculator (ReportPanel.calculator, wired in src/vscode/activate.ts). */
function calculatorHook(api: TestProbes): CalculatorHook {
  const hook = (api as TestProbes & { reportCalculator?: CalculatorHook }).reportCalculator;
  assert.ok(hook, "the test probes have no reportCalculator(): activate.ts must register `reportCalculator: () => report.calculator()`");
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
    // The hardware in effect, as the same report's export states it.
    assert.strictEqual(shown.values.hardware, (await exportedBasis()).hardware);
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
    // The save changes the file on disk, which starts the open documents' analyses again while the command waits.
    const name = await vscode.commands.executeCommand<string>("greenlight.showReport", document.uri, undefined, lineOf(document, "class Net(") + 1);
    assert.ok(name, "the report opened on no model after the edit");
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
    assert.strictEqual(shown.values.batch, (await exportedBasis()).batch);
    assert.strictEqual(shown.labels.batch, "from settings");
    assert.strictEqual(shownSteps(shown), shown.values.epochs * Math.ceil(shown.values.samples / shown.values.batch));
  });
});

suite("report: CodeCarbon runs beside the estimate", () => {
  // A training script that tracks itself with CodeCarbon, and the emissions.csv its runs wrote beside it.
  const script = "tracked/train_tracked.py";
  const SOURCE = [
    "import torch",
    "from torch import nn",
    "from torch.utils.data import DataLoader, TensorDataset",
    "from codecarbon import EmissionsTracker",
    "",
    "class TrackedNet(nn.Module):",
    "    def __init__(self):",
    "        super().__init__()",
    "        self.fc1 = nn.Linear(784, 512)",
    "        self.fc2 = nn.Linear(512, 10)",
    "    def forward(self, x):",
    "        return self.fc2(torch.relu(self.fc1(x)))",
    "",
    "def main():",
    "    data = TensorDataset(torch.zeros(60000, 784), torch.zeros(60000, dtype=torch.long))",
    "    loader = DataLoader(data, batch_size=256, shuffle=True)",
    "    model = TrackedNet()",
    '    with EmissionsTracker(project_name="tracked-mlp") as tracker:',
    "        for epoch in range(5):",
    "            for x, y in loader:",
    "                model(x).sum().backward()",
    "",
  ].join("\n");
  const header = "timestamp,project_name,run_id,duration,emissions,cpu_energy,gpu_energy,ram_energy,energy_consumed,gpu_count,gpu_model";
  const row = (project: string, seconds: number, gpuKwh: number) => `2026-12-01T10:00:00,${project},r,${seconds},0.001,0.0001,${gpuKwh},0.00001,${gpuKwh + 0.00011},1,NVIDIA H100`;

  suiteSetup(async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    await vscode.workspace.fs.writeFile(fixtureUri(script), encode(SOURCE));
    await vscode.workspace.fs.writeFile(fixtureUri("tracked/emissions.csv"), encode([header, row("tracked-mlp", 0.5, 0.00002), row("someone-else", 9, 0.1), row("tracked-mlp", 0.6, 0.000024), row("tracked-mlp", 0.55, 0.000022)].join("\n") + "\n"));
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration("greenlight").update("calibration", undefined, vscode.ConfigurationTarget.Workspace);
    await closeSavedEditors();
    await vscode.workspace.fs.delete(fixtureUri("tracked"), { recursive: true, useTrash: false });
  });

  test("shows the tracker's runs beside the estimate for the same run, and calibrates the hardware to them", async () => {
    const api = await greenlight();
    const hook = calculatorHook(api);
    const document = await vscode.workspace.openTextDocument(fixtureUri(script));
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand("greenlight.showReport", document.uri, "TrackedNet");
    const measured = await waitFor("the report's CodeCarbon runs", () => hook()?.initial.measured);
    assert.strictEqual(measured.project, "tracked-mlp");
    assert.match(measured.file, /tracked\/emissions\.csv$/);
    assert.strictEqual(measured.measured.runs, 3, "the other project's row is left out");
    assert.strictEqual(measured.measured.durationSeconds, 0.55);
    assert.ok(measured.estimated && measured.estimated.deviceKwh > 0, measured.message);
    assert.match(measured.estimated.reason, /-bound on /);

    const fitted = await vscode.commands.executeCommand<{ runs: number; hardware: string }>("greenlight.calibrateToMeasuredRuns");
    assert.ok(fitted, "the command fitted the profile");
    assert.strictEqual(fitted.runs, 3);
    const kept = vscode.workspace.getConfiguration("greenlight").inspect<{ runs: number }>("calibration");
    assert.strictEqual(kept?.workspaceValue?.runs, 3, "kept in the workspace settings");
    const calibrated = await waitFor("the calibrated estimate", () => (hook()?.initial.measured?.calibratedRuns === 3 ? hook()!.initial.measured : undefined));
    assert.match(calibrated.estimated!.reason, /calibrated from 3 runs/);
    assert.ok(Math.abs((calibrated.estimated!.hours * 3600) / 0.55 - 1) < 0.15, `calibrated time ${calibrated.estimated!.hours * 3600} s against 0.55 s measured`);

    await vscode.commands.executeCommand("greenlight.clearCalibration");
    assert.strictEqual(vscode.workspace.getConfiguration("greenlight").inspect("calibration")?.workspaceValue ?? null, null);
  });
});
