// Hardening (issue 9): a quick fix is only offered for the document version it was computed from, and fix all
// is one edit (one undo). Works on an untitled copy of conv_bn.py, so the fixtures stay as the other suites expect.
import * as assert from "assert";
import * as vscode from "vscode";
import { fixtureUri, greenlight, greenlightDiagnostics, revertAndClose, waitFor } from "./helpers";

const GL004 = "GL004";

function isGl004(diagnostic: vscode.Diagnostic): boolean {
  return typeof diagnostic.code === "object" && diagnostic.code.value === GL004;
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, range, vscode.CodeActionKind.QuickFix.value, 50);
  return (actions ?? []).filter((action) => action.title.includes(`(${GL004})`));
}

/** The lines a code action's edit touches in `uri`. */
function editedLines(action: vscode.CodeAction, uri: vscode.Uri): number[] {
  return (action.edit?.get(uri) ?? []).map((edit) => edit.range.start.line);
}

async function openCopyOfConvBn(): Promise<vscode.TextDocument> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri("conv_bn.py")));
  const document = await vscode.workspace.openTextDocument({ language: "python", content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}


suite("quick-fix safety", () => {
  test("after an edit, a fix computed for the old version is not offered; the recomputed one targets the moved line", async () => {
    await greenlight();
    const document = await openCopyOfConvBn();
    try {
      const firstConv = await waitFor("GL004 diagnostics", () => {
        const found = greenlightDiagnostics(document.uri).filter(isGl004);
        return found.length > 0 ? found.sort((a, b) => a.range.start.line - b.range.start.line)[0] : undefined;
      });
      const line = firstConv.range.start.line;
      const before = await quickFixes(document.uri, firstConv.range);
      assert.ok(before.length > 0, "a GL004 fix is offered for the analyzed version");
      assert.deepStrictEqual(editedLines(before[0], document.uri), [line], "the fix edits the finding's line");

      // The user inserts two lines above the class: every finding moves down by two.
      const insert = new vscode.WorkspaceEdit();
      insert.insert(document.uri, new vscode.Position(0, 0), "# added\n# lines\n");
      assert.ok(await vscode.workspace.applyEdit(insert));

      // At once (the new version is not analyzed yet: the engine debounces): nothing may edit the old line.
      const immediately = await quickFixes(document.uri, firstConv.range);
      for (const action of immediately) assert.ok(!editedLines(action, document.uri).includes(line), `stale fix offered: ${action.title}`);

      // Once the new version is analyzed, the fix is recomputed for the moved line.
      const moved = await waitFor("the GL004 diagnostic on the moved line", () => greenlightDiagnostics(document.uri).find((d) => isGl004(d) && d.range.start.line === line + 2));
      const after = await waitFor("a recomputed fix", async () => (await quickFixes(document.uri, moved.range))[0]);
      assert.deepStrictEqual(editedLines(after, document.uri), [line + 2]);
      assert.ok(await vscode.workspace.applyEdit(after.edit!));
      assert.ok(/bias=False\)$/.test(document.lineAt(line + 2).text.trimEnd()), document.lineAt(line + 2).text);
      assert.strictEqual(document.lineAt(line).text.includes("bias=False"), false, "the line the stale fix named is untouched");
    } finally {
      await revertAndClose(document);
    }
  });

  test("fix all is one edit: a single undo restores the file", async () => {
    await greenlight();
    const document = await openCopyOfConvBn();
    try {
      const original = document.getText();
      await waitFor("findings", () => greenlightDiagnostics(document.uri).filter(isGl004).length >= 2);
      const applied = await vscode.commands.executeCommand<number>("greenlight.fixAllInFile", document.uri);
      assert.ok(applied >= 2, `fixes applied: ${applied}`);
      assert.notStrictEqual(document.getText(), original);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand("undo");
      assert.strictEqual(document.getText(), original, "one undo undoes every fix");
    } finally {
      await revertAndClose(document);
    }
  });
});
