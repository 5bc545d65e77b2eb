import assert from "node:assert/strict";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { estimatePrecision } from "../../../../src/core/energy/precision";
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

describe("a fix's stated figures are what re-analysis shows", () => {
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
