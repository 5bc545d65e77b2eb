// A Jupyter notebook in VS Code's notebook editor: the model spread over cells is one program, each cell shows its
// own CodeLens, diagnostics and hovers, and a quick fix edits only its cell.
import * as assert from "assert";
import * as vscode from "vscode";
import { codeLensTitles, greenlight, greenlightDiagnostics, hoverText, inlayHints, lineOf, openNotebook, reportedModel, waitFor } from "./helpers";

// Net of the notebook: Conv2d(3, 32, 3) with bias, BatchNorm2d(32), Linear(32, 10).
const CONV_PARAMS = 3 * 32 * 9 + 32;
const NET_PARAMS = CONV_PARAMS + 2 * 32 + 32 * 10 + 10;

/** The first cell whose text contains `text`. */
function cellWith(notebook: vscode.NotebookDocument, text: string): vscode.NotebookCell {
  const cell = notebook.getCells().find((c) => c.document.getText().includes(text));
  if (!cell) throw new Error(`no cell with '${text}'`);
  return cell;
}

/**
 * Greenlight's CodeLens titles of a cell, once the workbench has the cell's text model (it makes one for cells it
 * renders: the cell is revealed first; the web workbench renders fewer at a time).
 */
async function cellLensTitles(cell: vscode.NotebookCell): Promise<string[]> {
  return waitFor(`cell ${cell.index + 1} rendered`, async () => {
    vscode.window.activeNotebookEditor?.revealRange(new vscode.NotebookRange(cell.index, cell.index + 1), vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
    try {
      return await codeLensTitles(cell.document.uri);
    } catch {
      return undefined;
    }
  });
}

/** Quick fixes at a range of a cell (resolved), once the workbench has the cell's text model. */
async function cellQuickFixes(cell: vscode.NotebookCell, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return waitFor(`cell ${cell.index + 1} rendered`, async () => {
    vscode.window.activeNotebookEditor?.revealRange(new vscode.NotebookRange(cell.index, cell.index + 1), vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
    try {
      return (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", cell.document.uri, range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
    } catch {
      return undefined;
    }
  });
}

function ruleDiagnostics(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return greenlightDiagnostics(uri).filter((d) => typeof d.code === "object" && d.code.value === rule);
}

/** The parameters of the model at a cell's first line, as "Estimate Model at Cursor" gives them (after the analysis of the current text). */
async function paramsIn(cell: vscode.NotebookCell): Promise<number | undefined> {
  const estimate = await vscode.commands.executeCommand<{ name: string; params: number } | undefined>("greenlight.estimateModelAtCursor", cell.document.uri, 1);
  return estimate?.params;
}

suite("notebooks", () => {
  suiteSetup(async () => {
    await openNotebook();
    await greenlight();
  });

  suiteTeardown(async () => {
    // The tests put the cells back as they were; reverting drops the notebook's dirty state too.
    await openNotebook();
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  test("the model's cell shows its CodeLens, shape hints and hover; other cells show none of its", async function () {
    this.timeout(60_000);
    const notebook = await openNotebook();
    const modelCell = cellWith(notebook, "class Net");
    const titles = await waitFor("the CodeLens in the model's cell", async () => {
      const found = await cellLensTitles(modelCell);
      return found.length > 0 ? found : undefined;
    });
    assert.deepStrictEqual(titles.length, 1, titles.join(" | "));
    assert.ok(titles[0].startsWith("Net · "), titles[0]);
    assert.strictEqual(await paramsIn(modelCell), NET_PARAMS);
    // The input comes from the example batch in a later cell (16x3x28x28): the conv's output shape says so.
    const hints = await inlayHints(modelCell.document);
    assert.ok(hints.some((h) => h.label.includes("16") && h.label.includes("28")), JSON.stringify(hints));
    const conv = lineOf(modelCell.document, "self.conv = nn.Conv2d");
    assert.match(await hoverText(modelCell.document.uri, new vscode.Position(conv, 10)), /Conv2d/);
    for (const cell of notebook.getCells()) {
      if (cell === modelCell || cell.kind !== vscode.NotebookCellKind.Code) continue;
      assert.deepStrictEqual(await cellLensTitles(cell), [], `no CodeLens in cell ${cell.index + 1}`);
    }
    // "Estimate Model at Cursor" in a cell: the model there.
    const estimate = await vscode.commands.executeCommand<{ name: string; params: number }>("greenlight.estimateModelAtCursor", modelCell.document.uri, conv + 1);
    assert.deepStrictEqual([estimate?.name, estimate?.params], ["Net", NET_PARAMS]);
  });

  test("findings land in their cells, and a quick fix edits only its cell", async function () {
    this.timeout(60_000);
    const notebook = await openNotebook();
    const modelCell = cellWith(notebook, "class Net");
    const inferenceCell = cellWith(notebook, "model = Net()");
    const conv = lineOf(modelCell.document, "self.conv = nn.Conv2d");
    const gl004 = await waitFor("GL004 in the model's cell", () => ruleDiagnostics(modelCell.document.uri, "GL004")[0]);
    assert.strictEqual(gl004.range.start.line, conv);
    // GL001 is about the inference cell: its line under %%time.
    const gl001 = await waitFor("GL001 in the inference cell", () => ruleDiagnostics(inferenceCell.document.uri, "GL001")[0]);
    assert.strictEqual(gl001.range.start.line, lineOf(inferenceCell.document, "model = Net()"));
    assert.deepStrictEqual(ruleDiagnostics(modelCell.document.uri, "GL001"), [], "no GL001 in the model's cell");

    const texts = () => notebook.getCells().map((c) => c.document.getText());
    const before = texts();
    const actions = await cellQuickFixes(modelCell, gl004.range);
    const fix = actions.find((action) => action.title.includes("(GL004)") && action.edit);
    assert.ok(fix, `a GL004 fix among: ${actions.map((a) => a.title).join(" | ")}`);
    assert.deepStrictEqual(
      fix.edit!.entries().map(([uri]) => uri.toString()),
      [modelCell.document.uri.toString()],
      "the fix edits the model's cell only",
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(modelCell.document.lineAt(conv).text, /bias=False\)$/);
    const after = texts();
    after.forEach((text, i) => i !== modelCell.index && assert.strictEqual(text, before[i], `cell ${i + 1} unchanged`));
    await waitFor("the model without the conv's bias", async () => (await paramsIn(modelCell)) === NET_PARAMS - 32);
    assert.ok((await cellLensTitles(modelCell))[0]?.startsWith("Net · "));
    await waitFor("GL004 gone", () => ruleDiagnostics(modelCell.document.uri, "GL004").length === 0);
    // Leave the fixture as it was for the next tests.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(modelCell.document.uri, new vscode.Range(0, 0, modelCell.document.lineCount, 0), before[modelCell.index]);
    assert.ok(await vscode.workspace.applyEdit(undo));
  });

  test("re-analysis follows edits in another cell, inserted cells and deleted cells", async function () {
    this.timeout(60_000);
    const notebook = await openNotebook();
    const modelCell = cellWith(notebook, "class Net");
    const configCell = cellWith(notebook, "WIDTH = 32");
    await waitFor("the model at width 32", async () => (await paramsIn(modelCell)) === NET_PARAMS);

    // The constant lives in an earlier cell: editing it changes the model's cell.
    const width = lineOf(configCell.document, "WIDTH = 32");
    const edit = new vscode.WorkspaceEdit();
    edit.replace(configCell.document.uri, configCell.document.lineAt(width).range, "WIDTH = 16");
    assert.ok(await vscode.workspace.applyEdit(edit));
    const at16 = 3 * 16 * 9 + 16 + 2 * 16 + 16 * 10 + 10;
    await waitFor(`the model at width 16 (${at16} params)`, async () => (await paramsIn(modelCell)) === at16);
    assert.match((await cellLensTitles(modelCell))[0] ?? "", new RegExp(`^Net · ${at16} params`), "the CodeLens follows");

    // A cell inserted between them redefines the width; deleting it restores the earlier value.
    const insert = new vscode.WorkspaceEdit();
    insert.set(notebook.uri, [vscode.NotebookEdit.insertCells(configCell.index + 1, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, "WIDTH = 8", "python")])]);
    assert.ok(await vscode.workspace.applyEdit(insert));
    const at8 = 3 * 8 * 9 + 8 + 2 * 8 + 8 * 10 + 10;
    await waitFor(`the model at width 8 (${at8} params)`, async () => (await paramsIn(modelCell)) === at8);
    const remove = new vscode.WorkspaceEdit();
    remove.set(notebook.uri, [vscode.NotebookEdit.deleteCells(new vscode.NotebookRange(configCell.index + 1, configCell.index + 2))]);
    assert.ok(await vscode.workspace.applyEdit(remove));
    await waitFor("the model at width 16 again", async () => (await paramsIn(modelCell)) === at16);

    const back = new vscode.WorkspaceEdit();
    back.replace(configCell.document.uri, configCell.document.lineAt(width).range, "WIDTH = 32");
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitFor("the model at width 32 again", async () => (await paramsIn(modelCell)) === NET_PARAMS);
  });

  test("moving a cell re-orders the program; the report works from the notebook editor", async function () {
    this.timeout(90_000);
    const notebook = await openNotebook();
    const modelCell = cellWith(notebook, "class Net");
    const configCell = cellWith(notebook, "WIDTH = 32");
    await waitFor("the model at width 32", async () => (await paramsIn(modelCell)) === NET_PARAMS);
    // A cell after the config cell re-binds the width before the model is built: the model follows it. (A cell at the
    // end would not: `model = Net()` ran before it, with WIDTH = 32, and the figures are those of that model.)
    const insert = new vscode.WorkspaceEdit();
    insert.set(notebook.uri, [vscode.NotebookEdit.insertCells(configCell.index + 1, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, "WIDTH = 8", "python")])]);
    assert.ok(await vscode.workspace.applyEdit(insert));
    const moved = cellWith(notebook, "WIDTH = 8");
    const at8 = 3 * 8 * 9 + 8 + 2 * 8 + 8 * 10 + 10;
    await waitFor(`the model at width 8 (${at8} params)`, async () => (await paramsIn(modelCell)) === at8);
    // The user's move (Alt+Up, the same cell document) above the config cell: WIDTH = 32 comes last again.
    const editor = vscode.window.activeNotebookEditor!;
    editor.selections = [new vscode.NotebookRange(moved.index, moved.index + 1)];
    while (moved.index > configCell.index) {
      const before = moved.index;
      await vscode.commands.executeCommand("notebook.cell.moveUp");
      await waitFor("the cell moved up", () => moved.index < before || undefined);
    }
    assert.strictEqual(cellWith(notebook, "WIDTH = 8"), moved, "moved, not re-created");
    await waitFor("the model at width 32 after the move", async () => (await paramsIn(modelCell)) === NET_PARAMS);

    // From the notebook editor, with no file given: the report opens on the notebook's model.
    editor.selections = [new vscode.NotebookRange(modelCell.index, modelCell.index + 1)];
    assert.strictEqual(await vscode.commands.executeCommand<string>("greenlight.showReport"), "Net");
    const api = await greenlight();
    await waitFor("the report rendered", () => api.reportView()?.model === "Net");
    assert.strictEqual((await reportedModel())?.params, NET_PARAMS);

    await openNotebook();
    const remove = new vscode.WorkspaceEdit();
    remove.set(notebook.uri, [vscode.NotebookEdit.deleteCells(new vscode.NotebookRange(moved.index, moved.index + 1))]);
    assert.ok(await vscode.workspace.applyEdit(remove));
    await waitFor("the model at width 32 still", async () => (await paramsIn(modelCell)) === NET_PARAMS);
  });
});
