import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Apex's amp.initialize and Accelerate's prepare give back the model they are handed (preparing-wrappers-package.ts):
// the model the loop then calls on its tensors is the network built above, so the step's input is the loop's tensor
// (64 rows), not the default one-row input.
const SCRIPT = (imports: string, setup: string, backward = "loss.backward()") => `import torch
from torch import nn
${imports}

rows, width, classes = 64, 200, 10
features = torch.randn(rows, width)
labels = torch.randint(0, classes, (rows,))
net = nn.Sequential(nn.Linear(width, 128), nn.ReLU(), nn.Linear(128, classes))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
${setup}
for it in range(300):
    loss = nn.functional.cross_entropy(net(features), labels)
    opt.zero_grad()
    ${backward}
    opt.step()
`;

async function stepInput(text: string): Promise<{ shape: string; source: string; batch: number | undefined; steps: number | undefined }> {
  const result = await analyze(text);
  const net = result.models.find((m) => m.name === "net");
  assert.ok(net, `no model net: ${result.models.map((m) => m.name).join(", ")}`);
  return { shape: net.inputs.map((i) => i.shape.join("x")).join(","), source: net.inputSource, batch: result.training?.batch?.value, steps: result.training?.steps?.value };
}

describe("set-up calls that give back the model they are handed (preparing-wrappers-package.ts)", function () {
  this.timeout(30_000);

  it("apex.amp.initialize(model, optimizer): the loop's tensors are the model's input and the run's batch", async () => {
    // Before: `net` became the unknown result of the call, and the run fell back to the input's one row.
    const got = await stepInput(SCRIPT("from apex import amp", `net, opt = amp.initialize(net, opt, opt_level="O1")`, "with amp.scale_loss(loss, opt) as scaled:\n        scaled.backward()"));
    assert.deepEqual(got, { shape: "64x200", source: "example", batch: 64, steps: 300 });
  });

  it("amp.initialize(model) with no optimizer gives back the model alone", async () => {
    const got = await stepInput(SCRIPT("import apex", `net = apex.amp.initialize(net, opt_level="O2")\nnet = apex.parallel.DistributedDataParallel(net)`));
    assert.deepEqual(got, { shape: "64x200", source: "example", batch: 64, steps: 300 });
  });

  it("Accelerator.prepare gives back its objects in order, one object alone; unwrap_model the model", async () => {
    const many = await stepInput(SCRIPT("from accelerate import Accelerator\nacc = Accelerator()", "net, opt = acc.prepare(net, opt)", "acc.backward(loss)"));
    assert.deepEqual(many, { shape: "64x200", source: "example", batch: 64, steps: 300 });
    const one = await stepInput(SCRIPT("import accelerate\nacc = accelerate.Accelerator(mixed_precision='no')", "net = acc.unwrap_model(acc.prepare(net))\nopt = acc.prepare(opt)", "acc.backward(loss)"));
    assert.deepEqual(one, { shape: "64x200", source: "example", batch: 64, steps: 300 });
  });

  it("an import the script guards with try, and importlib's check, find the library absent, as where it is not installed", async () => {
    // Apex is seldom installed: a script that falls back without it trains in fp32 as before, not under amp's O2.
    const guarded = SCRIPT("try:\n    from apex import amp\n    HAS_APEX = True\nexcept ImportError:\n    HAS_APEX = False", `if HAS_APEX:\n    net, opt = amp.initialize(net, opt, opt_level="O2")`);
    assert.equal((await analyze(guarded)).training?.precision?.value ?? "fp32", "fp32");
    const probed = SCRIPT("import importlib.util\nHAS_ACCELERATE = importlib.util.find_spec('accelerate') is not None", "assert not HAS_ACCELERATE");
    assert.equal((await stepInput(probed)).shape, "64x200");
    // Unguarded, the same import is the library the script needs: its opt_level sets the step's dtype.
    const plain = SCRIPT("from apex import amp", `net, opt = amp.initialize(net, opt, opt_level="O2")`);
    assert.equal((await analyze(plain)).training?.precision?.value, "fp16");
  });

  it("a copy of Accelerate on the import path (the project's, an environment's) wins over the stand-in", async () => {
    // The workspace comes before the built-in packages on the import path: here a copy whose prepare gives back nothing known.
    const installed = "class Accelerator:\n    def prepare(self, *args):\n        return some_unknown_call(*args)\n";
    const result = await analyze(SCRIPT("from accelerate import Accelerator\nacc = Accelerator()", "net, opt = acc.prepare(net, opt)", "acc.backward(loss)"), {
      others: { "/project/accelerate/__init__.py": installed },
    });
    const net = result.models.find((m) => m.name === "net");
    assert.notEqual(net?.inputs.map((i) => i.shape.join("x")).join(","), "64x200");
  });
});
