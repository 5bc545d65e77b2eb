// Typing into a document: the analysis follows each edit, re-parsing from the previous tree (tree-sitter edits),
// and ends exactly where an analysis of the same text from scratch does.
import * as assert from "assert";
import * as vscode from "vscode";
import { formatCount } from "../../../src/core/report/format";
import { codeLensTitles, fixtureUri, greenlight, reportedModel, waitFor } from "./helpers";
import { simpleCnn } from "./reference";

suite("incremental analysis while typing", () => {
  test("edits typed into a model re-parse incrementally and give the figures of a fresh analysis", async () => {
    const api = await greenlight();
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri("simple_cnn.py")));
    const document = await vscode.workspace.openTextDocument({ language: "python", content: original });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const first = await waitFor("the first CodeLens", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith(simpleCnn.name)));
    assert.ok(first.includes(`${formatCount(simpleCnn.params)} params`), first);
    const before = await api.parseCounts();

    // A new layer typed a piece at a time below the first construction line, waiting for each re-analysis.
    const anchor = document.getText().indexOf("\n", document.getText().indexOf("self.conv1 ="));
    const pieces = ["\n        self.extra", " = nn.Lin", "ear(10, 10)"];
    let offset = anchor;
    for (const piece of pieces) {
      const at = document.positionAt(offset);
      assert.ok(await editor.edit((builder) => builder.insert(at, piece)), "edit applied");
      offset += piece.length;
      await codeLensTitles(document.uri);
    }
    const extraParams = 10 * 10 + 10;
    const edited = await waitFor("the CodeLens with the new layer", async () =>
      (await codeLensTitles(document.uri)).find((t) => t.startsWith(simpleCnn.name) && t.includes(`${formatCount(simpleCnn.params + extraParams)} params`)),
    );
    const after = await api.parseCounts();
    assert.ok(after.incremental > before.incremental, `incremental parses ${before.incremental} → ${after.incremental}`);

    // The same final text opened fresh: same CodeLens.
    const fresh = await vscode.workspace.openTextDocument({ language: "python", content: document.getText() });
    const freshTitle = await waitFor("the fresh document's CodeLens", async () => (await codeLensTitles(fresh.uri)).find((t) => t.startsWith(simpleCnn.name)));
    assert.strictEqual(edited, freshTitle);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });

  test("an open report follows edits to its model; the calculator keeps its fields", async () => {
    const api = await greenlight();
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri("simple_cnn.py")));
    const document = await vscode.workspace.openTextDocument({ language: "python", content: original });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await waitFor("the CodeLens", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith(simpleCnn.name)));
    assert.strictEqual(await vscode.commands.executeCommand("greenlight.showReport", document.uri, simpleCnn.name), simpleCnn.name);
    await waitFor("the report to draw", () => api.reportView()?.model === simpleCnn.name);
    assert.strictEqual((await reportedModel())?.params, simpleCnn.params);
    const calculatorKey = await waitFor("the calculator", () => api.reportCalculator()?.initial.key);

    await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preview: false });
    const anchor = document.getText().indexOf("\n", document.getText().indexOf("self.conv1 ="));
    assert.ok(await editor.edit((builder) => builder.insert(document.positionAt(anchor), "\n        self.extra = nn.Linear(10, 10)")));
    const followed = await waitFor("the report to show the edited model", async () => {
      const model = await reportedModel();
      return model && model.params === simpleCnn.params + 110 ? model : undefined;
    });
    assert.strictEqual(followed.name, simpleCnn.name);
    assert.strictEqual(api.reportCalculator()?.initial.key, calculatorKey, "the calculator was not reset by the edit");
    const reportTabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
    await vscode.window.tabGroups.close(reportTabs);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });
});
