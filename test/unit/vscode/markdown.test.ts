import * as assert from "assert";
import { escapeMarkdown } from "../../../src/vscode/markdown";

describe("escapeMarkdown (src/vscode/markdown.ts)", () => {
  it("escapes Markdown's syntax and leaves spaces as spaces", () => {
    const text = "Carbon at 381 gCO2e/kWh (offline table, DEU) *yearly* [avg] #1 a_b `x`";
    const escaped = escapeMarkdown(text);
    assert.ok(!escaped.includes("&nbsp;"));
    assert.strictEqual(escaped, "Carbon at 381 gCO2e/kWh \\(offline table, DEU\\) \\*yearly\\* \\[avg\\] \\#1 a\\_b \\`x\\`");
    assert.strictEqual(escaped.replace(/\\(.)/g, "$1"), text, "unescaping gives the text back");
  });
});
