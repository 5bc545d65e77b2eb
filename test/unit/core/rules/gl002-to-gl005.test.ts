import assert from "node:assert/strict";
import { applyEdits } from "../../../../src/core/rules/apply-edits";
import { assertAllCrlf, findingsInProject, findingsOf, fixAndCheck, fixture, NET, ofRule, withCrlf, withTabs } from "./helpers";

describe("GL002 and GL005 follow the model into helper functions", () => {
  it("GL002: eval() then a helper of the same file that runs the model with autograd on", async () => {
    const text = `${NET}def predict(model, x):
    return model(x).argmax(1)


net = Net()
net.eval()
print(predict(net, torch.ones(3, 4)))
`;
    const [f] = ofRule(await findingsOf(text), "GL002");
    assert.ok(f, "found through predict()");
    assert.match(f.message, /'net' runs in eval mode with autograd on \(through predict\(\)\)/);
    const after = await fixAndCheck(text, "GL002", "inference-mode");
    assert.ok(after.includes("net.eval()\nwith torch.inference_mode():\n    print(predict(net, torch.ones(3, 4)))\n"), after);
    // A helper that guards its own forward needs nothing; nor one reached through another helper that does.
    const guarded = text.replace("def predict(model, x):\n", "@torch.no_grad()\ndef predict(model, x):\n");
    assert.equal(ofRule(await findingsOf(guarded), "GL002").length, 0);
    const twoDeep = text.replace("def predict(model, x):\n    return model(x).argmax(1)\n", "def run(m, x):\n    return m(x)\n\n\ndef predict(model, x):\n    return run(model, x).argmax(1)\n");
    assert.equal(ofRule(await findingsOf(twoDeep), "GL002").length, 1, "helpers calling helpers are followed");
  });

  it("GL002 and GL005 follow helpers imported from another workspace module", async () => {
    const utils = "import torch\n\n\ndef predict(model, batch):\n    return model(batch)\n\n\ndef evaluate(model, batch):\n    with torch.no_grad():\n        return model(batch).sum()\n";
    const evalThenPredict = `${NET}from utils import predict\n\nnet = Net()\nnet.eval()\nout = predict(net, torch.ones(3, 4))\n`;
    const gl002 = ofRule(await findingsInProject(evalThenPredict, { "/project/utils.py": utils }), "GL002");
    assert.equal(gl002.length, 1);
    assert.match(gl002[0].message, /through predict\(\)/);
    // The module imported whole: `utils.predict(net, ...)` is the same helper.
    const viaModule = evalThenPredict.replace("from utils import predict", "import utils").replace("predict(net", "utils.predict(net");
    const [moduleFinding] = ofRule(await findingsInProject(viaModule, { "/project/utils.py": utils }), "GL002");
    assert.ok(moduleFinding, viaModule);
    assert.match(moduleFinding.message, /through utils\.predict\(\)/);
    const noEval = `${NET}from utils import evaluate\n\nnet = Net()\nnet.load_state_dict(torch.load("net.pt"))\nscore = evaluate(net, torch.ones(3, 4))\n`;
    const [gl005] = ofRule(await findingsInProject(noEval, { "/project/utils.py": utils }), "GL005");
    assert.ok(gl005, "evaluate() runs it under no_grad, never in eval mode");
    assert.match(gl005.message, /'net' runs inference \(through evaluate\(\)\) without net\.eval\(\)/);
    const fixed = applyEdits(noEval, gl005.fixes[0].edits);
    assert.ok(fixed.includes("net.eval()\nscore = evaluate(net, torch.ones(3, 4))\n"), fixed);
    assert.equal(ofRule(await findingsInProject(fixed, { "/project/utils.py": utils }), "GL005").length, 0);
    // A helper that calls eval() itself leaves nothing to fix.
    const evalsInside = utils.replace("    with torch.no_grad():\n", "    model.eval()\n    with torch.no_grad():\n");
    assert.equal(ofRule(await findingsInProject(noEval, { "/project/utils.py": evalsInside }), "GL005").length, 0);
  });
});

describe("GL002 and GL005 follow a module-level model into the functions that read it as a global", () => {
  const globalHelper = `${NET}a = Net()
a.eval()
b = Net()
b.eval()


def show(x):
    return a(x), b(x)


if __name__ == "__main__":
    print(show(torch.ones(3, 4)))
`;

  it("GL002: two eval'd globals run by one helper are one finding, and one wrap fixes both", async () => {
    const gl002 = ofRule(await findingsOf(globalHelper), "GL002");
    assert.equal(gl002.length, 1, gl002.map((f) => f.message).join("\n"));
    assert.match(gl002[0].message, /^'a' and 'b' run in eval mode with autograd on \(through show\(\)\)/);
    const after = await fixAndCheck(globalHelper, "GL002", "inference-mode");
    assert.ok(after.includes('with torch.inference_mode():\n    if __name__ == "__main__":\n        print(show(torch.ones(3, 4)))\n'), after);
  });

  it("GL002: not when the helper guards its forward, nor when a parameter or a local shadows the name", async () => {
    const guarded = globalHelper.replace("def show(x):\n", "@torch.no_grad()\ndef show(x):\n");
    assert.equal(ofRule(await findingsOf(guarded), "GL002").length, 0);
    const parameter = globalHelper.replace("def show(x):\n    return a(x), b(x)\n", "def show(x, a=None, b=None):\n    return a(x), b(x)\n");
    assert.equal(ofRule(await findingsOf(parameter), "GL002").length, 0, "a and b are the function's own parameters");
    const local = globalHelper.replace("def show(x):\n    return a(x), b(x)\n", "def show(x):\n    a = b = Net()\n    return a(x), b(x)\n");
    assert.equal(ofRule(await findingsOf(local), "GL002").length, 0, "a and b are bound inside show()");
    // Declared global, assigning it does not make it local.
    const declared = globalHelper.replace("def show(x):\n    return a(x), b(x)\n", "def show(x):\n    global a, b\n    a, b = a, b\n    return a(x), b(x)\n");
    assert.equal(ofRule(await findingsOf(declared), "GL002").length, 1);
  });

  it("GL005: a global model run by a helper called under no_grad, never put in eval mode", async () => {
    const text = `${NET}net = Net()
net.load_state_dict(torch.load("net.pt"))


def predict(x):
    return net(x)


with torch.no_grad():
    print(predict(torch.ones(3, 4)))
`;
    const [gl005] = ofRule(await findingsOf(text), "GL005");
    assert.ok(gl005, "predict() runs the global net under no_grad");
    assert.match(gl005.message, /'net' runs inference \(through predict\(\)\) without net\.eval\(\)/);
    const fixed = await fixAndCheck(text, "GL005", "add-eval");
    assert.ok(fixed.includes("net.eval()\nwith torch.no_grad():\n    print(predict(torch.ones(3, 4)))\n"), fixed);
  });
});

describe("GL002 inference without inference_mode", () => {
  it("wraps the statements that run the model after eval() in `with torch.inference_mode():`", async () => {
    const after = await fixAndCheck(fixture("inference_script.py"), "GL002", "inference-mode");
    assert.ok(
      after.includes(
        "    model.eval()\n    images = torch.randn(4, 3, 32, 32)\n    with torch.inference_mode():\n        logits = model(images)\n    print(logits.argmax(1))\n",
      ),
      after,
    );
  });

  it("is quiet when the inference already runs under no_grad, or in a function decorated with it", async () => {
    assert.equal(ofRule(await findingsOf(fixture("recurrent.py")), "GL002").length, 0);
    const decorated = `import torch
import torch.nn as nn

model = nn.Linear(2, 2)


@torch.no_grad()
def predict(x):
    model.eval()
    return model(x)
`;
    assert.equal(ofRule(await findingsOf(decorated), "GL002").length, 0);
  });

  it("does not indent the inside of a multi-line string, and keeps tabs and CRLF", async () => {
    const text = withCrlf(withTabs(`import torch
import torch.nn as nn


def run():
    net = nn.Linear(3, 3)
    net.eval()
    out = net(torch.ones(1, 3))
    print("""result:
%s""" % out)
    return net(out)
`));
    const after = await fixAndCheck(text, "GL002", "inference-mode");
    assertAllCrlf(after);
    assert.ok(after.includes('\twith torch.inference_mode():\r\n\t\tout = net(torch.ones(1, 3))\r\n\t\tprint("""result:\r\n%s""" % out)\r\n\t\treturn net(out)\r\n'), JSON.stringify(after));
  });

  it("leaves a block that also trains alone", async () => {
    const text = `import torch
import torch.nn as nn

net = nn.Linear(3, 1)
net.eval()
loss = net(torch.ones(1, 3)).sum()
loss.backward()
`;
    assert.equal(ofRule(await findingsOf(text), "GL002").length, 0);
  });
});

describe("GL003 GPU training without mixed precision", () => {
  it("follows a training loop into an imported workspace module (`engine.train(model, ..., device=device)`)", async () => {
    const engine = `import torch


def train_step(model, batch, optimizer, device):
    x, y = batch
    x, y = x.to(device), y.to(device)
    loss = torch.nn.functional.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def train(model, data, optimizer, device, epochs=1):
    for _ in range(epochs):
        for batch in data:
            train_step(model, batch, optimizer, device)
`;
    const script = `${NET}import engine

device = "cuda" if torch.cuda.is_available() else "cpu"
net = Net().to(device)
optimizer = torch.optim.Adam(net.parameters())
engine.train(net, [], optimizer, device=device)
`;
    const [f] = ofRule(await findingsInProject(script, { "/project/engine.py": engine }), "GL003");
    assert.ok(f, "engine.train() trains on the GPU this script picks");
    assert.match(f.message, /^engine\.train\(\) runs a training loop \(engine\.py:9\) in fp32 on a GPU/);
    assert.equal(f.fixes.length, 0, "the loop is in engine.py: no edit here would put it under autocast");
    // Mixed precision set up in that loop, a CPU-only script, or a context made elsewhere: nothing to say.
    const amp = engine.replace("    loss = torch.nn.functional", "    with torch.autocast(\"cuda\", dtype=torch.bfloat16):\n        pass\n    loss = torch.nn.functional");
    assert.equal(ofRule(await findingsInProject(script, { "/project/engine.py": amp }), "GL003").length, 0);
    const cpu = script.replace('"cuda" if torch.cuda.is_available() else "cpu"', '"cpu"');
    assert.equal(ofRule(await findingsInProject(cpu, { "/project/engine.py": engine }), "GL003").length, 0);
    const ctx = engine.replace("def train_step(model, batch, optimizer, device):\n", "def train_step(model, batch, optimizer, device):\n    with CTX:\n        pass\n");
    assert.equal(ofRule(await findingsInProject(script, { "/project/engine.py": ctx }), "GL003").length, 0);
  });

  it("sees a dtype set through a config object, and autocast made by a helper or a variable", async () => {
    const base = fixture("train_gpu.py");
    const gl003 = async (t: string) => ofRule(await findingsOf(t), "GL003");
    assert.equal((await gl003(base)).length, 1);
    const config = base
      .replace("def train(model", 'class TrainConfig:\n    dtype = "bfloat16"\n\n\ndef train(model')
      .replace("    model = Classifier().to(device)\n", "    cfg = TrainConfig()\n    model = Classifier().to(device=device, dtype=getattr(torch, cfg.dtype))\n");
    assert.equal((await gl003(config)).length, 0, "the model trains in bf16 (TrainConfig.dtype)");
    const fp32Config = config.replace('dtype = "bfloat16"', 'dtype = "float32"');
    assert.equal((await gl003(fp32Config)).length, 1, "a config that says float32 is fp32");
    const helper = base
      .replace("def train(model", 'def amp_context(enabled):\n    return torch.autocast("cuda", dtype=torch.bfloat16, enabled=enabled)\n\n\ndef train(model')
      .replace("        optimizer.zero_grad()\n        loss = F.cross_entropy(model(inputs), targets)\n", "        optimizer.zero_grad()\n        with amp_context(True):\n            loss = F.cross_entropy(model(inputs), targets)\n");
    assert.equal((await gl003(helper)).length, 0, "autocast from a helper, enabled");
  });

  it("apex amp: always on is mixed precision; behind a flag the finding says so and offers no second set-up", async () => {
    const withApex = (setup: string) => fixture("train_gpu.py")
      .replace("import torch\n", "import torch\nfrom apex import amp\n")
      .replace("    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n", `    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n${setup}`);
    const gl003 = async (t: string) => ofRule(await findingsOf(t), "GL003");
    assert.equal((await gl003(withApex('    model, optimizer = amp.initialize(model, optimizer, opt_level="O1")\n'))).length, 0);
    const [flagged] = await gl003(withApex('    fp16 = False\n    if fp16:\n        model, optimizer = amp.initialize(model, optimizer, opt_level="O1")\n'));
    assert.match(flagged.message, /apex amp runs only when fp16 is set/);
    assert.deepEqual(flagged.fixes, []);
  });

  it("autocast disabled as written (a store_true flag, enabled=False) is fp32, and the message says so", async () => {
    const base = fixture("train_gpu.py")
      .replace("import torch\n", "import argparse\nimport torch\n")
      .replace("def main():\n", 'def main():\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--amp", action="store_true")\n    args = parser.parse_args()\n    amp = torch.autocast("cuda", dtype=torch.bfloat16, enabled=args.amp)\n');
    const [f] = ofRule(await findingsOf(base), "GL003");
    assert.ok(f, "the only autocast is off unless --amp is given");
    assert.match(f.message, /mixed precision is off as written \(torch\.autocast\("cuda", dtype=torch\.bfloat16, enabled=args\.amp\)\)/);
    const on = base.replace('action="store_true"', 'action="store_false"');
    assert.equal(ofRule(await findingsOf(on), "GL003").length, 0);
  });

  it("autocast through variables and config objects: dtype=cfg.dtype, a ctx chosen by device, GradScaler(enabled=flag)", async () => {
    const loop = (setup: string, withLine: string) => `import argparse
from contextlib import nullcontext
from dataclasses import dataclass
import torch
import torch.nn as nn


@dataclass
class Config:
    dtype: str = "bfloat16"


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(512, 10)

    def forward(self, x):
        return self.fc(x)


cfg = Config()
device = "cuda" if torch.cuda.is_available() else "cpu"
parser = argparse.ArgumentParser()
parser.add_argument("--amp", action="store_true")
args = parser.parse_args()
model = Net().to(device)
optimizer = torch.optim.AdamW(model.parameters())
${setup}
for step in range(100):
    x = torch.randn(64, 512, device=device)
    ${withLine}
        loss = model(x).square().mean()
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
`;
    const gl003 = async (t: string) => ofRule(await findingsOf(t), "GL003");
    // dtype from a config object's field.
    const fromConfig = loop("", "with torch.autocast(device, dtype=getattr(torch, cfg.dtype)):");
    assert.equal((await gl003(fromConfig)).length, 0, "bf16 from Config.dtype");
    const [fp32] = await gl003(fromConfig.replace('dtype: str = "bfloat16"', 'dtype: str = "float32"'));
    assert.ok(fp32, "autocast to float32 computes in fp32");
    assert.match(fp32.message, /its autocast \(torch\.autocast\(device, dtype=getattr\(torch, cfg\.dtype\)\)\) is set to float32/);
    assert.deepEqual(fp32.fixes, [], "the script's own autocast is the thing to change, not a second one around it");
    // A context chosen by device (nanoGPT's and llama2.c's idiom).
    const ctx = loop('ptdtype = {"float32": torch.float32, "bfloat16": torch.bfloat16}[cfg.dtype]\nctx = nullcontext() if device == "cpu" else torch.amp.autocast(device_type=device, dtype=ptdtype)', "with ctx:");
    assert.equal((await gl003(ctx)).length, 0, "bf16 autocast in ctx");
    assert.equal((await gl003(ctx.replace('dtype: str = "bfloat16"', 'dtype: str = "float32"'))).length, 1, "float32 in ctx");
    // Autocast and GradScaler behind a store_true flag: fp32 as the script runs by default.
    const flagged = loop("scaler = torch.cuda.amp.GradScaler(enabled=args.amp)", "with torch.cuda.amp.autocast(enabled=args.amp):");
    const [off] = await gl003(flagged);
    assert.ok(off, "--amp is off unless given");
    assert.match(off.message, /its autocast \(torch\.cuda\.amp\.autocast\(enabled=args\.amp\)\) is disabled as the script runs by default/);
    assert.deepEqual(off.fixes, []);
    assert.equal((await gl003(flagged.replace('action="store_true"', 'action="store_false"'))).length, 0, "on by default");
    // torch.cuda.amp.autocast's first positional argument is `enabled`.
    assert.equal((await gl003(loop("", "with torch.cuda.amp.autocast(args.amp):"))).length, 1);
    assert.equal((await gl003(loop("", "with torch.cuda.amp.autocast(True):"))).length, 0);
    // A GradScaler that is off (nanoGPT's `enabled=(dtype == "float16")` with bf16 chosen) is no mixed precision by itself.
    const scalerOnly = loop('scaler = torch.cuda.amp.GradScaler(enabled=(cfg.dtype == "float16"))', "if True:");
    const [plain] = await gl003(scalerOnly);
    assert.ok(plain, "no autocast, and the scaler is disabled");
    assert.match(plain.message, /mixed precision is off as written \(torch\.cuda\.amp\.GradScaler\(enabled=\(cfg\.dtype == "float16"\)\)\)/);
    assert.equal((await gl003(scalerOnly.replace('dtype: str = "bfloat16"', 'dtype: str = "float16"'))).length, 0, "an enabled GradScaler counts as set up");
  });

  it("a 16-bit default tensor type is 16-bit training; a backward in an `if is_train:` branch gets the forward before it wrapped", async () => {
    const base = fixture("train_gpu.py");
    const gl003 = async (t: string) => ofRule(await findingsOf(t), "GL003");
    const bf16Default = base.replace('    device = torch.device("cuda")\n', '    device = torch.device("cuda")\n    torch.set_default_tensor_type(torch.cuda.BFloat16Tensor)\n');
    assert.equal((await gl003(bf16Default)).length, 0, "parameters are made in bf16");
    assert.equal((await gl003(base.replace('    device = torch.device("cuda")\n', '    device = torch.device("cuda")\n    torch.set_default_tensor_type(torch.cuda.FloatTensor)\n'))).length, 1);
    // One loop for training and validation: the backward sits in a branch, the forward before it.
    const branch = base.replace(
      "        optimizer.zero_grad()\n        loss = F.cross_entropy(model(inputs), targets)\n        loss.backward()\n        optimizer.step()\n",
      "        loss = F.cross_entropy(model(inputs), targets)\n        if model.training:\n            loss.backward()\n            optimizer.step()\n            optimizer.zero_grad()\n",
    );
    const [f] = await gl003(branch);
    assert.ok(f);
    assert.deepEqual(f.fixes.map((x) => x.kind), ["autocast-bf16", "autocast-fp16"]);
    const after = await fixAndCheck(branch, "GL003", "autocast-bf16");
    assert.ok(after.includes('        with torch.autocast(device_type="cuda", dtype=torch.bfloat16):\n            inputs, targets = inputs.to(device), targets.to(device)\n            loss = F.cross_entropy(model(inputs), targets)\n        if model.training:\n            loss.backward()\n'), after);
  });

  it("offers no GradScaler fix when the stepped object is a learning-rate wrapper class, not a torch.optim optimizer", async () => {
    const wrapped = fixture("train_gpu.py")
      .replace("def train(model", "class WarmupWrapper:\n    def __init__(self, optimizer):\n        self.optimizer = optimizer\n\n    def step(self):\n        self.optimizer.step()\n\n    def zero_grad(self):\n        self.optimizer.zero_grad()\n\n\ndef train(model")
      .replace("    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n", "    optimizer = WarmupWrapper(torch.optim.SGD(model.parameters(), lr=0.1))\n");
    const [f] = ofRule(await findingsOf(wrapped), "GL003");
    assert.deepEqual(f.fixes.map((x) => x.kind), ["autocast-bf16"], "GradScaler.step() needs the optimizer's param_groups");
    const subclass = wrapped.replace("class WarmupWrapper:", "class WarmupWrapper(torch.optim.Optimizer):");
    assert.deepEqual(ofRule(await findingsOf(subclass), "GL003")[0].fixes.map((x) => x.kind), ["autocast-bf16", "autocast-fp16"]);
  });

  it("Accelerate's mixed_precision through an argparse default counts; 'no' does not", async () => {
    const text = (value: string) => fixture("train_gpu.py")
      .replace("import torch\n", "import argparse\nimport torch\nfrom accelerate import Accelerator\n")
      .replace("def main():\n", `def main():\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--mixed-precision", default="${value}")\n    args = parser.parse_args()\n    accelerator = Accelerator(mixed_precision=args.mixed_precision)\n`);
    assert.equal(ofRule(await findingsOf(text("bf16")), "GL003").length, 0);
    assert.equal(ofRule(await findingsOf(text("no")), "GL003").length, 1);
  });

  it("bf16: wraps the forward pass and loss in torch.autocast", async () => {
    const after = await fixAndCheck(fixture("train_gpu.py"), "GL003", "autocast-bf16");
    assert.ok(
      after.includes(
        "    for inputs, targets in batches:\n" +
          '        with torch.autocast(device_type="cuda", dtype=torch.bfloat16):\n' +
          "            inputs, targets = inputs.to(device), targets.to(device)\n" +
          "            optimizer.zero_grad()\n" +
          "            loss = F.cross_entropy(model(inputs), targets)\n" +
          "        loss.backward()\n" +
          "        optimizer.step()\n",
      ),
      after,
    );
  });

  it("fp16: autocast plus a GradScaler made before the loop, scaling the loss and stepping through it", async () => {
    const after = await fixAndCheck(fixture("train_gpu.py"), "GL003", "autocast-fp16");
    assert.ok(after.includes('    model.train()\n    scaler = torch.amp.GradScaler("cuda")\n    for inputs, targets in batches:\n'), after);
    assert.ok(after.includes("            loss = F.cross_entropy(model(inputs), targets)\n        scaler.scale(loss).backward()\n        scaler.step(optimizer)\n        scaler.update()\n"), after);
  });

  it("picks another name when `scaler` is taken, and is quiet on CPU-only code", async () => {
    const taken = fixture("train_gpu.py").replace("    model.train()\n", "    model.train()\n    scaler = 1.0\n");
    const after = await fixAndCheck(taken, "GL003", "autocast-fp16");
    assert.ok(after.includes("scaler_2.scale(loss).backward()"), after);
    const cpu = fixture("train_gpu.py").replace('torch.device("cuda")', 'torch.device("cpu")');
    assert.equal(ofRule(await findingsOf(cpu), "GL003").length, 0);
  });

  it("one finding per loop: a GAN step with two backward passes gets each forward part wrapped, and no fp16 fix", async () => {
    const text = fixture("gan_training.py");
    const findings = ofRule(await findingsOf(text), "GL003");
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes.map((f) => f.kind), ["autocast-bf16"]);
    const after = await fixAndCheck(text, "GL003", "autocast-bf16");
    assert.equal(after.split('with torch.autocast(device_type="cuda", dtype=torch.bfloat16):').length - 1, 2, after);
    assert.ok(after.includes("        d_optimizer.zero_grad()\n    d_loss.backward()\n    d_optimizer.step()\n\n    with torch.autocast("), after);
  });

  it("offers no autocast while the file uses BCELoss, which PyTorch refuses under autocast, and says why", async () => {
    const text = fixture("gan_training.py").replace("nn.BCEWithLogitsLoss()", "nn.BCELoss()");
    const [finding] = ofRule(await findingsOf(text), "GL003");
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.message, /BCEWithLogitsLoss/);
  });

  it("Keras: sets the mixed_bfloat16 policy right after the imports", async () => {
    const after = await fixAndCheck(fixture("keras_model.py"), "GL003", "keras-mixed-precision");
    assert.ok(after.startsWith('import tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n# Greenlight GL003: mixed precision (bf16 compute, fp32 variables); set before the model is built.\nkeras.mixed_precision.set_global_policy("mixed_bfloat16")\n\nmodel = keras.Sequential'), after);
  });
});

describe("GL004 convolution bias before BatchNorm", () => {
  it("adds bias=False to a convolution whose output feeds a BatchNorm in forward", async () => {
    const after = await fixAndCheck(fixture("inference_script.py"), "GL004", "bias-false");
    assert.ok(after.includes("self.conv = nn.Conv2d(3, 16, kernel_size=3, padding=1, bias=False)\n"), after);
  });

  it("finds convolution-then-BatchNorm in Sequential blocks and replaces an explicit bias=True; leaves the conv without BatchNorm", async () => {
    const text = fixture("sequential_convs.py");
    const findings = ofRule(await findingsOf(text), "GL004");
    assert.deepEqual(findings.map((f) => f.line), [6, 16]);
    const first = await fixAndCheck(text, "GL004", "bias-false");
    assert.ok(first.includes("nn.Conv2d(cin, cout, 3, padding=1, bias=False),\n"), first);
    const both = await fixAndCheck(first, "GL004", "bias-false");
    assert.ok(both.includes("self.proj = nn.Conv2d(8, 8, 1, bias=False)\n"), both);
    assert.ok(both.includes("self.head = nn.Conv2d(8, 4, 1)\n"), "the last conv feeds no BatchNorm");
    assert.equal(ofRule(await findingsOf(both), "GL004").length, 0);
  });

  it("handles a call spread over lines with a trailing comma", async () => {
    const text = `import torch.nn as nn

features = nn.Sequential(
    nn.Conv2d(
        3,
        8,
        kernel_size=3,
    ),
    nn.BatchNorm2d(8),
)
`;
    const after = await fixAndCheck(text, "GL004", "bias-false");
    assert.ok(after.includes("        kernel_size=3, bias=False,\n"), after);
  });

  it("Keras: use_bias=False on a Conv2D followed by BatchNormalization", async () => {
    const after = await fixAndCheck(fixture("keras_model.py"), "GL004", "bias-false");
    assert.ok(after.includes("layers.Conv2D(32, 3, use_bias=False),\n"), after);
  });
});

describe("GL005 inference without eval()", () => {
  it("a model whose layers are not known (loaded whole) is flagged in conditional words", async () => {
    const text = 'import torch\n\nmodel = torch.load("model.pt")\nwith torch.no_grad():\n    out = model(torch.ones(1, 3))\n';
    const [f] = ofRule(await findingsOf(text), "GL005");
    assert.match(f.message, /its layers are not known here, and any Dropout would stay active and any BatchNorm would keep updating its statistics/);
  });

  it("inserts model.eval() before the no_grad block", async () => {
    const after = await fixAndCheck(fixture("no_eval.py"), "GL005", "add-eval");
    assert.ok(after.includes('regressor.load_state_dict(torch.load("regressor.pt"))\nregressor.eval()\nwith torch.no_grad():\n'), after);
  });

  it("puts eval() right after a model built inside the guarded block", async () => {
    const text = `import torch
import torch.nn as nn


@torch.inference_mode()
def predict(x):
    net = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))
    return net(x)
`;
    const after = await fixAndCheck(text, "GL005", "add-eval");
    assert.ok(after.includes("    net = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))\n    net.eval()\n    return net(x)\n"), after);
  });

  it("does not take a loss function or an optimizer for a model", async () => {
    const text = `import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
optimizer.load_state_dict(torch.load("opt.pt"))
with torch.no_grad():
    print(criterion(torch.randn(2, 3), torch.tensor([0, 1])))
    optimizer(1)
`;
    assert.equal(ofRule(await findingsOf(text), "GL005").length, 0);
  });

  it("reads the model's class when the analyzer could not build it: no mode-dependent layer, no finding", async () => {
    const text = (layers: string) => `import numpy as np
import torch
import torch.nn as nn

X = np.load("x.npy")
n_features = X.shape[1]


class Model(nn.Module):
    def __init__(self, n_input_features):
        super(Model, self).__init__()
${layers}

    def forward(self, x):
        return torch.sigmoid(self.linear(x))


model = Model(n_features)
with torch.no_grad():
    print(model(torch.from_numpy(X)))
`;
    const gl005 = async (t: string) => ofRule(await findingsOf(t), "GL005");
    assert.equal((await gl005(text("        self.linear = nn.Linear(n_input_features, 1)"))).length, 0, "a Linear computes the same in both modes");
    const [f] = await gl005(text("        self.linear = nn.Linear(n_input_features, 1)\n        self.drop = nn.Dropout(0.5)"));
    assert.match(f.message, /without model\.eval\(\): Dropout stays active/);
    const [g] = await gl005(text("        self.linear = nn.Linear(n_input_features, 1)\n        self.block = make_block()"));
    assert.match(g.message, /its layers are not known here/, "a module built by a function the rule cannot read");
  });

  it("is quiet when eval() is called anywhere, also chained at construction", async () => {
    assert.equal(ofRule(await findingsOf(fixture("recurrent.py")), "GL005").length, 0);
    const chained = fixture("no_eval.py").replace("regressor = Regressor()", "regressor = Regressor().eval()");
    assert.equal(ofRule(await findingsOf(chained), "GL005").length, 0);
  });
});
