// Analysis off the extension host (issue 19): typing into a ~2,000-line model keeps the host's event loop on time
// (a 4 ms timer is never late by as long as one analysis of the model takes), because the analysis and the rules run
// on a worker thread; and the figures the CodeLens shows are those of a fresh analysis of the same text.
import * as assert from "assert";
import * as vscode from "vscode";
import { formatCount } from "../../../src/core/report/format";
import { codeLensTitles, fixtureUri, greenlight, waitFor } from "./helpers";

const LAYERS = 600;
const WIDTH = 64;
const TICK_MS = 4;
/** The bound asserted: the goal is one frame (16 ms); measured on the 2-core CI machine the host still stalls
 *  up to ~22 ms (mapping a 600-layer result to lenses, hints and diagnostics), against 80–270 ms for the analysis
 *  itself on the host, which this bound rules out. */
const LATENESS_LIMIT_MS = 40;

/** A model of LAYERS Linear layers with helper functions around it: about 2,000 lines. */
function largeModel(): string {
  const helpers = Array.from({ length: 160 }, (_, i) => `def helper_${i}(x, scale=${i + 1}):\n    y = x * scale\n    z = y + ${i}\n    return z - y\n\n`).join("");
  const build = Array.from({ length: LAYERS }, (_, i) => `        self.layer_${i} = nn.Linear(${WIDTH}, ${WIDTH})\n`).join("");
  const forward = Array.from({ length: LAYERS }, (_, i) => `        x = self.layer_${i}(x)\n`).join("");
  return `import torch\nimport torch.nn as nn\n\n\n${helpers}\n# greenlight: input=1x${WIDTH}\nclass LargeModel(nn.Module):\n    def __init__(self):\n        super().__init__()\n${build}\n    def forward(self, x):\n${forward}        return x\n`;
}

/** Records how late a TICK_MS interval fires on this (the extension host's) event loop. */
function lateness(): { stop(): { max: number; ticks: number } } {
  let last = performance.now();
  let max = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - TICK_MS);
    last = now;
    ticks++;
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      return { max, ticks };
    },
  };
}

suite("analysis off the extension host", () => {
  const uri = () => fixtureUri("generated_large/large_model.py");

  suiteTeardown(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await vscode.workspace.fs.delete(fixtureUri("generated_large"), { recursive: true, useTrash: false });
  });

  test("typing into a 2,000-line model never stalls the host's event loop for an analysis, with unchanged figures", async () => {
    await greenlight();
    const text = largeModel();
    assert.ok(text.split("\n").length >= 1900, `${text.split("\n").length} lines`);
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri());
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const params = LAYERS * (WIDTH * WIDTH + WIDTH);
    await waitFor("the large model's CodeLens", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("LargeModel") && t.includes(`${formatCount(params)} params`)), 60_000);

    // Typing a new layer into __init__ a few characters at a time, the editor asking for lenses as it goes.
    const monitor = lateness();
    const anchor = document.getText().indexOf("\n", document.getText().indexOf("self.layer_0 ="));
    const typed = `\n        self.extra = nn.Linear(${WIDTH}, 10)`;
    for (let i = 0; i < typed.length; i += 3) {
      const at = document.positionAt(anchor + i);
      assert.ok(await editor.edit((builder) => builder.insert(at, typed.slice(i, i + 3))), "edit applied");
      await codeLensTitles(document.uri);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const extra = WIDTH * 10 + 10;
    const edited = await waitFor("the CodeLens with the typed layer", async () =>
      (await codeLensTitles(document.uri)).find((t) => t.startsWith("LargeModel") && t.includes(`${formatCount(params + extra)} params`)),
    60_000);
    const { max, ticks } = monitor.stop();
    console.log(`      event-loop lateness while typing: max ${max.toFixed(1)} ms over ${ticks} ticks of ${TICK_MS} ms`);
    assert.ok(ticks > 50, `${ticks} ticks`);
    assert.ok(max < LATENESS_LIMIT_MS, `the host's event loop was ${max.toFixed(1)} ms late`);

    // The same text opened fresh: the same figures.
    const fresh = await vscode.workspace.openTextDocument({ language: "python", content: document.getText() });
    const freshTitle = await waitFor("the fresh document's CodeLens", async () => (await codeLensTitles(fresh.uri)).find((t) => t.startsWith("LargeModel")), 60_000);
    assert.strictEqual(edited, freshTitle);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });
});
