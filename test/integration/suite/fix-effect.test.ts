// Issue 21: after a quick fix the figures reflect it. A CPU script's GL001 int8 fix states "A instead of B on HW";
// once applied, the class's CodeLens on that hardware shows A (it was B) and says what the script applied.
import * as assert from "assert";
import * as vscode from "vscode";
import { codeLensTitles, fixtureUri, greenlight, greenlightDiagnostics, hoverText, lineOf, openFixture, revertAndClose, setSetting, waitFor } from "./helpers";
import { openUntitled } from "./quick-fix-resolve.test";

/**
 * These tests apply fixes: each edits an untitled copy of the fixture, so that whatever the workbench does with an
 * edited document (a file saved under load was seen once) cannot change the fixture for the tests after it.
 */
async function openCopyOf(fixture: string): Promise<vscode.TextDocument> {
  return openUntitled(fixture.replace(/\.py$/, "_copy"), new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(fixture))));
}

suite("a fix's effect on the figures", () => {
  test("the quantize fix changes the MLP's lens to the figure the fix stated", async () => {
    await greenlight();
    const previous = vscode.workspace.getConfiguration("greenlight").inspect<string>("hardware")?.globalValue;
    const document = await openCopyOf("cpu_mlp.py");
    try {
      const finding = await waitFor("GL001 on the script's model", () =>
        greenlightDiagnostics(document.uri).find((d) => typeof d.code === "object" && d.code.value === "GL001"),
      );
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, finding.range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
      const fix = actions.find((a) => a.title.includes("int8 dynamic quantization") && a.edit);
      assert.ok(fix, `an int8 fix among: ${actions.map((a) => a.title).join(" | ")}`);
      const stated = /\(([\d.]+ [µm]?J) instead of ([\d.]+ [µm]?J) on ([\w-]+), energy model\)/.exec(fix.title);
      assert.ok(stated, fix.title);
      const [, after, before, hardware] = stated;
      // The finding names the basis of its figures in the lens's words: hardware, precision, batch.
      const basis = /per inference on ([\w-]+), fp32, batch (\d+) \(energy model/.exec(finding.message);
      assert.ok(basis && basis[1] === hardware, finding.message);
      const batch = basis[2];
      // The lens estimates on the selected hardware: select the one the fix's figures are for.
      await setSetting("hardware", hardware);
      const lensBefore = await waitFor("the MLP lens on that hardware", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("MLP") && t.includes(`(${hardware},`)));
      assert.ok(lensBefore.includes(`${before} per sample`), `${lensBefore} (stated before: ${before})`);
      assert.ok(lensBefore.includes(`(${hardware}, fp32, batch ${batch})`), `${lensBefore}: the finding's basis`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), "the fix applies");
      const lensAfter = await waitFor("the MLP lens after the fix", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("MLP") && t !== lensBefore && t.includes("int8")));
      assert.ok(lensAfter.includes(`${after} per sample`), `${lensAfter} (stated after: ${after})`);
      assert.ok(lensAfter.includes(`(${hardware}, fp32 + int8 Linear, batch ${batch})`), `${lensAfter}: the basis after the fix`);
      assert.ok(lensAfter.includes("as 'model' runs it: int8 weights in 3 Linear layers"), lensAfter);
      assert.strictEqual((await codeLensTitles(document.uri)).filter((t) => t.startsWith("model ")).length, 0, "one lens: the instance is the class's model");
    } finally {
      await revertAndClose(document);
      await setSetting("hardware", previous);
    }
  });

  test("a layer's own line offers 'Quantize this layer' and 'Prune this layer'; quantizing it changes that layer only", async () => {
    await greenlight();
    const document = await openCopyOf("cpu_mlp.py");
    try {
      const line = lineOf(document, "self.fc2 = nn.Linear");
      const range = new vscode.Range(line, 8, line, 8);
      const layerActions = async () => ((await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, range, vscode.CodeActionKind.RefactorRewrite.value, 50)) ?? []);
      const actions = await waitFor("the layer actions on fc2's line", async () => {
        const found = await layerActions();
        return found.some((a) => a.title.startsWith("Quantize this layer")) ? found : undefined;
      });
      assert.ok(actions.some((a) => a.title.startsWith("Prune this layer") && a.title.includes("'fc2'")), actions.map((a) => a.title).join(" | "));
      const quantize = actions.find((a) => a.title.startsWith("Quantize this layer"))!;
      assert.ok(quantize.title.includes("CPU") && quantize.title.includes("'fc2'"), quantize.title);
      assert.ok(await vscode.workspace.applyEdit(quantize.edit!), "the action applies");
      assert.ok(document.getText().includes('quantize_dynamic(model, {"fc2"}, dtype=torch.qint8)'), document.getText());
      const lens = await waitFor("the MLP lens after quantizing fc2", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("MLP") && t.includes("int8 weights in 1 Linear layer")));
      assert.ok(lens.includes("+ int8 Linear"), lens);
    } finally {
      await revertAndClose(document);
    }
  });

  test("the prune fix on a convolutional model: the lens names the pruned layers and keeps the energy the title said would not change", async () => {
    await greenlight();
    const document = await openCopyOf("cpu_convnet.py");
    try {
      const finding = await waitFor("GL001 on the ConvNet", () =>
        greenlightDiagnostics(document.uri).find((d) => typeof d.code === "object" && d.code.value === "GL001"),
      );
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, finding.range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
      const prune = actions.find((a) => a.title.startsWith("Prune 30% of weights") && a.edit);
      assert.ok(prune, `a prune fix among: ${actions.map((a) => a.title).join(" | ")}`);
      // Dense kernels multiply the zeros: the title promises no saving, and the int8 fix, which costs energy at this
      // size, is not titled as a saving either.
      assert.ok(prune.title.includes("no energy saving"), prune.title);
      const int8 = actions.find((a) => a.title.startsWith("int8 dynamic quantization"));
      assert.ok(!int8 || (int8.title.includes("not a saving") && !/; saves /.test(int8.title)), int8?.title);
      const lensBefore = await waitFor("the ConvNet lens", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("ConvNet") && t.includes("per sample")));
      assert.ok(!lensBefore.includes("pruned"), lensBefore);
      const energy = (t: string) => /([\d.]+ [µm]?J) per sample/.exec(t)?.[1];
      assert.ok(energy(lensBefore), lensBefore);
      assert.ok(await vscode.workspace.applyEdit(prune.edit!), "the fix applies");
      const lensAfter = await waitFor("the ConvNet lens after pruning", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("ConvNet") && t.includes("pruned")));
      assert.ok(lensAfter.includes("as 'model' runs it: pruned 2 Conv2d layers, 1 Linear layer"), lensAfter);
      assert.strictEqual(energy(lensAfter), energy(lensBefore), `${lensAfter}: the same energy as before (${lensBefore})`);
      await waitFor("GL001 gone or without the prune fix", async () => {
        const again = greenlightDiagnostics(document.uri).find((d) => typeof d.code === "object" && d.code.value === "GL001");
        if (!again) return true;
        const offered = (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, again.range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
        return offered.some((a) => a.title.startsWith("Prune 30% of weights")) ? undefined : true;
      });
    } finally {
      await revertAndClose(document);
    }
  });

  test("a model the script runs under torch.autocast is shown at bf16 in the lens and hover, never as fp32", async () => {
    await greenlight();
    const document = await openFixture("autocast_mlp.py");
    try {
      const lens = await waitFor("the MLP lens", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("MLP") && t.includes("per sample")));
      assert.ok(/, bf16, batch \d+\)/.test(lens), lens);
      assert.ok(lens.includes("as 'model' runs it: bf16 autocast (line 18)"), lens);
      assert.ok(!lens.includes("fp32"), lens);
      // The hover's Markdown escapes punctuation: read it as shown.
      const hover = (await hoverText(document.uri, new vscode.Position(lineOf(document, "class MLP"), 7))).replace(/\\(.)/g, "$1");
      assert.ok(hover.includes("bf16 autocast (line 18)"), hover);
    } finally {
      await revertAndClose(document);
    }
  });
});
