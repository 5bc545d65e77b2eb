// Model classes that need constructor arguments are listed with what they need, an entry to try (prefilled from the
// file) and an input hint from their first layer; `# greenlight: entry=` above a class builds it with that entry.
import assert from "node:assert/strict";
import { NO_INPUT_ADVICE } from "../../../../src/core/analyze";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

const MULTI_MODAL = `
import torch
from torch import nn

N_MELS = 80

class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)

class Block(nn.Module):
    def __init__(self, dim, heads=8):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), QuickGELU(), nn.Linear(4 * dim, dim))
    def forward(self, x):
        return x + self.mlp(x)

class TextEncoder(nn.Module):
    def __init__(self, vocab_size, width, layers, context_length=77):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, width)
        self.blocks = nn.Sequential(*[Block(width) for _ in range(layers)])
    def forward(self, text):
        return self.blocks(self.token_embedding(text))

class AudioEncoder(nn.Module):
    def __init__(self, n_mels, width):
        super().__init__()
        self.conv1 = nn.Conv1d(n_mels, width, 3, padding=1)
        self.conv2 = nn.Conv1d(width, width, 3, stride=2, padding=1)
    def forward(self, x):
        return self.conv2(self.conv1(x))

class VisionEncoder(nn.Module):
    def __init__(self, width, patch_size=16):
        super().__init__()
        self.stem = nn.Sequential(nn.Dropout(0.0), nn.Conv2d(3, width, patch_size, patch_size))
    def forward(self, x):
        return self.stem(x)
`;

describe("model classes that need constructor arguments", () => {
  it("lists the top-level classes with what they need, and leaves their components out", async () => {
    const result = await analyze(MULTI_MODAL);
    assert.deepEqual(result.models.map((m) => m.name), ["TextEncoder", "AudioEncoder", "VisionEncoder"]);
    const text = modelNamed(result, "TextEncoder");
    assert.equal(text.complete, false);
    assert.deepEqual(text.needs?.required, ["vocab_size", "width", "layers"]);
    assert.match(text.unresolved[0].reason, /needs constructor arguments \(vocab_size, width, layers\)/);
    assert.equal(text.line, MULTI_MODAL.split("\n").findIndex((line) => line.startsWith("class TextEncoder")) + 1);
  });

  it("prefills the entry from the file (a module constant of the same name, upper-cased) and marks the rest with ...", async () => {
    const result = await analyze(MULTI_MODAL);
    assert.equal(modelNamed(result, "TextEncoder").needs?.entry, "TextEncoder(vocab_size=..., width=..., layers=...)");
    const audio = modelNamed(result, "AudioEncoder").needs!;
    assert.equal(audio.entry, "AudioEncoder(n_mels=80, width=...)");
    assert.deepEqual(audio.prefilledFrom, ["n_mels=80: module constant, line 5"]);
  });

  it("builds the class from the call the script makes, and takes a config field's default for a required argument", async () => {
    // The script's own call under the __main__ guard builds the model (it was listed as needing arguments, with that
    // call as the entry to try).
    const withCall = `${MULTI_MODAL}\nif __name__ == "__main__":\n    model = VisionEncoder(768, patch_size=14)\n`;
    const built = modelNamed(await analyze(withCall), "model");
    assert.equal(built.params, 3 * 768 * 14 * 14 + 768);
    const withConfig = `${MULTI_MODAL}\nclass Config:\n    width: int = 512\n`;
    assert.equal(modelNamed(await analyze(withConfig), "VisionEncoder").needs?.entry, "VisionEncoder(width=512)");
  });

  it("hints the input from the first layer the constructor builds: token ids, audio frames, images", async () => {
    const result = await analyze(MULTI_MODAL);
    const text = modelNamed(result, "TextEncoder").needs!;
    assert.equal(text.input, "1x128:int64");
    assert.match(text.inputWhy!, /token ids: the first layer is an Embedding/);
    const audio = modelNamed(result, "AudioEncoder").needs!;
    assert.equal(audio.input, "1xCx3000");
    assert.match(audio.inputWhy!, /audio frames .* Conv1d; C is its in_channels \(n_mels\)/);
    // The Dropout says nothing about the input: the Conv2d after it does.
    const vision = modelNamed(result, "VisionEncoder").needs!;
    assert.equal(vision.input, "1x3x224x224");
    assert.match(vision.inputWhy!, /images/);
  });

  it("hints one input per forward argument, each from the layer that reads it; a mask takes the first's shape", async () => {
    const result = await analyze(`
import torch
from torch import nn

class Pair(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.a = nn.Sequential(nn.Flatten(), nn.Linear(784, d))
        self.b = nn.Linear(32, d)

    def forward(self, x, y):
        return self.a(x) + self.b(y)

class Tokens(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.emb = nn.Embedding(vocab, 64)
        self.out = nn.Linear(64, 2)

    def forward(self, ids, mask):
        return self.out((self.emb(ids) * mask.unsqueeze(-1)).mean(1))
`);
    const pair = modelNamed(result, "Pair").needs!;
    assert.equal(pair.input, "1x784;1x32");
    assert.match(pair.inputWhy!, /^x \(read by self\.a\): feature vectors.*; y \(read by self\.b\): feature vectors/);
    const tokens = modelNamed(result, "Tokens").needs!;
    assert.equal(tokens.input, "1x128:int64;1x128:int64");
    assert.match(tokens.inputWhy!, /ids \(read by self\.emb\): token ids.*; mask: no layer reads it directly, so shaped as ids/);
  });

  it("builds a class with the entry a pragma above it gives, with the pragma's input", async () => {
    const text = MULTI_MODAL.replace("class AudioEncoder(nn.Module):", "# greenlight: entry=AudioEncoder(n_mels=80, width=384) input=1x80x3000\nclass AudioEncoder(nn.Module):");
    const audio = modelNamed(await analyze(text), "AudioEncoder");
    assert.equal(audio.needs, undefined);
    assert.equal(audio.entry, "AudioEncoder(n_mels=80, width=384)");
    assert.equal(audio.complete, true);
    assert.equal(audio.params, 80 * 384 * 3 + 384 + 384 * 384 * 3 + 384);
    assert.deepEqual(audio.inputs[0].shape, [1, 80, 3000]);
    assert.deepEqual(audio.output[0], [1, 384, 1500]);
  });

  it("says why a pragma's entry did not build, and lists the other classes as before", async () => {
    const text = MULTI_MODAL.replace("class AudioEncoder(nn.Module):", "# greenlight: entry=AudioEncoder(n_mels=80)\nclass AudioEncoder(nn.Module):");
    const result = await analyze(text);
    assert.ok(!result.models.some((m) => m.name === "AudioEncoder"));
    assert.ok(result.notes.some((n) => /AudioEncoder \(line \d+\): # greenlight: entry= 'AudioEncoder\(n_mels=80\)' failed: .*width/.test(n)), result.notes.join("\n"));
    assert.deepEqual(result.models.map((m) => m.name), ["TextEncoder", "VisionEncoder"]);
  });

  it("still estimates a class that builds without arguments, even when it is also used by a class that needs some", async () => {
    const text = `
from torch import nn

class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)
    def forward(self, x):
        return self.fc(x)

class Net(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.body = nn.Linear(hidden, 16)
        self.head = Head()
    def forward(self, x):
        return self.head(self.body(x))

class Other(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)
    def forward(self, x):
        return self.fc(x)
`;
    const result = await analyze(text);
    // Head is Net's component; Net needs its hidden size; Other is a model of its own.
    assert.deepEqual(result.models.map((m) => [m.name, m.needs ? "needs" : m.params]), [["Net", "needs"], ["Other", 72]]);
    assert.equal(modelNamed(result, "Net").needs?.input, "1xN");
  });

  it("a built model whose layers do not say what it reads gets the input forms, not an image shape as if it were one", async () => {
    const model = await onlyModel("import torch\nfrom torch import nn\n\nclass Gate(nn.Module):\n    def forward(self, x):\n        return x * torch.sigmoid(x)\n");
    assert.equal(model.unresolved[0].reason, `no input shape: ${NO_INPUT_ADVICE}`);
    assert.match(NO_INPUT_ADVICE, /1x128:int64 for token ids, 1x80x3000 for audio frames, 1x3x224x224 for images/);
  });

  it("a model built from a config dataclass whose fields lack defaults needs that config: its entry names the fields to fill in", async () => {
    const text = `
from dataclasses import dataclass, field
from torch import nn

N_MELS = 80

@dataclass
class Dims:
    n_mels: int
    width: int = 64
    layers: int = field()

class Encoder(nn.Module):
    def __init__(self, n_mels, width):
        super().__init__()
        self.conv = nn.Conv1d(n_mels, width, 3)

class Model(nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.encoder = Encoder(dims.n_mels, dims.width)
`;
    const result = await analyze(text);
    assert.deepEqual(result.models.map((m) => m.name), ["Model"]);
    const needs = result.models[0].needs!;
    assert.deepEqual(needs.required, ["dims"]);
    // Python's Dims() would fail for n_mels and layers; width has its default. N_MELS fills n_mels.
    assert.equal(needs.entry, "Model(Dims(n_mels=80, layers=...))");
    assert.match(needs.inputWhy!, /Conv1d; C is its in_channels \(n_mels\)/);
    // Filled in, the entry builds the model (through the pragma the editor writes).
    const built = modelNamed(await analyze(text.replace("class Model(nn.Module):", "# greenlight: entry=Model(Dims(n_mels=80, layers=2)) input=1x80x100\nclass Model(nn.Module):")), "Model");
    assert.equal(built.params, 80 * 64 * 3 + 64);
  });
});
