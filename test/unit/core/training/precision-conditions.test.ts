import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";
import { trainingSettings, type EstimateSettings } from "../../../../src/cli/estimate-options";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// A training script whose mixed precision sits under `if <test>:`, the test's value given by `setup`.
const script = (setup: string, test: string, cast: string) => `import torch
import torch.nn as nn
${setup}

model = nn.Linear(8, 2).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
if ${test}:
    ${cast}
for epoch in range(3):
    for step in range(100):
        loss = model(torch.randn(4, 8).cuda()).sum()
        loss.backward()
        optimizer.step()
`;

describe("a 16-bit precision under a test the analyzer cannot read (src/core/training/precision-conditions.ts)", () => {
  const apex = "from apex import amp\n    model, optimizer = amp.initialize(model, optimizer, opt_level='O2')";

  it("runs at fp32 and says which test it could not read, when the flag comes from a package that is gone", async () => {
    const plan = await planOf(script("from gone_toolkit.training import HParams\nhparams = HParams(fp16_run=False)", "hparams.fp16_run", apex));
    assert.equal(plan.precision?.value, "fp32");
    assert.equal(plan.precision?.line, 10);
    assert.match(plan.precision?.detail ?? "", /^fp16 \(amp\.initialize\(opt_level='O2'\)\) only when hparams\.fp16_run, which the analyzer cannot read: fp32 assumed$/);
    assert.ok((plan.notes ?? []).some((n) => n.includes("only when hparams.fp16_run")), JSON.stringify(plan.notes));
  });

  it("takes the precision when the same test is known to hold, and drops it without a word when known not to", async () => {
    const on = await planOf(script("class HParams:\n    fp16_run = True\nhparams = HParams()", "hparams.fp16_run", apex));
    assert.equal(on.precision?.value, "fp16");
    const off = await planOf(script("class HParams:\n    fp16_run = False\nhparams = HParams()", "hparams.fp16_run", apex));
    assert.equal(off.precision?.value, "fp32");
    assert.match(off.precision?.detail ?? "", /^fp16 \(amp\.initialize\(opt_level='O2'\)\) only when hparams\.fp16_run, which the plain run does not meet: fp32$/);
    assert.equal((off.notes ?? []).some((n) => n.includes("cannot read")), false);
  });

  it("a .half() under a flag the defaults leave off is no 16-bit run: the train-mode estimate is fp32, not the cast weights'", async () => {
    const result = await analyze(script("import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--half', type=int, default=0)\nargs = parser.parse_args()", "args.half", "model = model.half()"));
    assert.equal(result.training?.precision?.value, "fp32");
    assert.match(result.training?.precision?.detail ?? "", /only when args\.half, which the plain run does not meet/);
    assert.equal(trainingSettings({ mode: "train" } as EstimateSettings, result.training).dtype, "fp32");
  });

  it("a switched-off cast alone states no training: a file with no run figures gets no plan from it", async () => {
    const text = "import argparse\nimport torch.nn as nn\nparser = argparse.ArgumentParser()\nparser.add_argument('--half', type=int, default=0)\nargs = parser.parse_args()\nmodel = nn.Linear(8, 2)\nif args.half:\n    model = model.half()\n";
    assert.equal((await analyze(text)).training?.precision, undefined);
  });

  // `autocast = torch.cuda.amp.autocast if args.fp16 else nullcontext`, then `with autocast():` in the step.
  const chosen = (flag: string) => `import argparse
from contextlib import nullcontext
import torch
import torch.nn as nn
parser = argparse.ArgumentParser()
parser.add_argument('--fp16', type=int, default=${flag})
args = parser.parse_args()
model = nn.Linear(8, 2).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
autocast = torch.cuda.amp.autocast if args.fp16 else nullcontext
for epoch in range(3):
    for step in range(100):
        with autocast():
            loss = model(torch.randn(4, 8).cuda()).sum()
        loss.backward()
        optimizer.step()
`;

  it("a name called as autocast is what the defaults bind it to: nullcontext casts nothing, torch's autocast runs fp16", async () => {
    const off = await planOf(chosen("0"));
    assert.equal(off.precision?.value, "fp32");
    assert.match(off.precision?.detail ?? "", /only when autocast is nullcontext, which the plain run does not meet/);
    const on = await planOf(chosen("1"));
    assert.equal(on.precision?.value, "fp16");
  });

  // `with torch.cuda.amp.autocast(enabled=X):` in the step, X given by `setup`.
  const enabledBy = (setup: string, flag: string) => `import torch
import torch.nn as nn
${setup}
model = nn.Linear(8, 2).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for step in range(100):
        with torch.cuda.amp.autocast(enabled=${flag}):
            loss = model(torch.randn(4, 8).cuda()).sum()
        loss.backward()
        optimizer.step()
`;

  it("autocast(enabled=X) is off when X is known false, cannot be read when X is unknown, and runs fp16 when X is true", async () => {
    const off = await planOf(enabledBy("use_amp = False", "use_amp"));
    assert.match(off.precision?.detail ?? "", /only when enabled=use_amp, which the plain run does not meet: fp32$/);
    const unread = await planOf(enabledBy("import mystery_config\ncfg = mystery_config.load()", "cfg.amp"));
    assert.equal(unread.precision?.value, "fp32");
    assert.match(unread.precision?.detail ?? "", /only when enabled=cfg\.amp, which the analyzer cannot read: fp32 assumed$/);
    const on = await planOf(enabledBy("use_amp = True", "use_amp"));
    assert.equal(on.precision?.value, "fp16");
  });

  it("a cast under an unreadable config field gives fp32 too; the same cast outside any test is the run's", async () => {
    const unread = await planOf(script("import mystery_config\ncfg = mystery_config.load()", "cfg.half", "model = model.to(torch.bfloat16)"));
    assert.equal(unread.precision?.value, "fp32");
    assert.match(unread.precision?.detail ?? "", /^bf16 .* only when cfg\.half,/);
    const plain = await planOf(script("import mystery_config\ncfg = mystery_config.load()", "True", "model = model.to(torch.bfloat16)"));
    assert.equal(plain.precision?.value, "bf16");
  });

  it("the training estimate follows the plan: the CLI's train-mode settings take fp32 over the weights' guessed fp16", async () => {
    const result = await analyze(script("from gone_toolkit.training import HParams\nhparams = HParams(fp16_run=False)", "hparams.fp16_run", "model = model.half()"));
    assert.equal(result.training?.precision?.value, "fp32");
    assert.equal(trainingSettings({ mode: "train" } as EstimateSettings, result.training).dtype, "fp32");
  });
});
