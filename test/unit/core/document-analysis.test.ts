import { strict as assert } from "node:assert";
import { SyntaxCache } from "../../../src/core/analyze";
import { analyzeWithRules, ruleSettingsOf } from "../../../src/core/document-analysis";
import { defaultSettings } from "../../../src/core/config";
import { memoryFiles, testParser } from "../helpers/analyze";

// The editor's path (in process and in the worker): the hardware setting is the run's target, so the code's
// torch.cuda checks answer for that GPU.
const text = `import torch
import torch.nn as nn
model = nn.Linear(8, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
dtype = torch.bfloat16 if torch.cuda.get_device_capability()[0] >= 8 else torch.float16
for step in range(10):
    with torch.autocast("cuda", dtype=dtype):
        loss = model(torch.randn(4, 8)).sum()
    loss.backward()
    opt.step()
`;

describe("analyzeWithRules (src/core/document-analysis.ts)", () => {
  it("analyzes for the rules' hardware: a V100 target reads fp16 where the default H100 reads bf16", async () => {
    const parser = await testParser();
    const run = (hardware: string) => analyzeWithRules(parser, { file: "/project/train.py", text, root: "/project", files: memoryFiles({ "/project/train.py": text }), cache: new SyntaxCache() }, ruleSettingsOf({ ...defaultSettings, hardware }), () => undefined).result.training;
    assert.equal(run("h100-sxm")?.precision?.value, "bf16");
    const v100 = run("v100");
    assert.equal(v100?.precision?.value, "fp16");
    assert.match(v100?.cudaQueries ?? "", /Tesla V100/);
  });
});
