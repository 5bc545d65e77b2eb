// Diagnostics for partly resolved models, their code, and applying the quick fix through the real API.
import * as assert from "assert";
import * as vscode from "vscode";
import { codeLensTitles, greenlight, greenlightDiagnostics, lineOf, openFixture, waitFor } from "./helpers";
// Its suite (lazy rule fixes, issue 4) runs in both hosts, as this one does.
import "./quick-fix-resolve.test";
import "./held-quick-fix.test";

/** Greenlight's diagnostics for partly resolved models (rule findings have rule ids as codes). */
function unresolvedDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return greenlightDiagnostics(uri).filter((diagnostic) => diagnostic.code === "unresolved");
}

const FIXTURE = "needs_input.py";

suite("diagnostics and quick fixes", () => {
  suiteSetup(async () => {
    await openFixture(FIXTURE);
    await greenlight();
  });

  test("an unresolved part of a model is a Hint that says what to set", async () => {
    const document = await openFixture(FIXTURE);
    const diagnostics = await waitFor("an unresolved-model diagnostic", () => {
      const found = unresolvedDiagnostics(document.uri);
      return found.length > 0 ? found : undefined;
    });
    for (const diagnostic of diagnostics) {
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Hint);
      assert.ok(diagnostic.message.includes("# greenlight: input="), diagnostic.message);
    }
    assert.strictEqual(diagnostics[0].range.start.line, lineOf(document, "class Flexible"), "on the model's class line");
    const titles = await codeLensTitles(document.uri);
    assert.ok(titles.some((title) => title.includes("incomplete")), `CodeLens says incomplete: ${titles.join(" | ")}`);
  });

  test("the quick fix writes the input pragma above the class, and the hint goes away", async () => {
    const document = await openFixture(FIXTURE);
    const diagnostic = await waitFor("a diagnostic", () => unresolvedDiagnostics(document.uri)[0]);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const setShape = actions.find((action) => action.command?.command === "greenlight.setInputShape");
    assert.ok(setShape, `a fix that asks for the shape among: ${actions.map((a) => a.title).join(" | ")}`);
    assert.ok(setShape.title.includes("Flexible"), setShape.title);

    // The command-based fix, given the shape a user would type, edits the document above the class.
    const classLine = lineOf(document, "class Flexible");
    // forward(x, mask): two inputs of 64 features.
    // The fix's arguments are (uri, line, inputs, model name): the inputs stand in for what the input box would ask.
    const args = [...(setShape.command!.arguments ?? [])];
    assert.strictEqual(args[3], "Flexible", "the model is named, so a line that moved since still finds it");
    args[2] = "4x64;4x64";
    assert.strictEqual(await vscode.commands.executeCommand(setShape.command!.command, ...args), true);
    assert.strictEqual(document.lineAt(classLine).text, "# greenlight: input=4x64;4x64");
    assert.strictEqual(document.lineAt(classLine + 1).text, "class Flexible(nn.Module):");

    // Running it again updates that pragma instead of adding a second one.
    await vscode.commands.executeCommand(setShape.command!.command, ...(setShape.command!.arguments ?? []).slice(0, 1), classLine + 2, "2x64;2x64");
    assert.strictEqual(document.lineAt(classLine).text, "# greenlight: input=2x64;2x64");
    assert.strictEqual(document.lineAt(classLine + 1).text, "class Flexible(nn.Module):");
    await waitFor("the hint to go away", () => unresolvedDiagnostics(document.uri).length === 0);
    const titles = await codeLensTitles(document.uri);
    assert.ok(titles.length === 1 && !titles[0].includes("incomplete"), `complete now: ${titles.join(" | ")}`);
  });

  test("rule findings are diagnostics whose code is the rule id, linked to its documentation", async () => {
    const document = await openFixture("conv_bn.py");
    const gl004 = await waitFor("two GL004 findings", () => {
      const found = greenlightDiagnostics(document.uri).filter((d) => typeof d.code === "object" && d.code.value === "GL004");
      return found.length === 2 ? found : undefined;
    });
    for (const diagnostic of gl004) {
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.ok(code.target instanceof vscode.Uri && /GL004/i.test(code.target.toString()), `documentation link: ${code.target}`);
      assert.ok(document.lineAt(diagnostic.range.start.line).text.includes("nn.Conv2d"), "on a Conv2d line");
    }
    assert.deepStrictEqual(
      gl004.map((d) => d.range.start.line),
      [lineOf(document, "self.conv = nn.Conv2d"), lineOf(document, "self.conv2 = nn.Conv2d")],
    );
  });

  test("'Disable GL004 for this line' writes the ignore pragma above it and that finding goes", async () => {
    const document = await openFixture("conv_bn.py");
    const line = lineOf(document, "self.conv = nn.Conv2d");
    const isGl004 = (d: vscode.Diagnostic) => typeof d.code === "object" && d.code.value === "GL004";
    const diagnostic = await waitFor("GL004 on the first conv", () => greenlightDiagnostics(document.uri).find((d) => isGl004(d) && d.range.start.line === line));
    const before = greenlightDiagnostics(document.uri).filter(isGl004).length;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const disable = actions.find((action) => action.title === "Disable GL004 for this line");
    assert.ok(disable?.edit, `among: ${actions.map((a) => a.title).join(" | ")}`);
    assert.ok(actions.some((action) => action.title === "Disable GL004 for this file"));
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.match(document.lineAt(line).text, /^\s+# greenlight: ignore\[GL004\]$/);
    await waitFor("one GL004 fewer", () => greenlightDiagnostics(document.uri).filter(isGl004).length === before - 1);
    await vscode.commands.executeCommand("undo");
  });

  test("applying a rule's quick fix edits the document and clears that finding", async () => {
    const document = await openFixture("conv_bn.py");
    const line = lineOf(document, "self.conv = nn.Conv2d");
    const diagnostic = await waitFor("GL004 on the first conv", () =>
      greenlightDiagnostics(document.uri).find((d) => typeof d.code === "object" && d.code.value === "GL004" && d.range.start.line === line),
    );
    const paramsBefore = await waitFor("the CodeLens", async () => (await codeLensTitles(document.uri))[0]);
    // Rule fixes come without their edit (resolved against the document as it is then): ask VS Code to resolve them.
    const resolveCount = 50;
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        "vscode.executeCodeActionProvider",
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
        resolveCount,
      )) ?? [];
    const fix = actions.find((action) => action.title.includes("(GL004)") && action.edit);
    assert.ok(fix, `a GL004 fix among: ${actions.map((a) => a.title).join(" | ")}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), "the edit applies");
    assert.ok(/bias=False\)$/.test(document.lineAt(line).text.trimEnd()), document.lineAt(line).text);
    // The finding on that line goes; the other conv's stays; the model loses the 8 bias parameters.
    await waitFor("GL004 gone from the fixed line", () =>
      !greenlightDiagnostics(document.uri).some((d) => typeof d.code === "object" && d.code.value === "GL004" && d.range.start.line === line),
    );
    assert.strictEqual(greenlightDiagnostics(document.uri).filter((d) => typeof d.code === "object" && d.code.value === "GL004").length, 1);
    const after = await waitFor("a new CodeLens", async () => (await codeLensTitles(document.uri)).find((t) => t !== paramsBefore));
    assert.ok(after.startsWith("ConvBN"), after);
  });

  test("fix all applies every finding's first fix, once, and the file still analyzes", async () => {
    const document = await openFixture("conv_bn.py");
    await waitFor("findings", () => greenlightDiagnostics(document.uri).some((d) => typeof d.code === "object"));
    const applied = await vscode.commands.executeCommand<number>("greenlight.fixAllInFile", document.uri);
    assert.ok(applied >= 1, `fixes applied: ${applied}`);
    const text = document.getText();
    assert.strictEqual(text.match(/bias=False/g)?.length, 2, text);
    await waitFor("no fixable findings left", () => {
      const codes = greenlightDiagnostics(document.uri).filter((d) => typeof d.code === "object").map((d) => (d.code as { value: string }).value);
      return !codes.includes("GL004");
    });
    // Running it again changes nothing: the fixes are not offered twice.
    assert.strictEqual(await vscode.commands.executeCommand<number>("greenlight.fixAllInFile", document.uri), 0);
    assert.strictEqual(document.getText(), text);
    await waitFor("the model's CodeLens after the fixes", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("ConvBN")));
  });
});
