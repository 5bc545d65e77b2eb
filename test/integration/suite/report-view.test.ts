// Issue 21: the report of a real transformer reads in one screen. A 12-layer GPT (ModuleDict trunk, a list of
// blocks, a tied head) is charted by block, with the twelve blocks folded into one row, and by kind of layer;
// names are whole; the module tree starts with the top-level modules and opens on demand.
import * as assert from "assert";
import * as vscode from "vscode";
import { greenlight, hoverText, lineOf, openFixture, reportedModel, waitFor } from "./helpers";

suite("report: grouped charts and module tree", () => {
  test("a 12-layer GPT's report folds its blocks, groups by kind, and starts with a short tree", async () => {
    const api = await greenlight();
    const document = await openFixture("gpt_small.py");
    await vscode.commands.executeCommand("greenlight.showReport", document.uri, "GPTSmall");
    const view = await waitFor("the report to draw GPTSmall", async () => ((await reportedModel())?.name === "GPTSmall" && api.reportView()?.model === "GPTSmall" ? api.reportView() : undefined));
    assert.deepStrictEqual(view.byBlock, [
      "transformer.wte · Embedding",
      "transformer.wpe · Embedding",
      "transformer.h.0–11 · 12 × Block",
      "transformer.ln_f · LayerNorm",
      "lm_head · Linear",
    ]);
    assert.deepStrictEqual([...view.byKind].sort(), ["MLP", "attention", "embeddings", "head", "normalization"]);
    assert.ok(view.byBlock.every((label) => !label.includes("…")), "names are whole");
    assert.strictEqual(view.treeRows, 3, "the model and its two top-level modules");
    const model = (await reportedModel())!;
    assert.ok(model.params > 20e6 && model.params < 30e6, `${model.params}`);
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
    await vscode.window.tabGroups.close(tabs);
  });

  test("a layer's hover links to its model's report, and the link's command opens it", async () => {
    const api = await greenlight();
    const document = await openFixture("gpt_small.py");
    const hover = await waitFor("the hover with its links", async () => {
      const text = await hoverText(document.uri, new vscode.Position(lineOf(document, "self.lm_head = nn.Linear"), 14));
      return text.includes("command:greenlight.showReport") ? text : undefined;
    });
    assert.ok(hover.includes("tied to `transformer.wte`, counted there"), `the tied head says where its weight is counted: ${hover}`);
    const link = /\[Open report\]\(command:greenlight\.showReport\?([^ )]+)/.exec(hover);
    assert.ok(link, hover);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    await vscode.commands.executeCommand("greenlight.showReport", ...args);
    await waitFor("the report of GPTSmall", async () => (await reportedModel())?.name === "GPTSmall" && api.reportView()?.model === "GPTSmall");
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview));
  });
});
