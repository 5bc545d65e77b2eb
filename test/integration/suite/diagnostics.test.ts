// Diagnostics for partly resolved models, their code, and applying the quick fix through the real API.
import * as assert from "assert";
import * as vscode from "vscode";
import { codeLensTitles, greenlight, greenlightDiagnostics, lineOf, openFixture, waitFor } from "./helpers";

const FIXTURE = "needs_input.py";

suite("diagnostics and quick fixes", () => {
  suiteSetup(async () => {
    await openFixture(FIXTURE);
    await greenlight();
  });

  test("an unresolved part of a model is a Hint that says what to set", async () => {
    const document = await openFixture(FIXTURE);
    const diagnostics = await waitFor("a Greenlight diagnostic", () => {
      const found = greenlightDiagnostics(document.uri);
      return found.length > 0 ? found : undefined;
    });
    for (const diagnostic of diagnostics) {
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Hint);
      assert.strictEqual(diagnostic.code, "unresolved");
      assert.ok(diagnostic.message.includes("# greenlight: input="), diagnostic.message);
    }
    const titles = await codeLensTitles(document.uri);
    assert.ok(titles.some((title) => title.includes("incomplete")), `CodeLens says incomplete: ${titles.join(" | ")}`);
  });

  test("the quick fix writes the input pragma above the class, and the hint goes away", async () => {
    const document = await openFixture(FIXTURE);
    const diagnostic = await waitFor("a diagnostic", () => greenlightDiagnostics(document.uri)[0]);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const setShape = actions.find((action) => action.command?.command === "greenlight.setInputShape");
    assert.ok(setShape, `a fix that asks for the shape among: ${actions.map((a) => a.title).join(" | ")}`);
    assert.ok(setShape.title.includes("Flexible"), setShape.title);

    // The command-based fix, given the shape a user would type, edits the document above the class.
    const classLine = lineOf(document, "class Flexible");
    // forward(x, mask): two inputs of 64 features.
    const args = [...(setShape.command!.arguments ?? []), "4x64;4x64"];
    assert.strictEqual(await vscode.commands.executeCommand(setShape.command!.command, ...args), true);
    assert.strictEqual(document.lineAt(classLine).text, "# greenlight: input=4x64;4x64");
    assert.strictEqual(document.lineAt(classLine + 1).text, "class Flexible(nn.Module):");

    // Running it again updates that pragma instead of adding a second one.
    await vscode.commands.executeCommand(setShape.command!.command, ...(setShape.command!.arguments ?? []).slice(0, 1), classLine + 2, "2x64;2x64");
    assert.strictEqual(document.lineAt(classLine).text, "# greenlight: input=2x64;2x64");
    assert.strictEqual(document.lineAt(classLine + 1).text, "class Flexible(nn.Module):");
    await waitFor("the hint to go away", () => greenlightDiagnostics(document.uri).length === 0);
  });
});
