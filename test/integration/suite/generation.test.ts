// Generation and memory on the editor surfaces: the CodeLens above a generation, the hover's memory rows.
import * as assert from "assert";
import * as vscode from "vscode";
import { codeLensTitles, fixtureUri, greenlight, hoverText, lineOf, waitFor } from "./helpers";

const SOURCE = `import torch
import torch.nn as nn
import torch.nn.functional as F


# greenlight: input=1x64:int64
class TinyLM(nn.Module):
    def __init__(self, vocab=512, dim=128, heads=4):
        super().__init__()
        self.heads = heads
        self.embed = nn.Embedding(vocab, dim)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.head = nn.Linear(dim, vocab, bias=False)

    def forward(self, idx):
        b, t = idx.shape
        q, k, v = self.qkv(self.embed(idx)).view(b, t, 3, self.heads, -1).permute(2, 0, 3, 1, 4)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.head(y.transpose(1, 2).reshape(b, t, -1))


# greenlight: generate prompt=200 new=50 batch=2
`;

suite("generation and memory", () => {
  const uri = () => fixtureUri("generation_probe.py");

  suiteSetup(async () => {
    await greenlight();
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(SOURCE));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
    await vscode.workspace.fs.delete(uri());
  });

  test("a CodeLens above the generate pragma shows prefill, decode and energy per 1,000 tokens", async () => {
    const document = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(document, { preview: false });
    const title = await waitFor("a generation CodeLens", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("Generation")));
    assert.match(title, /prompt 200, 50 new, batch 2/);
    // Times in the unit formatDuration picks (µs for a small model's steps), as every other duration reads.
    assert.match(title, /prefill [\d.]+ (µs|ms|s) · decode [\d.]+ (µs|ms|s)\/token \((launch|memory|compute)-bound\)/);
    assert.match(title, /[\d.]+ [mµk]?J, [\d.]+ (µg|mg|g|kg|t)CO2e per 1k tokens/);
  });

  test("the hover on the model's line names its memory for generation and for a training step", async () => {
    const document = await vscode.workspace.openTextDocument(uri());
    const line = lineOf(document, "class TinyLM");
    const text = await waitFor("a memory hover", async () => {
      const hover = await hoverText(document.uri, new vscode.Position(line, 8));
      return hover.includes("Memory") ? hover : undefined;
    });
    const bytes = "[\\d.]+ (B|KiB|MiB|GiB)";
    assert.match(text, new RegExp(`Memory \\(generation\\) \\| peak ${bytes} \\(weights ${bytes}.*kv cache ${bytes}`));
    assert.match(text, new RegExp(`Memory \\(training step\\) \\| peak ${bytes} \\(weights ${bytes}, gradients ${bytes}, optimizer ${bytes}, activations`));
  });
});
