import assert from "node:assert/strict";
import { applyEdits } from "../../../../src/core/rules/apply-edits";
import { hardwareFor, inferenceEnergy } from "../../../../src/core/rules/energy-saving";
import { formatJoules } from "../../../../src/core/rules/gl001-common";
import { modelAsWritten } from "../../../../src/core/rules/gl001-torch";
import { assignmentsFromCalls } from "../../../../src/core/rules/model-usage";
import { PythonFile } from "../../../../src/core/rules/python-file";
import { analyze, testParser } from "../../helpers/analyze";
import { assertAllCrlf, countOccurrences, FILE, findingsOf, fixAndCheck, fixture, hasSyntaxError, ofRule, withCrlf, withTabs } from "./helpers";

/** inference_script.py with its model moved to the GPU. */
// At 64 images of 224x224 the energy model expects bf16 autocast to save energy on the GPU (at 4 of 32x32 its casts
// cost more than they save, and it is not offered).
function cudaScript(): string {
  return fixture("inference_script.py").replace("    model = SmallNet()\n", '    model = SmallNet().to("cuda")\n').replace("torch.randn(4, 3, 32, 32)", 'torch.randn(64, 3, 224, 224, device="cuda")');
}

describe("GL001 full-precision layers", () => {
  it("flags a model built and run for inference where it is built, with the saving in the message", async () => {
    const findings = ofRule(await findingsOf(fixture("inference_script.py")), "GL001");
    assert.equal(findings.length, 1);
    const f = findings[0];
    assert.equal(f.line, 19, "at `model = SmallNet()`");
    assert.equal(f.severity, "information");
    // conv 3*16*9+16 = 448, head 16*10+10 = 170: 618 weights; 4 bytes each in fp32, one in int8.
    assert.match(f.message, /618 parameters/);
    // A CPU-only script: int8 dynamic quantization changes the Linear head only (10*16+10 = 170 weights).
    assert.match(f.message, /on CPU \(nothing in the script moves it to a GPU\)/);
    assert.match(f.message, /int8 would store the Linear weights in 170 B instead of 680 B \(4x smaller\)/);
    assert.match(f.message, /No quantization fix for convolutions on CPU here .*the 1 Conv2d layer \(\d+\.?\d*% of its FLOPs\) stays in fp32/);
    assert.deepEqual(f.fixes.map((x) => x.kind), ["dynamic-int8", "prune-l1"], "no GPU-only fix on a CPU script");
    assert.match(f.fixes[0].title, /changes Linear layers/);
    // torch.ao's quantize_dynamic is deprecated (PyTorch's quantization docs): the finding says so and names its successor.
    assert.match(f.fixes[0].title, /torch\.ao, CPU; deprecated/);
    assert.match(f.message, /quantize_dynamic still runs on CPU, but PyTorch deprecates it .* torchao's quantize_/);
  });

  it("counts the weights of a model with parts it could not build as a lower bound", async () => {
    // The embedding and output layer are sized from a vocabulary only the data holds; the hidden Linear is known.
    const script = `import json
import torch
import torch.nn as nn

class Tagger(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, 64)
        self.hidden = nn.Linear(64, 64)
        self.out = nn.Linear(64, vocab_size)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(self.embed(x))))

vocab = json.load(open("vocab.json"))
model = Tagger(len(vocab))
model.eval()
with torch.no_grad():
    print(model(torch.zeros(1, 16, dtype=torch.long)))
`;
    const [f] = ofRule(await findingsOf(script), "GL001");
    assert.ok(f, "the Linear layers it could build are still flagged");
    // Only the hidden Linear is sized: 64 * 64 + 64 = 4,160 weights, 4 bytes each in fp32, one in int8.
    assert.match(f.message, /: at least 4\.16 k parameters\./);
    assert.match(f.message, /int8 would store the Linear weights it could size in 4\.06 KiB instead of 16\.3 KiB/);
  });

  it("says nothing of torch.ao's deprecation where no dynamic-int8 fix is offered", async () => {
    const [f] = ofRule(await findingsOf(cudaScript()), "GL001");
    assert.ok(!f.fixes.some((x) => x.kind === "dynamic-int8"));
    assert.doesNotMatch(f.message, /deprecates/);
  });

  it("gives the energy per inference from the energy model, or the caller's estimate, for Linear models", async () => {
    const text = fixture("recurrent.py");
    const [byModel] = ofRule(await findingsOf(text), "GL001");
    // A CPU script is estimated on a CPU profile, whatever GPU is selected.
    assert.match(byModel.message, /per inference on cpu-x86-server/);
    const [given] = ofRule(await findingsOf(text, {}, (_m, hardware, variant) => ({ joules: variant.int8Linear ? 5e-4 : 2e-3, hardware: `test-${hardware}` })), "GL001");
    assert.match(given.message, /about 500 µJ instead of 2 mJ per inference on test-cpu-x86-server/);
    assert.match(given.fixes[0].title, /saves 75% energy per inference \(500 µJ instead of 2 mJ on test-cpu-x86-server, energy model\)/);
    const [unknown] = ofRule(await findingsOf(text, { hardware: "no-such-gpu" }), "GL001");
    assert.doesNotMatch(unknown.message, /per inference/, "an unknown hardware id leaves the figure out");
  });

  it("dynamic-int8 inserts quantize_dynamic after the construction, at its indentation", async () => {
    const after = await fixAndCheck(fixture("inference_script.py"), "GL001", "dynamic-int8");
    assert.ok(
      after.includes(
        "    model = SmallNet()\n" +
          "    # Greenlight GL001: int8 dynamic quantization of the Linear layers (weights 4x smaller; CPU inference).\n" +
          "    model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)\n" +
          "    model.eval()\n",
      ),
      after,
    );
    assert.equal(countOccurrences(after, "import torch\n"), 1, "torch was imported already: not added again");
  });

  it("on the GPU offers only fixes that run there, channels-last bf16 reaching the convolutions", async () => {
    const [f] = ofRule(await findingsOf(cudaScript()), "GL001");
    assert.match(f.message, /on CUDA \(SmallNet\(\)\.to\("cuda"\)\)/);
    assert.deepEqual(f.fixes.map((x) => x.kind), ["channels-last-bf16", "weight-only-int8", "prune-l1"]);
    assert.match(f.fixes[0].title, /^Channels-last bf16 autocast \(CUDA\): changes Conv2d\/Linear layers; /);
    assert.match(f.fixes[1].title, /changes Linear layers/);
    const after = await fixAndCheck(cudaScript(), "GL001", "channels-last-bf16");
    assert.ok(after.includes('    model = model.to(memory_format=torch.channels_last)\n    if torch.cuda.is_available():\n        model.forward = torch.autocast(device_type="cuda", dtype=torch.bfloat16)(model.forward)\n    model.eval()\n'), after);
    assert.equal(ofRule(await findingsOf(after), "GL001").length, 0, "autocast reaches every layer: nothing left in fp32");
  });

  for (const [kind, script] of [["channels-last-bf16", cudaScript], ["weight-only-int8", cudaScript], ["dynamic-int8", () => fixture("inference_script.py")]] as const) {
  it(`the energy a ${kind} fix states is the energy model's estimate of the fixed code against the original's`, async () => {
    const text = script();
    const [f] = ofRule(await findingsOf(text), "GL001");
    const fix = f.fixes.find((x) => x.kind === kind)!;
    const after = applyEdits(text, fix.edits);
    // Read the fixed file as the rules read any code: its device, precision and layout, then the energy model.
    const energyAsWritten = async (t: string) => {
      const analysis = await analyze(t, { file: FILE });
      const tree = (await testParser()).parse(t);
      const file = new PythonFile(FILE, t, tree);
      const site = assignmentsFromCalls(file).find((a) => a.variable === "model")!;
      const { target, variant } = modelAsWritten(file, site, analysis.models[0]);
      tree.delete();
      return inferenceEnergy(analysis.models[0], hardwareFor("h100-sxm", target.device), variant)!;
    };
    const [before, fixed] = [await energyAsWritten(text), await energyAsWritten(after)];
    // Within 1% the title gives one figure: "no energy saving per inference (X on HW, ...)".
    const expected = /no energy saving per inference/.test(fix.title) ? `(${formatJoules(before.joules)} on ${fixed.hardware}` : `${formatJoules(fixed.joules)} instead of ${formatJoules(before.joules)} on ${fixed.hardware}`;
    if (/no energy saving per inference/.test(fix.title)) assert.ok(Math.abs(fixed.joules / before.joules - 1) <= 0.01);
    assert.ok(fix.title.includes(expected), `${fix.title} vs ${expected}`);
  });
  }

  it("leaves channels-last out where forward's .view() would raise on channels-last activations, and says where", async () => {
    // Checked in PyTorch 1.13: this Net put in torch.channels_last raises at the view ("view size is not compatible").
    const script = (flatten: string) => `import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(4))
        self.head = nn.Linear(64 * 4 * 4, 10)

    def forward(self, x):
        x = self.features(x)
        return self.head(${flatten})


model = Net().cuda().eval()
with torch.no_grad():
    out = model(torch.randn(64, 3, 224, 224, device="cuda"))
`;
    const [viewed] = ofRule(await findingsOf(script("x.view(x.size(0), -1)")), "GL001");
    assert.ok(viewed.fixes.some((f) => f.kind === "autocast-bf16"), "bf16 autocast without the layout");
    assert.ok(!viewed.fixes.some((f) => f.kind === "channels-last-bf16"));
    assert.match(viewed.message, /Channels-last is left out: the \.view\(\) at line 13 would raise on channels-last activations/);
    const [reshaped] = ofRule(await findingsOf(script("x.reshape(x.size(0), -1)")), "GL001");
    assert.ok(reshaped.fixes.some((f) => f.kind === "channels-last-bf16"), ".reshape() copies: channels-last stays offered");
    const [pooled] = ofRule(await findingsOf(script("x.mean((2, 3), keepdim=True).view(x.size(0), -1)").replace("64 * 4 * 4", "64")), "GL001");
    assert.ok(pooled.fixes.some((f) => f.kind === "channels-last-bf16"), "a view of 1x1 maps works on channels-last");
  });

  it("a bf16 autocast the energy model expects to cost energy, saving no weight memory, is not offered; the finding says why", async () => {
    const tiny = fixture("inference_script.py").replace("    model = SmallNet()\n", '    model = SmallNet().to("cuda")\n').replace("torch.randn(4, 3, 32, 32)", 'torch.randn(4, 3, 32, 32, device="cuda")');
    const [f] = ofRule(await findingsOf(tiny), "GL001");
    assert.deepEqual(f.fixes.map((x) => x.kind), ["weight-only-int8", "prune-l1"]);
    assert.match(f.message, /Not offered: channels-last bf16 autocast \(CUDA\), which the energy model expects to take \d+% more energy per inference at this size \(.+ instead of .+ on h100-sxm\)\./);
    assert.match(f.message, /No fix offered here reaches them on CUDA: the 1 Conv2d layer/);
  });

  it("a fix the energy model expects to cost energy is not offered as a saving, and the finding says why", async () => {
    // A tiny CPU model: quantizing each input costs more than the int8 weights save.
    const [f] = ofRule(await findingsOf(fixture("inference_script.py")), "GL001");
    assert.match(f.fixes[0].title, /not a saving: \d+% more energy per inference/);
    assert.match(f.message, /expects no energy saving per inference on cpu-x86-server, fp32, batch \d+ .*offered for memory, not as a saving/);
  });

  it("a model loaded in bf16 on the GPU is not called fp32; a config's dtype counts", async () => {
    const cast = cudaScript().replace('SmallNet().to("cuda")', 'SmallNet().to("cuda", dtype=torch.bfloat16)');
    assert.equal(ofRule(await findingsOf(cast), "GL001").length, 0);
    const viaConfig = cudaScript().replace("def main():\n", 'PRECISION = {"bf16": torch.bfloat16, "fp32": torch.float32}["bf16"]\n\n\ndef main():\n').replace('SmallNet().to("cuda")', 'SmallNet().to(device="cuda", dtype=PRECISION)');
    assert.equal(ofRule(await findingsOf(viaConfig), "GL001").length, 0, viaConfig);
  });

  it("says when the share of FLOPs is of a partial count", async () => {
    const text = `import torch
import torch.nn as nn
from somewhere_unknown import mystery


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)

    def forward(self, x):
        return mystery(self.fc(x))


model = Net()
model.eval()
print(model(torch.ones(2, 8)))
`;
    const [f] = ofRule(await findingsOf(text), "GL001");
    assert.match(f.message, /% of the FLOPs counted \(a partial count: \d+ parts? unresolved\)/);
  });

  it("says a count is partial once: the layers no fix reaches are a share of the same count", async () => {
    const text = `import torch
import torch.nn as nn
from somewhere_unknown import mystery


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.fc = nn.Linear(8, 8)

    def forward(self, x):
        return mystery(self.fc(self.conv(x).mean((2, 3))))


model = Net()
model.eval()
print(model(torch.ones(2, 3, 16, 16)))
`;
    const [f] = ofRule(await findingsOf(text), "GL001");
    assert.match(f.message, /the 1 Conv2d layer \(\d+(\.\d)?% of the FLOPs counted\) stays in fp32/, f.message);
    assert.equal(f.message.match(/a partial count/g)?.length, 1, f.message);
  });

  it("offers no dynamic-int8 for a model that is itself a Linear: quantize_dynamic swaps submodules, not the module it is given", async () => {
    const script = (build: string) => `import torch\nimport torch.nn as nn\n\nmodel = ${build}\nmodel.eval()\nwith torch.no_grad():\n    y = model(torch.randn(4, 8))\n`;
    const [bare] = ofRule(await findingsOf(script("nn.Linear(8, 2)")), "GL001");
    assert.ok(bare, "the fp32 Linear is still a finding");
    assert.deepEqual(bare.fixes.map((f) => f.kind), ["prune-l1"]);
    assert.match(bare.message, /the 1 Linear layer \(100\.0% of its FLOPs\) stays in fp32/);
    const [wrapped] = ofRule(await findingsOf(script("nn.Sequential(nn.Linear(8, 2))")), "GL001");
    assert.deepEqual(wrapped.fixes.map((f) => f.kind), ["dynamic-int8", "prune-l1"], "a Linear inside a container is swapped");
  });

  it("dynamic-int8 names the recurrent layers it converts", async () => {
    const after = await fixAndCheck(fixture("recurrent.py"), "GL001", "dynamic-int8");
    assert.ok(after.includes("tagger = torch.ao.quantization.quantize_dynamic(tagger, {torch.nn.Linear, torch.nn.LSTM}, dtype=torch.qint8)\n"), after);
  });

  it("weight-only-int8 adds the torchao import once, after the existing imports", async () => {
    const after = await fixAndCheck(cudaScript(), "GL001", "weight-only-int8");
    assert.ok(after.includes("import torch.nn as nn\nfrom torchao.quantization import Int8WeightOnlyConfig, quantize_\n\n\nclass SmallNet"), after);
    assert.ok(after.includes("    quantize_(model, Int8WeightOnlyConfig())\n    model.eval()"), after);
    assert.equal(countOccurrences(after, "from torchao.quantization import"), 1);
  });

  it("prune-l1 prunes globally, makes it permanent and says to fine-tune; the amount comes from the settings", async () => {
    const after = await fixAndCheck(fixture("inference_script.py"), "GL001", "prune-l1", { pruneAmount: 0.5 });
    assert.ok(after.includes("import torch.nn.utils.prune as prune\n"), after);
    assert.match(after, /prune\.global_unstructured\(\[\(m, "weight"\) for m in model\.modules\(\) if isinstance\(m, \(torch\.nn\.Linear, .*amount=0\.5\)/);
    assert.match(after, /# Fine-tune/);
    assert.ok(after.includes('    for pruned_module in model.modules():\n        if hasattr(pruned_module, "weight_orig"):\n            prune.remove(pruned_module, "weight")\n'), after);
  });

  it("quantizes after the weights are loaded and the model is moved, not before", async () => {
    const text = fixture("no_eval.py").replace('regressor.load_state_dict(torch.load("regressor.pt"))\n', 'regressor.load_state_dict(torch.load("regressor.pt"))\nregressor.to("cpu")\n');
    const after = await fixAndCheck(text, "GL001", "dynamic-int8");
    assert.ok(after.includes('regressor.to("cpu")\n# Greenlight GL001: int8 dynamic quantization'), after);
  });

  it("a builder that returns the model is not where it runs: the finding goes to the class", async () => {
    const text = `import torch.nn as nn


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)

    @classmethod
    def pretrained(cls):
        head = Head()
        head.fc.weight.data.zero_()
        return head
`;
    const [finding] = ofRule(await findingsOf(text), "GL001");
    assert.equal(finding.line, 4);
    const after = await fixAndCheck(text, "GL001", "weight-only-int8");
    assert.ok(after.includes("        head = Head()\n        head.fc.weight.data.zero_()\n"), "the builder is left alone");
    assert.ok(after.endsWith("        return head\n\n\ndef int8_weight_only_Head(model):\n" + '    """Greenlight GL001: int8 weight-only quantization of the Linear layers with torchao (weights 4x smaller; CUDA)."""\n' + "    quantize_(model, Int8WeightOnlyConfig())\n    return model\n"), after);
  });

  it("two trained models of the same class get helpers named after their variables, each fixed on its own", async () => {
    const text = fixture("gan_training.py");
    const findings = ofRule(await findingsOf(text), "GL001");
    assert.deepEqual(findings.map((f) => f.line), [5, 6]);
    // On CUDA (device = torch.device("cuda")): no CPU-only dynamic quantization.
    assert.ok(findings.every((f) => !f.fixes.some((x) => x.kind === "dynamic-int8")));
    const first = await fixAndCheck(text, "GL001", "weight-only-int8");
    assert.ok(first.includes("def int8_weight_only_discriminator(model):"), first);
    const second = await fixAndCheck(first, "GL001", "weight-only-int8");
    assert.ok(second.includes("def int8_weight_only_generator(model):"), second);
    assert.equal(ofRule(await findingsOf(second), "GL001").length, 0);
  });

  it("the same variable name in two functions is two models: fixing one leaves the other", async () => {
    const text = `import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x)


def first():
    model = Net()
    model.eval()
    print(model(torch.ones(1, 2)))


def second():
    model = Net()
    model.eval()
    print(model(torch.ones(1, 2)))
`;
    const [inFirst, inSecond] = ofRule(await findingsOf(text), "GL001");
    assert.deepEqual([inFirst.line, inSecond.line], [15, 21]);
    // (Identical code in both functions: checked by hand rather than with fixAndCheck's same-line heuristic.)
    const after = applyEdits(text, inFirst.fixes.find((f) => f.kind === "dynamic-int8")!.edits);
    assert.equal(await hasSyntaxError(after), false);
    const remaining = ofRule(await findingsOf(after), "GL001");
    assert.deepEqual(remaining.map((f) => f.line), [23], "the second function's model, two lines further down now");
  });

  it("a file that only defines the model gets a helper function below the class", async () => {
    const text = fixture("defines_only.py");
    const findings = ofRule(await findingsOf(text), "GL001");
    assert.equal(findings.length, 1);
    assert.equal(findings[0].line, 4, "at the class");
    const after = await fixAndCheck(text, "GL001", "dynamic-int8");
    assert.ok(
      after.endsWith(
        "        return self.layers(x)\n\n\n" +
          "def quantized_Encoder(model):\n" +
          '    """Greenlight GL001: int8 dynamic quantization of the Linear layers (weights 4x smaller; CPU inference)."""\n' +
          "    return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)\n",
      ),
      after,
    );
    assert.ok(after.startsWith("import torch.nn as nn\nimport torch\n"), "import torch added (import torch.nn as nn does not bind torch)");
  });

  it("a model trained in the same file gets a helper to call after training, not a change where it is built", async () => {
    // Wide enough that the energy model expects bf16 autocast to save energy on the GPU.
    const text = fixture("train_gpu.py").replace("nn.Linear(20, 64)", "nn.Linear(4096, 4096)").replace("nn.Linear(64, 2)", "nn.Linear(4096, 2)").replace("torch.randn(8, 20)", "torch.randn(512, 4096)");
    const after = await fixAndCheck(text, "GL001", "autocast-bf16");
    assert.ok(after.includes("def autocast_bf16_Classifier(model):"), after);
    assert.ok(after.includes('    if torch.cuda.is_available():\n        model.forward = torch.autocast(device_type="cuda", dtype=torch.bfloat16)(model.forward)\n    return model\n'), after);
    assert.ok(after.includes("# Call it after training."));
    assert.ok(after.includes("    model = Classifier().to(device)\n    optimizer"), "the construction is left alone");
  });

  it("a model trained by a framework's trainer (no backward in the file) is trained: no quantization before training", async () => {
    // ignite's create_supervised_trainer calls backward itself; the optimizer built from torch.optim says it trains.
    const script = `import torch
import torch.nn as nn
from ignite.engine import create_supervised_trainer

model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 10))
model.to("cuda")
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
trainer = create_supervised_trainer(model, optimizer, nn.CrossEntropyLoss(), device="cuda")
trainer.run(loader, max_epochs=5)
`;
    assert.equal(ofRule(await findingsOf(script), "GL001").length, 0, "trained, never run for inference here");
    const [saved] = ofRule(await findingsOf(`${script}torch.save(model, "model.pt")\n`), "GL001");
    assert.match(saved.message, /is trained here; for inference afterwards/);
    for (const fix of saved.fixes) assert.match(fix.title, /: add \w+\(model\)$/, "a helper to call after training, not an edit where it is built");
  });

  it("is quiet for a model that is only trained", async () => {
    const text = `import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(4, 4))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(10):
    loss = model(torch.randn(2, 4)).sum()
    loss.backward()
    optimizer.step()
`;
    assert.equal(ofRule(await findingsOf(text), "GL001").length, 0);
    // The same model saved after training is on its way to inference: flagged.
    assert.equal(ofRule(await findingsOf(`${text}torch.save(model, "m.pt")\n`), "GL001").length, 1);
  });

  it("recognises a model already quantized or halved", async () => {
    const base = fixture("inference_script.py");
    const quantized = base.replace("    model.eval()\n", "    model = torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)\n    model.eval()\n");
    // The Linear head is int8 now; the convolution is not, and no CPU fix reaches it: the finding stays, saying so.
    const [stays] = ofRule(await findingsOf(quantized), "GL001");
    assert.match(stays.message, /runs its Conv2d layers in fp32/);
    assert.match(stays.message, /No quantization fix for convolutions on CPU/);
    assert.deepEqual(stays.fixes.map((x) => x.kind), ["prune-l1"]);
    const halved = base.replace("    model.eval()\n", "    model.half()\n    model.eval()\n");
    assert.equal(ofRule(await findingsOf(halved), "GL001").length, 0);
  });

  it("keeps tabs and CRLF line endings in every fix", async () => {
    for (const kind of ["dynamic-int8", "prune-l1"]) {
      const text = withCrlf(withTabs(fixture("inference_script.py")));
      const after = await fixAndCheck(text, "GL001", kind);
      assertAllCrlf(after);
      assert.equal(/^ +\S/m.test(after), false, `${kind}: a space-indented line in a tab-indented file:\n${after}`);
    }
    const helper = await fixAndCheck(withCrlf(withTabs(fixture("defines_only.py"))), "GL001", "prune-l1");
    assertAllCrlf(helper);
    assert.ok(helper.includes("\tfor pruned_module in model.modules():\r\n\t\tif hasattr"), helper);
  });

  it("Keras: tfmot's quantize_model and prune_low_magnitude only for Sequential/functional models of built-in layers", async () => {
    // tfmot raises on a custom layer (it needs a QuantizeConfig / PrunableLayer); TFLite converts any model.
    const text = `import tensorflow as tf


class Unit(tf.keras.layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv = tf.keras.layers.Conv2D(filters, 3, padding="same")

    def call(self, x):
        return tf.nn.relu(self.conv(x) + x)


custom = tf.keras.Sequential([tf.keras.layers.InputLayer(input_shape=(8, 8, 4)), Unit(4), tf.keras.layers.Flatten(), tf.keras.layers.Dense(2)])
custom.predict(tf.zeros((1, 8, 8, 4)))
base = tf.keras.Sequential([tf.keras.layers.InputLayer(input_shape=(8, 8, 4)), tf.keras.layers.Conv2D(4, 3)])
nested = tf.keras.Sequential([base, tf.keras.layers.Flatten(), tf.keras.layers.Dense(2)])
nested.predict(tf.zeros((1, 8, 8, 4)))
plain = tf.keras.Sequential([tf.keras.layers.InputLayer(input_shape=(8, 8, 4)), tf.keras.layers.Conv2D(4, 3), tf.keras.layers.Flatten(), tf.keras.layers.Dense(2)])
plain.predict(tf.zeros((1, 8, 8, 4)))
`;
    const findings = ofRule(await findingsOf(text), "GL001");
    const kinds = (v: string) => findings.find((f) => f.message.includes(`'${v}'`))?.fixes.map((x) => x.kind);
    assert.deepEqual(kinds("custom"), ["tflite-int8"]);
    // prune_low_magnitude clones a nested Sequential layer by layer; quantize_model refuses it.
    assert.deepEqual(kinds("nested"), ["keras-prune", "tflite-int8"]);
    assert.deepEqual(kinds("plain"), ["keras-quantize", "keras-prune", "tflite-int8"]);
  });

  it("Keras: a model with LSTM/GRU layers gets Keras fixes only, not PyTorch's (the layer names are both frameworks')", async () => {
    const text = `from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([keras.Input(shape=(100,)), layers.Embedding(1000, 16), layers.GRU(16), layers.Dense(1)])
model.predict(tf.zeros((1, 100)))

# Only layer types PyTorch has too (Embedding, LSTM inside Bidirectional): the Keras constructor says which it is.
tagger = keras.Sequential()
tagger.add(keras.Input(shape=(50,)))
tagger.add(layers.Embedding(1000, 16))
tagger.add(layers.Bidirectional(layers.LSTM(8, return_sequences=True)))
tagger.predict(tf.zeros((1, 50)))
`;
    const findings = ofRule(await findingsOf(text), "GL001");
    assert.equal(findings.length, 2, findings.map((f) => f.message).join("\n"));
    assert.match(findings[0].message, /^Keras model 'model' runs its Dense\/GRU layers in float32/);
    assert.match(findings[1].message, /^Keras model 'tagger' runs its LSTM layers in float32/);
    for (const finding of findings) {
      const kinds = finding.fixes.map((x) => x.kind);
      assert.ok(kinds.length > 0 && kinds.every((k) => ["keras-quantize", "keras-prune", "tflite-int8"].includes(k)), kinds.join(", "));
    }
    for (const kind of ["keras-quantize", "keras-prune", "tflite-int8"]) assert.ok(!(await fixAndCheck(text, "GL001", kind)).includes("torch"), `${kind} writes PyTorch code into a Keras script`);
  });

  it("Keras: quantize_model, prune_low_magnitude with its callback, TFLite post-training quantization", async () => {
    const text = fixture("keras_model.py");
    const findings = ofRule(await findingsOf(text), "GL001");
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes.map((x) => x.kind), ["keras-quantize", "keras-prune", "tflite-int8"]);
    const quantized = await fixAndCheck(text, "GL001", "keras-quantize");
    assert.ok(quantized.includes("])\n# Greenlight GL001: quantization-aware int8 (tfmot); compile and fine-tune this model, then convert it with TFLite.\nmodel = tfmot.quantization.keras.quantize_model(model)\nmodel.compile("), quantized);
    assert.ok(quantized.includes("from tensorflow.keras import layers\nimport tensorflow_model_optimization as tfmot\n"));
    const pruned = await fixAndCheck(text, "GL001", "keras-prune");
    assert.ok(pruned.includes("epochs=1, callbacks=[tfmot.sparsity.keras.UpdatePruningStep()])"), pruned);
    const tflite = await fixAndCheck(text, "GL001", "tflite-int8");
    assert.ok(tflite.includes("epochs=1)\n# Greenlight GL001: post-training"), "after training");
    assert.ok(tflite.includes("converter = tf.lite.TFLiteConverter.from_keras_model(model)\nconverter.optimizations = [tf.lite.Optimize.DEFAULT]\nmodel_tflite = converter.convert()\n"));
  });

  it("Keras: int8 is estimated on the CPU TFLite runs it on, each fix's title says before → after, and a loss is not a saving", async () => {
    const text = fixture("keras_model.py");
    const asked: string[] = [];
    const cpu = hardwareFor("h100-sxm", "cpu");
    const estimate = (factor: number) => (_m: unknown, hardware: string, variant: { int8Linear?: boolean }) => (asked.push(hardware), { joules: variant.int8Linear ? 4e-3 * factor : 4e-3, hardware: `test-${hardware}`, basis: `test-${hardware}, fp32, batch 1` });
    const [saves] = ofRule(await findingsOf(text, { hardware: "h100-sxm" }, estimate(0.25)), "GL001");
    assert.ok(asked.length > 0 && asked.every((h) => h === cpu), `estimated on ${asked.join(", ")}, not on ${cpu}`);
    assert.match(saves.message, new RegExp(`TFLite runs the int8 model on a CPU, where the energy model expects about 1 mJ instead of 4 mJ per inference with int8 Dense layers \\(test-${cpu}, fp32, batch 1\\)\\.`));
    const title = (f: typeof saves, kind: string) => f.fixes.find((x) => x.kind === kind)!.title;
    for (const kind of ["tflite-int8", "keras-quantize"]) assert.match(title(saves, kind), new RegExp(`; saves 75% energy per inference on a CPU \\(1 mJ instead of 4 mJ on test-${cpu}, energy model\\)$`));
    assert.match(title(saves, "keras-prune"), /no energy saving with dense kernels/);
    const [costs] = ofRule(await findingsOf(text, { hardware: "h100-sxm" }, estimate(1.5)), "GL001");
    assert.match(costs.message, /no energy saving per inference at this size \(4 mJ in float32, 6 mJ with int8 Dense layers.*offered for memory, not as a saving\./);
    assert.match(title(costs, "tflite-int8"), /; not a saving: 50% more energy per inference on a CPU \(6 mJ instead of 4 mJ .*\); offered for memory$/);
    assert.doesNotMatch(title(costs, "tflite-int8"), /saves/);
  });

  it("Keras: a model the analyzer could not run says there is no estimate behind the finding", async () => {
    const [finding] = ofRule(await findingsOf(fixture("keras_subclass.py")), "GL001");
    assert.match(finding.message, /the energy model has no estimate of what int8 would save/);
  });

  it("Keras: the functional form tf.keras.Model(inputs, outputs), never trained here, gets all three fixes after it", async () => {
    const text = fixture("keras_functional.py");
    const [finding] = ofRule(await findingsOf(text), "GL001");
    assert.equal(finding.line, 6);
    const after = await fixAndCheck(text, "GL001", "tflite-int8");
    assert.ok(after.includes("model = tf.keras.Model(inputs, outputs)\n# Greenlight GL001: post-training"), after);
    assert.ok(after.startsWith("import tensorflow as tf\n\ninputs"), "tf was imported already");
  });

  it("Keras: post-training quantization goes after this model's training, before the name holds another model", async () => {
    const text = `import keras

model = keras.Sequential([keras.layers.Dense(4)])
model.compile(optimizer="sgd", loss="mse")
model.fit([[1.0]], [[1.0]])
model = keras.models.load_model("other.keras")
model.fit([[1.0]], [[1.0]])
print(model.predict([[1.0]]))
`;
    const after = await fixAndCheck(text, "GL001", "tflite-int8");
    assert.ok(after.includes('model.fit([[1.0]], [[1.0]])\n# Greenlight GL001: post-training dynamic-range int8 quantization with TFLite; deploy the .tflite bytes.\nconverter = tf.lite.TFLiteConverter.from_keras_model(model)\nconverter.optimizations = [tf.lite.Optimize.DEFAULT]\nmodel_tflite = converter.convert()\nmodel = keras.models.load_model("other.keras")\n'), after);
  });

  it("a file defining two models: the helper for one leaves the other flagged", async () => {
    const text = `${fixture("defines_only.py")}

class Decoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.Linear(8, 32)

    def forward(self, x):
        return self.out(x)
`;
    assert.equal(ofRule(await findingsOf(text), "GL001").length, 2);
    const after = await fixAndCheck(text, "GL001", "dynamic-int8");
    assert.equal(ofRule(await findingsOf(after), "GL001").length, 1);
  });

  it("Keras: a block composed into a bigger model is not flagged, the bigger model is", async () => {
    const text = `import keras

stem = keras.Sequential([keras.layers.Dense(8)])
head = keras.Sequential([keras.layers.Dense(2)])
model = keras.Sequential([stem, head])
print(model.predict([[1.0]]))
`;
    const findings = ofRule(await findingsOf(text), "GL001");
    assert.deepEqual(findings.map((f) => f.line), [5]);
  });

  it("Keras: a subclass of keras.Model that is only defined gets a TFLite helper", async () => {
    const after = await fixAndCheck(fixture("keras_subclass.py"), "GL001", "tflite-int8");
    assert.ok(after.startsWith("import keras\nimport tensorflow as tf\n"), after);
    assert.ok(after.includes("def tflite_int8_Scorer(model):\n"), after);
  });
});
