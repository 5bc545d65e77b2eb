import assert from "node:assert/strict";
import { exampleInputs } from "../../../../src/core/interp/input-discovery";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

// A vision model's default input follows the image size it (or its config) was built for: position embeddings and
// size checks reject any other (transformers' ViT/CLIP configs say image_size, timm's models img_size). Truth:
// PyTorch 1.13 on the same file at 1x3x32x32: 3,514 parameters, output [1, 16, 10]; FLOPs by
// torch.utils.flop_counter's convention: conv 2*(16*3*8*8)*(4*4) + head 2*16*16*10 = 103,424.
describe("default input of a vision model (src/core/interp/input-discovery.ts)", () => {
  it("takes the image side from the config's image_size, and a tensor is no torch.fx.Proxy", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
import torch.fx


class VisionConfig:
    def __init__(self, image_size=32, patch_size=8, hidden_size=16):
        self.image_size = image_size
        self.patch_size = patch_size
        self.hidden_size = hidden_size


class PatchEmbeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.image_size = (config.image_size, config.image_size)
        self.proj = nn.Conv2d(3, config.hidden_size, config.patch_size, stride=config.patch_size)
        patches = (config.image_size // config.patch_size) ** 2
        self.position = nn.Parameter(torch.zeros(1, patches, config.hidden_size))

    def forward(self, pixel_values):
        if pixel_values.shape[-2:] != self.image_size:
            raise ValueError("Input image size doesn't match model")
        if isinstance(pixel_values, torch.fx.Proxy):
            return pixel_values
        return self.proj(pixel_values).flatten(2).transpose(1, 2) + self.position


class VisionModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.embeddings = PatchEmbeddings(config)
        self.head = nn.Linear(config.hidden_size, 10)

    def forward(self, pixel_values):
        return self.head(self.embeddings(pixel_values))


model = VisionModel(VisionConfig())

`);
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 3, 32, 32]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 3514);
    assert.deepEqual(m.output, [[1, 16, 10]]);
    assert.equal(m.flops, 103424);
  });
});

// Default inputs that follow what the model's first layers consume. Truth: PyTorch 1.13 on the same files
// (tools/measure/count.py one ..., parametrizations.weight_norm measured as nn.utils.weight_norm, which registers
// the same g and v), parameters and FLOPs at the input named.
describe("default input from the first layers (src/core/interp/input-discovery.ts)", () => {
  it("gives a 1-channel Conv1d model a [B, T] signal when forward adds the channel itself", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn


class FeatureEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv0 = nn.Conv1d(1, 8, 10, stride=5)
        self.conv1 = nn.Conv1d(8, 8, 3, stride=2)

    def forward(self, input_values):
        hidden = input_values[:, None]
        return self.conv1(torch.relu(self.conv0(hidden)))


class AudioModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = FeatureEncoder()
        self.proj = nn.Linear(8, 16)
        self.pos_conv = nn.utils.parametrizations.weight_norm(nn.Conv1d(16, 16, 4, padding=2, groups=4), name="weight", dim=2)

    def forward(self, input_values):
        x = self.proj(self.features(input_values).transpose(1, 2))
        return x + self.pos_conv(x.transpose(1, 2))[:, :, :-1].transpose(1, 2)


model = AudioModel()
`);
    // [1, 1, 1024] stops at the first conv (forward makes it 4-D); [1, 1024] runs: 708 params, 149,344 FLOPs.
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 1024]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 708);
    assert.equal(m.flops, 149344);
    assert.deepEqual(m.output, [[1, 101, 16]]);
  });

  it("gives a conv front-end followed by a position table as many frames as the table's rows times the stride", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn


class SpeechEncoder(nn.Module):
    def __init__(self, mel_bins=16, width=32, positions=50):
        super().__init__()
        self.conv1 = nn.Conv1d(mel_bins, width, 3, padding=1)
        self.conv2 = nn.Conv1d(width, width, 3, stride=2, padding=1)
        self.embed_positions = nn.Embedding(positions, width)
        self.out = nn.Linear(width, width)

    def forward(self, input_features):
        expected = self.embed_positions.num_embeddings * self.conv1.stride[0] * self.conv2.stride[0]
        if input_features.shape[-1] != expected:
            raise ValueError(f"expects {expected} frames, got {input_features.shape[-1]}")
        x = torch.relu(self.conv2(torch.relu(self.conv1(input_features)))).transpose(1, 2)
        x = x + self.embed_positions.weight
        return self.out(x)


model = SpeechEncoder()
`);
    // 50 positions after a stride-2 stack: 100 frames (1,024 raises). 7,328 params, 716,800 FLOPs.
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 16, 100]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 7328);
    assert.equal(m.flops, 716800);
  });

  it("keeps token positions that count from padding_idx + 1 inside the position table", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn


class Config:
    def __init__(self, vocab_size=1000, hidden_size=32, max_position_embeddings=130, pad_token_id=1):
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size
        self.max_position_embeddings = max_position_embeddings
        self.pad_token_id = pad_token_id


class Embeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.padding_idx = config.pad_token_id
        self.word_embeddings = nn.Embedding(config.vocab_size, config.hidden_size, padding_idx=self.padding_idx)
        self.position_embeddings = nn.Embedding(config.max_position_embeddings, config.hidden_size, padding_idx=self.padding_idx)

    def forward(self, input_ids):
        mask = input_ids.ne(self.padding_idx).int()
        position_ids = torch.cumsum(mask, dim=1) * mask + self.padding_idx
        return self.word_embeddings(input_ids) + self.position_embeddings(position_ids)


class Encoder(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.embeddings = Embeddings(config)
        self.dense = nn.Linear(config.hidden_size, config.hidden_size)

    def forward(self, input_ids):
        return self.dense(self.embeddings(input_ids))


model = Encoder(Config())
`);
    // 130 rows, padding_idx 1: position ids reach length + 1, so 128 tokens (PyTorch: 130 raises IndexError).
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 128]]);
    assert.equal(m.params, 37216);
    assert.equal(m.flops, 262144);
  });
});

describe("default input from the library's data config (src/core/interp/input-discovery.ts)", () => {
  it("takes the image side from model.pretrained_cfg['input_size'], as timm.data sizes inputs, when the model names no img_size", async () => {
    // timm's create_model sets model.pretrained_cfg (alias default_cfg) from the registered config.
    const result = await analyze(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, stride=2)
        self.pool = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        return self.pool(self.conv(x)).flatten(1)

def create_model():
    model = Net()
    model.pretrained_cfg = {"input_size": (3, 299, 299), "num_classes": 1000}
    model.default_cfg = model.pretrained_cfg
    return model

model = create_model()
`);
    const m = modelNamed(result, "create_model");
    assert.deepEqual(m.inputs[0]?.shape, [1, 3, 299, 299]);
    // conv output 149x149: 2 * 149 * 149 * 4 * 3 * 3 * 3 (torch.utils.flop_counter's convolution count)
    assert.equal(m.flops, 2 * 149 * 149 * 4 * 27);
  });
});

describe("the image side a submodule was built for (src/core/interp/input-discovery.ts)", () => {
  it("takes a patch embedding's img_size, before a copied data config naming another side (DeiT's 384 models)", async () => {
    // timm's VisionTransformer keeps img_size on its PatchEmbed only; its position table fits that side alone.
    const result = await analyze(`import torch
import torch.nn as nn

class PatchEmbed(nn.Module):
    def __init__(self, img_size, patch):
        super().__init__()
        self.img_size = (img_size, img_size)
        self.proj = nn.Conv2d(3, 8, patch, stride=patch)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)

class ViT(nn.Module):
    def __init__(self, img_size=32, patch=8):
        super().__init__()
        self.patch_embed = PatchEmbed(img_size, patch)
        self.pos_embed = nn.Parameter(torch.zeros(1, (img_size // patch) ** 2, 8))
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        return self.head((self.patch_embed(x) + self.pos_embed).mean(1))

def vit_48():
    model = ViT(img_size=48)
    model.default_cfg = {"input_size": (3, 32, 32)}
    return model
`);
    const m = modelNamed(result, "vit_48");
    assert.deepEqual(m.inputs[0]?.shape, [1, 3, 48, 48]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    // 36 patches: conv 2 * 36 * 8 * 3 * 8 * 8, head 2 * 8 * 2
    assert.equal(m.flops, 2 * 36 * 8 * 192 + 2 * 8 * 2);
  });
});

describe("the data config's whole input shape (src/core/interp/input-discovery.ts)", () => {
  it("takes the channels from pretrained_cfg['input_size'] too, where the first conv reads a rearranged image", async () => {
    // A space-to-depth stem (TResNet's) folds 3x224x224 into 48x56x56 before the first conv: its 48 input
    // channels are not the image's.
    const result = await analyze(`import torch.nn as nn

class SpaceToDepth(nn.Module):
    def forward(self, x):
        n, c, h, w = x.size()
        x = x.view(n, c, h // 4, 4, w // 4, 4).permute(0, 3, 5, 1, 2, 4).contiguous()
        return x.view(n, c * 16, h // 4, w // 4)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.s2d = SpaceToDepth()
        self.conv = nn.Conv2d(48, 8, 3, padding=1)

    def forward(self, x):
        return self.conv(self.s2d(x))

def create_model():
    model = Net()
    model.pretrained_cfg = {"input_size": (3, 224, 224)}
    return model

model = create_model()
`);
    const m = modelNamed(result, "create_model");
    assert.deepEqual(m.inputs[0]?.shape, [1, 3, 224, 224]);
    assert.equal(m.complete, true);
    assert.equal(m.flops, 2 * 56 * 56 * 8 * 48 * 9);
  });
});

describe("torch.jit.annotate (src/core/torch/bindings.ts)", () => {
  it("is its value: a list annotated for TorchScript keeps the tensors appended to it", async () => {
    const m = await onlyModel(`from typing import List
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(8, 8)
        self.b = nn.Linear(8, 8)

    def forward(self, x):
        outs = torch.jit.annotate(List[torch.Tensor], [])
        outs.append(self.a(x))
        outs.append(self.b(x))
        return torch.cat(outs, dim=1)

# greenlight: input=1x8
model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.output, [[1, 16]]);
  });
});

// A notebook's data pipeline says what its models read: the size its transforms crop or resize to, or a torchvision
// dataset's own side. Truth for the CNN below (PyTorch 1.13, 1x1x28x28): 28,938 parameters; FLOPs
// 2*(16*1*25)*(28*28) + 2*(32*16*25)*(14*14) + 2*1568*10 = 5,676,160.
const MNIST_CNN = `
import torch
import torch.nn as nn
import torchvision

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(1, 16, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))
        self.conv2 = nn.Sequential(nn.Conv2d(16, 32, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))
        self.out = nn.Linear(32 * 7 * 7, 10)

    def forward(self, x):
        x = self.conv2(self.conv1(x))
        return self.out(x.view(x.size(0), -1))
`;

describe("inputs from the program's data pipeline (src/core/interp/input-discovery.ts)", () => {
  it("a torchvision MNIST dataset gives a conv model 28x28 images, where the 224 default would not fit its Linear", async () => {
    const m = await onlyModel(`${MNIST_CNN}\ntrain_data = torchvision.datasets.MNIST(root="./mnist/", train=True, download=True)\n`);
    assert.deepEqual(m.inputs, [{ shape: [1, 1, 28, 28], dtype: "float32" }]);
    assert.equal(m.params, 28938);
    assert.equal(m.flops, 5676160);
    assert.ok(m.complete, m.unresolved.map((u) => u.reason).join("; "));
    const without = await onlyModel(MNIST_CNN);
    assert.notDeepEqual(without.inputs[0].shape, [1, 1, 28, 28], "without the dataset nothing says 28");
  });

  it("a transform's size comes before a dataset's, a crop before a resize; only literal sides count", async () => {
    const { dataImageSides } = await import("../../../../src/core/interp/input-discovery");
    assert.deepEqual(dataImageSides("t = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224)])\nd = datasets.CIFAR10('x')"), [[224, 224], [256, 256], [32, 32]]);
    assert.deepEqual(dataImageSides("transforms.Resize(size=(64, 48))"), [[64, 48]]);
    assert.deepEqual(dataImageSides("Resize((n, n))\nRandomCrop(4)"), [], "only literal sides of at least 8");
  });

  it("torchinfo's summary input_size includes the batch; torchsummary's does not", async () => {
    const net = "import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\n";
    const info = await onlyModel(`from torchinfo import summary\n${net}summary(model, input_size=(4, 3, 32, 32))\n`);
    assert.deepEqual(info.inputs[0].shape, [4, 3, 32, 32]);
    const plain = await onlyModel(`from torchsummary import summary\n${net}summary(model, (3, 32, 32))\n`);
    assert.deepEqual(plain.inputs[0].shape, [1, 3, 32, 32]);
  });
});

describe("example inputs written in the file (src/core/interp/input-discovery.ts)", () => {
  it("reads a tensor factory's sizes given by position, as one tuple, or as size=", () => {
    assert.deepEqual(exampleInputs("x = torch.randn(2, 3, 32, 32)\n"), [[{ shape: [2, 3, 32, 32], dtype: "float32" }]]);
    assert.deepEqual(exampleInputs("x = torch.zeros((4, 16), device=dev)\n"), [[{ shape: [4, 16], dtype: "float32" }]]);
    assert.deepEqual(exampleInputs("x = torch.randn(size=(8, 1, 28, 28))\n"), [[{ shape: [8, 1, 28, 28], dtype: "float32" }]]);
    assert.deepEqual(exampleInputs("x = torch.randn(n, 3)\n"), [], "a size that is not a literal is not an example");
  });

  it("skips tensors a module keeps (an attribute of self, a Parameter, a buffer), but not Lightning's example_input_array", () => {
    assert.deepEqual(exampleInputs("        self.mean = torch.zeros(1, 1, 1, 1)\n"), []);
    assert.deepEqual(exampleInputs("        self.pos = nn.Parameter(torch.zeros(1, 10, 4))\n"), []);
    assert.deepEqual(exampleInputs("        self.register_buffer('grid', torch.ones(1, 8, 8))\n"), []);
    assert.deepEqual(exampleInputs("        self.example_input_array = torch.zeros(2, 1, 28, 28)\n"), [[{ shape: [2, 1, 28, 28], dtype: "float32" }]]);
    assert.deepEqual(exampleInputs("    x = torch.zeros(1, 1, 1, 1)\n"), [[{ shape: [1, 1, 1, 1], dtype: "float32" }]], "a local is still an example");
  });

  it("reads a numpy array of literal size made a torch tensor: the size tuple, or rand's spread dims", () => {
    const image = [[{ shape: [1, 3, 320, 320], dtype: "float32" }]];
    assert.deepEqual(exampleInputs("x = Variable(torch.FloatTensor(np.random.random((1, 3, 320, 320))))\n"), image);
    assert.deepEqual(exampleInputs("x = torch.from_numpy(np.random.rand(1, 3, 320, 320)).float()\n"), image);
    assert.deepEqual(exampleInputs("x = torch.tensor(numpy.zeros([1, 3, 320, 320]), dtype=torch.float32)\n"), image);
    assert.deepEqual(exampleInputs("x = np.random.random((1, 3, 320, 320))\n"), [], "an array never made a tensor is no example");
    assert.deepEqual(exampleInputs("x = torch.from_numpy(np.random.rand(n, 3))\n"), [], "a size that is not a literal is not an example");
  });

  it("reads a batch a call is fed reshaped to (-1, sizes...): one sample of those sizes", () => {
    const sample = [[{ shape: [1, 28, 28], dtype: "float32" }]];
    assert.deepEqual(exampleInputs("out = rnn(test_x[:10].view(-1, 28, 28))\n"), sample);
    assert.deepEqual(exampleInputs("for x, y in loader:\n    b_x = x.reshape(-1, 28, 28)\n    out = rnn(b_x)\n"), sample);
    assert.deepEqual(exampleInputs("x = x.view(-1, 400)\nout = net(x)\n"), [], "one size after -1 is a flatten, not a sample");
    assert.deepEqual(exampleInputs("h = self.fc(x.view(-1, 4, 4))\n"), [], "a layer called inside a model is not the model fed");
    assert.deepEqual(exampleInputs("y = x.view(-1, 4, 4)\nprint(y)\n"), [], "printed, not fed");
  });

  it("an LSTM fed rows of an image through view(-1, 28, 28) reads 28 steps, not the default 128", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn


class RNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(input_size=28, hidden_size=64, batch_first=True)
        self.out = nn.Linear(64, 10)

    def forward(self, x):
        r_out, _ = self.rnn(x)
        return self.out(r_out[:, -1, :])


rnn = RNN()
test_x = torch.zeros(2000, 28, 28)
test_output = rnn(test_x[:10].view(-1, 28, 28))
`);
    assert.deepEqual(m.inputs[0].shape.slice(1), [28, 28]);
    // LSTM 2*T*4*H*(I+H) at T=28, H=64, I=28, plus the head's 2*64*10, per sample.
    assert.equal(m.flops / m.inputs[0].shape[0], 2 * 28 * 4 * 64 * (28 + 64) + 2 * 64 * 10);
  });
});


describe("a generator's latent input (src/core/interp/input-discovery.ts, latentProjection)", () => {
  // Truth: PyTorch 1.13 runs this generator on a 1x16x1x1 latent to a 1x3x16x16 image.
  const GENERATOR = (first: string) => `import torch
import torch.nn as nn

class G(nn.Module):
    def __init__(self, nz=16):
        super().__init__()
        self.main = nn.Sequential(
            ${first},
            nn.ReLU(True),
            nn.ConvTranspose2d(32, 3, 4, 2, 1, bias=False),
            nn.Tanh())

    def forward(self, z):
        return self.main(z)

model = G()
`;

  it("a stride-1 unpadded ConvTranspose2d first reads a 1x1 latent of its input channels (DCGAN)", async () => {
    const m = await onlyModel(GENERATOR("nn.ConvTranspose2d(nz, 32, 8, 1, 0, bias=False)"));
    assert.deepEqual(m.inputs, [{ shape: [1, 16, 1, 1], dtype: "float32" }]);
    assert.deepEqual(m.output, [[1, 3, 16, 16]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("reads the latent as a plain vector when the forward makes the 1x1 map itself", async () => {
    const m = await onlyModel(GENERATOR("nn.ConvTranspose2d(nz, 32, 8, 1, 0, bias=False)").replace("return self.main(z)", "return self.main(z.view(*z.shape, 1, 1))"));
    assert.deepEqual(m.inputs, [{ shape: [1, 16], dtype: "float32" }]);
    assert.deepEqual(m.output, [[1, 3, 16, 16]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("an upsampling ConvTranspose2d first (stride 2) is not taken for a latent projection", async () => {
    const m = await onlyModel(GENERATOR("nn.ConvTranspose2d(nz, 32, 4, 2, 1, bias=False)"));
    assert.notDeepEqual(m.inputs, [{ shape: [1, 16, 1, 1], dtype: "float32" }]);
  });
});

describe("a first Linear over patches the forward cuts from an image", () => {
  it("tries the images the program loads after the vector, so a patch model runs whole", async () => {
    const result = await analyze(`import torch
import torch.nn as nn
from torchvision import datasets, transforms


class PatchNet(nn.Module):
    def __init__(self, patch=8, hidden=64):
        super().__init__()
        self.patch = patch
        self.emb = nn.Linear(3 * patch * patch, hidden)
        self.head = nn.Linear(hidden, 10)

    def forward(self, x):
        b, c, h, w = x.shape
        p = self.patch
        words = x.unfold(2, p, p).unfold(3, p, p).permute(0, 2, 3, 1, 4, 5).reshape(b, -1, c * p * p)
        return self.head(self.emb(words).mean(1))


train = datasets.CIFAR10("data", train=True, transform=transforms.ToTensor())
model = PatchNet()
`);
    const m = result.models.find((x) => x.name === "PatchNet")!;
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 3, 32, 32]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    // 16 patches x (192 x 64) MACs in emb, 64 x 10 in head, 2 FLOPs each.
    assert.equal(m.flops, 2 * (16 * 192 * 64 + 64 * 10));
  });
});

describe("a loss the model holds before its layers", () => {
  it("is passed over: the first layer with weights says what the model reads", async () => {
    const m = await onlyModel(`import torch.nn as nn


class Segmenter(nn.Module):
    def __init__(self, classes=5, criterion=nn.CrossEntropyLoss(ignore_index=255)):
        super().__init__()
        self.criterion = criterion
        self.stem = nn.Conv2d(3, 8, 3, padding=1)
        self.cls = nn.Conv2d(8, classes, 1)

    def forward(self, x):
        return self.cls(self.stem(x).relu())


model = Segmenter()
`);
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 3, 224, 224]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("looks past padding before the first conv (a style-transfer net opens with ReflectionPad2d)", async () => {
    const m = await onlyModel(`import torch.nn as nn

class StyleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.ReflectionPad2d(4), nn.Conv2d(3, 8, 9), nn.ReLU(), nn.ReplicationPad2d(1), nn.Conv2d(8, 3, 3))
    def forward(self, x):
        return self.body(x)

net = StyleNet()
`);
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 3, 224, 224]]);
    // Padding keeps the 224 sides through both convs: 2 * (8 * 3 * 81) * 224² + 2 * (3 * 8 * 9) * 224².
    assert.equal(m.flops, 2 * (8 * 3 * 81) * 224 * 224 + 2 * (3 * 8 * 9) * 224 * 224);
  });
});

