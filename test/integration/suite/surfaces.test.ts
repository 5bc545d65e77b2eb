// CodeLens, hover, inlay hints and diagnostics on real fixture files, through the real provider commands.
import * as assert from "assert";
import * as vscode from "vscode";
import { formatCount, formatFlops, formatShape } from "../../../src/core/report/format";
import { codeLenses, codeLensTitles, greenlight, hoverText, inlayHints, lineOf, openFixture, waitFor } from "./helpers";
import { simpleCnn, twoBlocks } from "./reference";

suite("editor surfaces", () => {
  suiteSetup(async () => {
    await openFixture("simple_cnn.py");
    await greenlight();
  });

  test("the extension activates on a Python file and loads tree-sitter through workspace.fs", async () => {
    const extension = vscode.extensions.getExtension("greenlight.greenlight");
    assert.ok(extension?.isActive, "active after opening a .py file");
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes("greenlight.showReport"));
  });

  test("CodeLens above the model shows its name, parameters, FLOPs and energy", async () => {
    const document = await openFixture("simple_cnn.py");
    const lenses = await waitFor("a CodeLens", async () => {
      const found = await codeLenses(document.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.strictEqual(lenses.length, 1, "one model in the file");
    const title = lenses[0].command!.title;
    assert.ok(title.startsWith(`${simpleCnn.name} · `), title);
    assert.ok(title.includes(`${formatCount(simpleCnn.params)} params`), `params in '${title}'`);
    assert.ok(title.includes(formatFlops(simpleCnn.flops)), `FLOPs in '${title}'`);
    // Energy from src/core/energy at the configured hardware and batch, and carbon per 1,000 inferences.
    const hardware = vscode.workspace.getConfiguration("greenlight").get<string>("hardware");
    assert.ok(/[\d.]+ [mµn]?J per sample/.test(title), `energy in '${title}'`);
    assert.ok(new RegExp(`[\\d.]+ (k|m|µ)?gCO2e per 1,000 samples \\(${hardware}, fp32, batch 1\\)`).test(title), `carbon in '${title}'`);
    assert.strictEqual(lenses[0].range.start.line, lineOf(document, "class SimpleCNN"), "placed on the class line");
    assert.deepStrictEqual(lenses[0].command!.arguments?.[1], simpleCnn.name, "clicking opens this model's report");
  });

  test("a model built from an imported module is resolved through the workspace index", async () => {
    const document = await openFixture("imports_block.py");
    await (await greenlight()).indexed();
    const title = await waitFor("the TwoBlocks CodeLens", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith(twoBlocks.name)));
    assert.ok(title.includes(`${formatCount(twoBlocks.params)} params`), title);
    assert.ok(title.includes(formatFlops(twoBlocks.flops)), title);
    assert.ok(!title.includes("incomplete"), `complete: ${title}`);
  });

  test("hover on a layer's construction line shows its parameters and share of the model", async () => {
    const document = await openFixture("simple_cnn.py");
    const line = lineOf(document, "self.conv1 =");
    const text = await hoverText(document.uri, new vscode.Position(line, document.lineAt(line).text.indexOf("nn.Conv2d")));
    assert.ok(text.includes("Conv2d"), text);
    assert.ok(text.includes(formatCount(simpleCnn.conv1Params)), `conv1 params in: ${text}`);
    assert.ok(text.includes(formatFlops(simpleCnn.conv1Flops)), `conv1 FLOPs in: ${text}`);
    const share = Math.round((100 * simpleCnn.conv1Params) / simpleCnn.params);
    assert.ok(text.includes(`${share}%`), `share ${share}% in: ${text}`);
    assert.ok(/Energy \| [\d.]+ [mµn]?J per sample/.test(text), `what it costs, in: ${text}`);
  });

  test("hover on a forward line shows the output shape", async () => {
    const document = await openFixture("simple_cnn.py");
    const line = lineOf(document, "self.pool(self.relu");
    const text = await hoverText(document.uri, new vscode.Position(line, 10));
    assert.ok(text.includes(formatShape(simpleCnn.shapes.afterPool)), text);
    // conv, relu and pool run on that line: its FLOPs are the convolution's.
    assert.ok(text.includes(formatFlops(simpleCnn.conv1Flops)), text);
  });

  test("inlay hints show the shape at the end of each forward line", async () => {
    const document = await openFixture("simple_cnn.py");
    const hints = await inlayHints(document);
    const at = (text: string) => hints.find((hint) => hint.line === lineOf(document, text))?.label;
    // The last tensor of each line that ran ops (conv → relu → pool ends at the pool's output).
    assert.strictEqual(at("self.pool(self.relu"), `→ ${formatShape(simpleCnn.shapes.afterPool)}`);
    assert.strictEqual(at("return self.fc"), `→ ${formatShape(simpleCnn.shapes.output)}`);
    // No hint on lines that are not forward code.
    assert.strictEqual(at("class SimpleCNN"), undefined);
    assert.strictEqual(at("super().__init__()"), undefined);
  });

  test("an edit is analyzed again and results follow the new version", async () => {
    const document = await openFixture("simple_cnn.py");
    const editor = await vscode.window.showTextDocument(document);
    const line = lineOf(document, "nn.Linear(16 * 16 * 16, num_classes)");
    const start = document.lineAt(line).text.indexOf("num_classes)");
    // 10 classes → 20 classes: the linear layer's parameters change, and the CodeLens must say so.
    await editor.edit((edit) => edit.replace(new vscode.Range(line, start, line, start + "num_classes".length), "2 * num_classes"));
    const expected = simpleCnn.params + 16 * 16 * 16 * 10 + 10;
    const title = await waitFor("the CodeLens of the edited model", async () => {
      const titles = await codeLensTitles(document.uri);
      return titles.find((t) => t.includes(`${formatCount(expected)} params`));
    });
    assert.ok(title.startsWith(simpleCnn.name), title);
    await vscode.commands.executeCommand("undo");
    await waitFor("the original CodeLens after undo", async () =>
      (await codeLensTitles(document.uri)).find((t) => t.includes(`${formatCount(simpleCnn.params)} params`)),
    );
  });

  test("the lens tooltip and the hover say what a mixture-of-experts count assumes, as the CLI does", async () => {
    const document = await openFixture("moe_block.py");
    const lens = await waitFor("the MoE block's CodeLens", async () => (await codeLenses(document.uri)).find((l) => l.command!.title.startsWith("MoE ")));
    const routingLine = lineOf(document, "idx, top_x = torch.where(mask[i])") + 1;
    assert.ok(lens.command!.tooltip?.includes(`Assumed (moe_block.py:${routingLine}): which expert each token goes to is data`), lens.command!.tooltip);
    const hover = await hoverText(document.uri, new vscode.Position(lineOf(document, "self.gate = nn.Linear"), 10));
    assert.ok(hover.includes("40 picks over 4 experts"), hover);
  });
});
