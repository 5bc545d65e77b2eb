import assert from "node:assert/strict";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { estimatePrecision } from "../../../../src/core/energy/precision";
import { estimateBasis } from "../../../../src/core/energy/figure-text";
import { formatJoules } from "../../../../src/core/rules/gl001-common";
import { appliedText } from "../../../../src/core/report/applied";
import type { ModelReport } from "../../../../src/core/report/model-report";
import { analyze, modelNamed } from "../../helpers/analyze";
import { FILE, findingsOf, fixAndCheck, ofRule } from "./helpers";

// Issue 16's rule seen from the editor: once a fix is in the code, re-analysing the file shows the figure the fix
// promised, on the class's own line (the lens), not the class built afresh in fp32.

const script = (name: string, variable: string) => `import torch
import torch.nn as nn


class ${name}(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2048, 2048)
        self.b = nn.Linear(2048, 2048)
        self.c = nn.Linear(2048, 10)

    def forward(self, x):
        return self.c(torch.relu(self.b(torch.relu(self.a(x)))))


${variable} = ${name}()
${variable}.eval()
x = torch.randn(1, 2048)
with torch.no_grad():
    y = ${variable}(x)
`;

/** Energy per sample the editor and CLI show for a report on this hardware (the code's precision, no override). */
function shown(model: ModelReport, hardware: string): string {
  const e = estimateModel(model, { hardware, dtype: estimatePrecision(model, undefined), mode: "inference" });
  return formatJoules(e.joules_per_iter / e.batch);
}

/** The basis a GL001 message states its figures on: hardware, precision and batch, as the CodeLens words them. */
function statedBasis(message: string): { hardware: string; precision: string; batch: number } {
  const m = /per inference on ([\w-]+), ([\w +]+), batch (\d+) \(energy model/.exec(message);
  assert.ok(m, message);
  return { hardware: m[1], precision: m[2], batch: Number(m[3]) };
}

describe("a fix's stated figures are what re-analysis shows", () => {
  for (const batch of [undefined, 8]) {
    it(`the finding names its basis (hardware, precision, batch ${batch ?? "of the input"}); the fixed model's estimate there is the promised figure, on the basis the lens words`, async () => {
      const text = script("MLP", "model");
      const finding = ofRule(await findingsOf(text, { batch }), "GL001")[0];
      const basis = statedBasis(finding.message);
      assert.deepEqual(basis, { hardware: "cpu-x86-server", precision: "fp32", batch: batch ?? 1 });
      // The selected hardware (h100-sxm by default) is not where this CPU script runs: the message says so.
      assert.match(finding.message, /the other estimates shown are on h100-sxm, the selected hardware/);
      const fix = finding.fixes.find((f) => f.kind === "dynamic-int8")!;
      const [, after] = /\(([\d.]+ [µm]?J) instead of ([\d.]+ [µm]?J) on/.exec(fix.title)!;
      const fixed = (await analyze(await fixAndCheck(text, "GL001", "dynamic-int8", { batch }), { file: FILE })).models[0];
      const e = estimateModel(fixed, { hardware: basis.hardware, dtype: estimatePrecision(fixed, undefined), mode: "inference", batch: basis.batch });
      assert.equal(formatJoules(e.joules_per_iter / e.batch), after);
      assert.equal(estimateBasis(e), `${basis.hardware}, fp32 + int8 Linear, batch ${basis.batch}`);
      // On the script's own hardware the note is not needed.
      const onCpu = ofRule(await findingsOf(text, { batch, hardware: "cpu-x86-server" }), "GL001")[0];
      assert.doesNotMatch(onCpu.message, /the selected hardware/);
      assert.deepEqual(statedBasis(onCpu.message), basis);
    });
  }


  for (const [name, variable] of [["MLP", "model"], ["Classifier", "net"]]) {
    it(`dynamic-int8 on a CPU script (${name} as '${variable}'): the class's report after the fix is the stated 'after'`, async () => {
      const text = script(name, variable);
      const fix = ofRule(await findingsOf(text), "GL001")[0].fixes.find((f) => f.kind === "dynamic-int8")!;
      const stated = /\(([\d.]+ [µm]?J) instead of ([\d.]+ [µm]?J) on ([\w-]+), energy model\)/.exec(fix.title);
      assert.ok(stated, fix.title);
      const [, after, before, hardware] = stated;
      const original = modelNamed(await analyze(text, { file: FILE }), name);
      assert.equal(shown(original, hardware), before);
      const fixed = await fixAndCheck(text, "GL001", "dynamic-int8");
      const result = await analyze(fixed, { file: FILE });
      assert.deepEqual(result.models.map((m) => m.name), [name], "one model, on the class's line");
      const model = result.models[0];
      assert.equal(model.line, original.line);
      assert.equal(shown(model, hardware), after);
      assert.notEqual(after, before);
      assert.equal(appliedText(model), `as '${variable}' runs it: int8 weights in 3 Linear layers`);
    });
  }
});
