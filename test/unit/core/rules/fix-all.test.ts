import assert from "node:assert/strict";
import { fixAll } from "../../../../src/core/rules/fix-all";
import type { Finding } from "../../../../src/core/rules/types";
import { countOccurrences, findingsOf, findingsReader, fixture, hasSyntaxError } from "./helpers";

describe("fixAll", () => {
  it("fixes identical findings in identical code in one pass", async () => {
    const read = await findingsReader();
    const body = "    model = Net()\n    model.eval()\n    print(model(torch.ones(1, 2)))\n";
    const text = `import torch\nimport torch.nn as nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(2, 2)\n\n    def forward(self, x):\n        return self.fc(x)\n\n\ndef a():\n${body}\n\ndef b():\n${body}`;
    const once = fixAll(text, read, { rule: "GL001", kind: "dynamic-int8" });
    assert.equal(once.applied.length, 2);
    assert.equal(countOccurrences(once.text, "model = torch.ao.quantization.quantize_dynamic("), 2);
    assert.equal(fixAll(once.text, read, { rule: "GL001" }).applied.length, 0, "twice equals once");
  });

  it("applies the fixes of several findings that each add the same import, and the import lands once", async () => {
    // Two models in one file: each GL001 fix wants `import torch.nn.utils.prune as prune`.
    const text = `import torch
import torch.nn as nn

first = nn.Sequential(nn.Linear(4, 4))
second = nn.Sequential(nn.Linear(4, 2))
`;
    const findings: Finding[][] = [];
    const collect = async (t: string) => (await findingsOf(t)).filter((f) => f.rule === "GL001");
    // fixAll takes a synchronous reader: precompute by running it step by step.
    let current = text;
    for (let i = 0; i < 3; i++) {
      const f = await collect(current);
      findings.push(f);
      const step = fixAll(current, (t) => (t === current ? f : []), { kind: "prune-l1", maxFixes: 1 });
      current = step.text;
    }
    assert.equal(findings[0].length, 2);
    assert.equal(findings[2].filter((f) => f.fixes.some((x) => x.kind === "prune-l1")).length, 0, "both pruned: the fix is not offered again");
    assert.equal(countOccurrences(current, "import torch.nn.utils.prune as prune"), 1);
    assert.equal(await hasSyntaxError(current), false);
  });

  it("ends even when a fix does not clear its finding, trying each once", () => {
    const stuck: Finding = {
      rule: "GL004", severity: "information", file: "f.py", line: 1, column: 1, endLine: 1, endColumn: 2, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: "m", fixes: [{ kind: "k", title: "t", edits: [{ file: "f.py", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "" }] }],
    };
    const result = fixAll("x = 1\\n", () => [stuck]);
    assert.equal(result.applied.length, 1);
    assert.equal(result.text, "x = 1\\n");
  });

  it("on a fixture, fixing all twice equals fixing all once", async () => {
    const text = fixture("train_gpu.py");
    // Findings for each text reached, computed up front so the reader is synchronous.
    const cache = new Map<string, Finding[]>();
    const read = async (t: string) => {
      if (!cache.has(t)) cache.set(t, await findingsOf(t));
      return cache.get(t)!;
    };
    let current = text;
    for (let round = 0; round < 10; round++) {
      await read(current);
      const step = fixAll(current, (t) => cache.get(t) ?? [], { maxFixes: 1 });
      if (step.applied.length === 0) break;
      current = step.text;
    }
    await read(current);
    const again = fixAll(current, (t) => cache.get(t) ?? []);
    assert.equal(again.text, current);
    assert.equal(await hasSyntaxError(current), false);
  });
});
