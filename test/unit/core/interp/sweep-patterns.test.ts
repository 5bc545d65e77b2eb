import { strict as assert } from "node:assert";
import { analyze, onlyModel } from "../../helpers/analyze";

// Patterns met while sweeping real model files against PyTorch; each fixture is our own small code and each figure
// is worked out from PyTorch's documented formulas (conv: 2*out_numel*in_ch/groups*prod(kernel); mm: 2*m*k*n).
describe("patterns from the real-model sweep", function () {
  this.timeout(20_000);

  it("reads submodules through an explicit self.__getattr__ and registers them through self.__setattr__", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Tower(nn.Module):",
      "    def __init__(self, depth):",
      "        super().__init__()",
      "        self.depth = depth",
      "        for i in range(depth):",
      "            self.__setattr__('stage_%d' % i, nn.Conv2d(4, 4, 3, padding=1))",
      "    def forward(self, x):",
      "        for i in range(self.depth):",
      "            x = self.__getattr__('stage_%d' % i)(x)",
      "        return x",
    ].join("\n"), { entry: "Tower(3)", inputs: [{ shape: [1, 4, 8, 8], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, 3 * (4 * 4 * 9 + 4));
    assert.equal(model.flops, 3 * 2 * (4 * 8 * 8) * 4 * 9);
  });

  it("an explicit __getattr__ of a name that is not a submodule raises AttributeError", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(4, 4)",
      "        try:",
      "            self.__getattr__('missing')",
      "            self.extra = nn.Linear(4, 100)",
      "        except AttributeError:",
      "            pass",
      "    def forward(self, x):",
      "        return self.fc(x)",
    ].join("\n"), { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(model.params, 20);
  });

  it("replacing a submodule keeps its place among the children, as Module.__setattr__ does", async () => {
    // children()[:-1] must drop the head, not the replaced stem: with the stem dropped, 1 input channel meets a
    // 16-channel conv and the shapes fail.
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Backbone(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.stem = nn.Conv2d(3, 16, 3)",
      "        self.body = nn.Conv2d(16, 8, 1)",
      "        self.head = nn.Linear(8, 10)",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        b = Backbone()",
      "        b.stem = nn.Conv2d(1, 16, 3)",
      "        self.features = nn.Sequential(*list(b.children())[:-1])",
      "    def forward(self, x):",
      "        return self.features(x)",
    ].join("\n"), { entry: "Net()", inputs: [{ shape: [1, 1, 10, 10], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.deepEqual(model.layers.filter((l) => l.path.startsWith("features.")).map((l) => l.type), ["Conv2d", "Conv2d"]);
    assert.equal(model.params, 1 * 16 * 9 + 16 + 16 * 8 + 8);
    assert.equal(model.flops, 2 * (16 * 8 * 8) * 1 * 9 + 2 * (8 * 8 * 8) * 16);
  });

  it("torch.empty(size=...) and the legacy torch.Tensor(rows, cols) build parameters of that shape", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "class Graph(nn.Module):",
      "    def __init__(self, features, hidden):",
      "        super().__init__()",
      "        self.weight = nn.Parameter(torch.Tensor(features, hidden))",
      "        self.attention = nn.Parameter(torch.empty(size=(2, hidden, 1)))",
      "        self.bias = nn.Parameter(torch.FloatTensor(hidden))",
      "        self.register_buffer('ids', torch.LongTensor([1, 2, 3]))",
      "    def forward(self, x, adjacency):",
      "        h = torch.mm(x, self.weight)",
      "        return torch.spmm(adjacency, h) + self.bias",
    ].join("\n"), { entry: "Graph(12, 5)", inputs: [{ shape: [7, 12], dtype: "float32" }, { shape: [7, 7], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, 12 * 5 + 2 * 5 + 5);
    // x @ W: 2*7*12*5; adjacency @ h (a sparse product counted as its dense matmul): 2*7*7*5
    assert.equal(model.flops, 2 * 7 * 12 * 5 + 2 * 7 * 7 * 5);
    assert.deepEqual(model.output, [[7, 5]]);
  });

  it("accelerator flags of a CPU tensor are False, so multi-device branches are not taken", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.main = nn.Linear(6, 3)",
      "    def forward(self, x):",
      "        if x.is_cuda or x.is_xpu or x.is_mps:",
      "            return nn.parallel.data_parallel(self.main, x, range(2))",
      "        return self.main(x)",
    ].join("\n"), { inputs: [{ shape: [2, 6], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.flops, 2 * 2 * 6 * 3);
  });

  it("dict(locals()) in __init__ holds the arguments, so prefixed settings can be grouped from it", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "def strip_prefix(prefix, d):",
      "    return dict(map(lambda kv: (kv[0][len(prefix):], kv[1]), [(k, v) for k, v in d.items() if k.startswith(prefix)]))",
      "class Net(nn.Module):",
      "    def __init__(self, s1_dim=8, s1_kernel=3, s2_dim=16, s2_kernel=1, channels=3):",
      "        super().__init__()",
      "        kwargs = dict(locals())",
      "        layers, dim = [], channels",
      "        for prefix in ('s1_', 's2_'):",
      "            config = strip_prefix(prefix, kwargs)",
      "            layers.append(nn.Conv2d(dim, config['dim'], config['kernel'], padding=config['kernel'] // 2))",
      "            dim = config['dim']",
      "        self.layers = nn.Sequential(*layers)",
      "    def forward(self, x):",
      "        return self.layers(x)",
    ].join("\n"), { entry: "Net(s2_dim=4)", inputs: [{ shape: [1, 3, 6, 6], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, (3 * 8 * 9 + 8) + (8 * 4 + 4));
    assert.equal(model.flops, 2 * (8 * 36) * 3 * 9 + 2 * (4 * 36) * 8);
  });

  it("einops: '(...)' on the right multiplies the ellipsis dims; pack and unpack join and split along '*'", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "from einops import rearrange, pack, unpack",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.cls = nn.Parameter(torch.randn(1, 1, 6))",
      "        self.proj = nn.Linear(6, 6)",
      "    def forward(self, x):",
      "        x = rearrange(x, 'b ... d -> b (...) d')",
      "        cls = self.cls.expand(x.shape[0], -1, -1)",
      "        x, shapes = pack([cls, x], 'b * d')",
      "        x = self.proj(x)",
      "        cls, rest = unpack(x, shapes, 'b * d')",
      "        return cls, rest",
    ].join("\n"), { inputs: [{ shape: [2, 3, 4, 5, 6], dtype: "float32" }] });
    assert.equal(model.complete, true);
    // 3*4*5 = 60 tokens plus one class token, each through a 6x6 linear
    assert.equal(model.flops, 2 * (2 * 61) * 6 * 6);
    assert.deepEqual(model.output, [[2, 1, 6], [2, 60, 6]]);
  });

  it("torch.finfo gives the IEEE limits, and sdpa_kernel only picks a kernel", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "import torch.nn.functional as F",
      "from torch.nn.attention import SDPBackend, sdpa_kernel",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        # float16's largest finite value is 65504: the width below is 65504 // 8188 = 8",
      "        self.width = int(torch.finfo(torch.float16).max) // 8188",
      "        self.qkv = nn.Linear(self.width, 3 * self.width)",
      "    def forward(self, x):",
      "        q, k, v = self.qkv(x).unsqueeze(1).chunk(3, dim=-1)",
      "        mask = torch.eye(x.shape[1], dtype=torch.bool)",
      "        scores = (q @ k.transpose(-1, -2)).masked_fill(mask, -torch.finfo(q.dtype).max)",
      "        with sdpa_kernel([SDPBackend.MATH, SDPBackend.FLASH_ATTENTION]):",
      "            out = F.scaled_dot_product_attention(q, k, v)",
      "        return out, scores",
    ].join("\n"), { inputs: [{ shape: [1, 5, 8], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, 8 * 24 + 24);
    // qkv: 2*5*8*24; q @ k^T: 2*5*8*5; attention (two matmuls): 2 * 2*5*5*8
    assert.equal(model.flops, 2 * 5 * 8 * 24 + 2 * 5 * 8 * 5 + 2 * (2 * 5 * 5 * 8));
  });

  it("weight-init code iterating self._modules reaches every child", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.encoder = nn.Sequential(nn.Linear(4, 6), nn.ReLU())",
      "        self.decoder = nn.Sequential(nn.Linear(6, 4))",
      "        self.names = []",
      "        for block in self._modules:",
      "            for m in self._modules[block]:",
      "                self.names.append(type(m).__name__)",
      "        self.extra = nn.Linear(len(self.names), 1)",
      "    def forward(self, x):",
      "        return self.decoder(self.encoder(x))",
    ].join("\n"), { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(model.complete, true);
    // three modules inside the two blocks, so extra is Linear(3, 1)
    assert.equal(model.params, (4 * 6 + 6) + (6 * 4 + 4) + (3 + 1));
  });

  it("torch.distributions: shapes of samples, log-probabilities and KL terms follow batch and event shapes", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "from torch.distributions import Normal, Gamma, kl_divergence",
      "class Vae(nn.Module):",
      "    def __init__(self, latent=3, classes=5):",
      "        super().__init__()",
      "        self.prior = torch.distributions.OneHotCategorical(torch.ones((classes, 1)) / classes)",
      "        self.mu = nn.Linear(8, latent)",
      "        self.out = nn.Linear(latent + self.prior.sample().shape[-1], 8)",
      "    def forward(self, x):",
      "        mu = self.mu(x)",
      "        q = Normal(mu, torch.ones_like(mu))",
      "        z = q.rsample()",
      "        g = Gamma(mu.exp() + 1.0, 1.0).sample((2,))",
      "        kl = kl_divergence(q, Normal(0.0, 1.0))",
      "        cat = torch.distributions.Categorical(logits=torch.zeros(4, 7)).sample()",
      "        return self.out(torch.cat([z, torch.zeros(x.shape[0], 1)], dim=1)), g, kl, q.log_prob(z), cat",
    ].join("\n"), { inputs: [{ shape: [4, 8], dtype: "float32" }] });
    assert.equal(model.complete, true);
    // OneHotCategorical over a (5, 1) table: batch (5,), event (1,), so a sample is (5, 1) and out is Linear(3 + 1, 8)
    assert.equal(model.params, (8 * 3 + 3) + (4 * 8 + 8));
    assert.deepEqual(model.output, [[4, 8], [2, 4, 3], [4, 3], [4, 3], [4]]);
    assert.equal(model.flops, 2 * 4 * 8 * 3 + 2 * 4 * 4 * 8);
  });

  it("torch.jit.ScriptModule subclasses with script_method forwards build like nn.Module", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "from torch.distributions.bernoulli import Bernoulli",
      "class Block(torch.jit.ScriptModule):",
      "    def __init__(self, channels, p):",
      "        super().__init__()",
      "        self.p = p",
      "        self.gate = Bernoulli(torch.tensor([p]))",
      "        self.conv = nn.Conv2d(channels, channels, 3, padding=1)",
      "    @torch.jit.script_method",
      "    def forward(self, x):",
      "        return self.conv(x) * self.gate.sample().shape[0] + x",
    ].join("\n"), { entry: "Block(2, 0.5)", inputs: [{ shape: [1, 2, 4, 4], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, 2 * 2 * 9 + 2);
    assert.equal(model.flops, 2 * (2 * 16) * 2 * 9);
  });

  it("numpy constant tables (sinusoid position encodings) become buffers of their shape", async () => {
    const model = await onlyModel([
      "import numpy as np",
      "import torch",
      "import torch.nn as nn",
      "class Positions(nn.Module):",
      "    def __init__(self, dim, length=10):",
      "        super().__init__()",
      "        def angles(pos):",
      "            return [pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)]",
      "        table = np.array([angles(p) for p in range(length)])",
      "        table[:, 0::2] = np.sin(table[:, 0::2])",
      "        table[:, 1::2] = np.cos(table[:, 1::2])",
      "        self.register_buffer('table', torch.FloatTensor(table).unsqueeze(0))",
      "        self.proj = nn.Linear(dim, dim)",
      "    def forward(self, x):",
      "        return self.proj(x + self.table[:, :x.size(1)])",
    ].join("\n"), { entry: "Positions(6)", inputs: [{ shape: [2, 4, 6], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, 6 * 6 + 6);
    assert.equal(model.buffers, 10 * 6);
    assert.equal(model.flops, 2 * (2 * 4) * 6 * 6);
  });

  it("a float layer size raises PyTorch's TypeError, whatever its value, while int() of it builds", async () => {
    const source = (width: string) => [
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self, planes=200):",
      "        super().__init__()",
      `        self.conv = nn.Conv2d(3, ${width}, 1)`,
      "    def forward(self, x):",
      "        return self.conv(x)",
    ].join("\n");
    await assert.rejects(
      analyze(source("planes / 4"), { entry: "Net()", inputs: [{ shape: [1, 3, 4, 4], dtype: "float32" }] }),
      /Conv2d\(out_channels=50\.0\).*must be tuple of ints.*in Python 3 `\/` gives a float.*`\/\/` or int\(\)/,
    );
    const built = await onlyModel(source("int(planes / 4)"), { entry: "Net()", inputs: [{ shape: [1, 3, 4, 4], dtype: "float32" }] });
    assert.equal(built.params, 3 * 50 + 50);
  });

  it("old-style sampling: Variable(FloatTensor(np.random.normal(0, 1, size))) is a tensor of that size", async () => {
    const model = await onlyModel([
      "import numpy as np",
      "import torch",
      "import torch.nn as nn",
      "from torch.autograd import Variable",
      "Tensor = torch.cuda.FloatTensor if torch.cuda.is_available() else torch.FloatTensor",
      "class Encoder(nn.Module):",
      "    def __init__(self, latent=4):",
      "        super().__init__()",
      "        self.latent = latent",
      "        self.mu = nn.Linear(10, latent)",
      "        self.decode = nn.Linear(latent, 10)",
      "    def forward(self, x):",
      "        mu = self.mu(x)",
      "        noise = Variable(Tensor(np.random.normal(0, 1, (mu.size(0), self.latent))))",
      "        return self.decode(noise + mu)",
    ].join("\n"), { inputs: [{ shape: [3, 10], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.flops, 2 * 3 * 10 * 4 + 2 * 3 * 4 * 10);
    assert.deepEqual(model.output, [[3, 10]]);
  });

  it("state_dict() lists parameters and buffers by dotted name, as init loops over it expect", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "from torch.nn import init",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.conv = nn.Conv2d(2, 4, 3)",
      "        self.bn = nn.BatchNorm2d(4)",
      "        self.keys = []",
      "        for key in self.state_dict():",
      "            if key.split('.')[-1] == 'weight' and 'conv' in key:",
      "                init.kaiming_normal_(self.state_dict()[key], mode='fan_out')",
      "            if 'bn' in key and key.endswith('weight'):",
      "                self.state_dict()[key][...] = 1",
      "            self.keys.append(key)",
      "        self.head = nn.Linear(4, len(self.keys))",
      "    def forward(self, x):",
      "        return self.head(self.bn(self.conv(x)).mean((2, 3)))",
    ].join("\n"), { inputs: [{ shape: [1, 2, 5, 5], dtype: "float32" }] });
    assert.equal(model.complete, true);
    // conv.weight, conv.bias, bn.weight, bn.bias, bn.running_mean, bn.running_var, bn.num_batches_tracked: 7 keys
    assert.equal(model.params, (2 * 4 * 9 + 4) + (4 + 4) + (4 * 7 + 7));
  });

  it("timm's layer helpers resolve without timm in the workspace: DropPath, to_2tuple, Mlp, PatchEmbed, register_model", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "from timm.models.layers import DropPath, Mlp, PatchEmbed, to_2tuple, trunc_normal_",
      "from timm.models.registry import register_model",
      "class Tiny(nn.Module):",
      "    def __init__(self, img_size=16, patch=4, dim=8, drop_path=0.1):",
      "        super().__init__()",
      "        self.embed = PatchEmbed(img_size, patch, 3, dim)",
      "        self.mlp = Mlp(dim, hidden_features=2 * dim)",
      "        self.drop_path = DropPath(drop_path) if drop_path > 0. else nn.Identity()",
      "        self.head = nn.Linear(dim * self.embed.num_patches, to_2tuple(5)[1])",
      "        trunc_normal_(self.head.weight, std=.02)",
      "    def forward(self, x):",
      "        x = self.embed(x)",
      "        x = x + self.drop_path(self.mlp(x))",
      "        return self.head(x.flatten(1))",
      "@register_model",
      "def tiny(**kwargs):",
      "    return Tiny(**kwargs)",
    ].join("\n"), { entry: "tiny()", inputs: [{ shape: [2, 3, 16, 16], dtype: "float32" }] });
    assert.equal(model.complete, true);
    // 16 patches of 4x4x3 into 8 channels; Mlp 8 -> 16 -> 8 per token; head 128 -> 5
    assert.equal(model.params, (8 * 3 * 16 + 8) + (8 * 16 + 16) + (16 * 8 + 8) + (128 * 5 + 5));
    assert.equal(model.flops, 2 * (2 * 8 * 16) * 3 * 16 + 2 * (2 * 16) * 8 * 16 * 2 + 2 * 2 * 128 * 5);
    assert.deepEqual(model.output, [[2, 5]]);
  });

  it("slice() builds the slice objects that window-mask loops index with", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        mask = torch.zeros(1, 8, 8, 1)",
      "        regions = (slice(0, -4), slice(-4, -2), slice(-2, None))",
      "        for h in regions:",
      "            for w in regions:",
      "                mask[:, h, w, :] = 1",
      "        self.register_buffer('mask', mask[:, slice(2), slice(None, None, 2)])",
      "        self.fc = nn.Linear(4, 4)",
      "    def forward(self, x):",
      "        return self.fc(x)",
    ].join("\n"), { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.buffers, 1 * 2 * 4 * 1);
  });

  it("timm's _cfg, data constants and helper submodules resolve as model files import them", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "from timm.data import IMAGENET_DEFAULT_MEAN",
      "from timm.models.layers.helpers import to_2tuple",
      "from timm.models.vision_transformer import _cfg",
      "default_cfgs = {'tiny': _cfg(crop_pct=0.95, num_classes=7)}",
      "class Net(nn.Module):",
      "    def __init__(self, cfg=default_cfgs['tiny']):",
      "        super().__init__()",
      "        k = to_2tuple(cfg['input_size'][0])",
      "        self.conv = nn.Conv2d(len(IMAGENET_DEFAULT_MEAN), cfg['num_classes'], k)",
      "    def forward(self, x):",
      "        return self.conv(x)",
    ].join("\n"), { inputs: [{ shape: [1, 3, 5, 5], dtype: "float32" }] });
    assert.equal(model.complete, true);
    // _cfg's input_size is (3, 224, 224): a 3x3 kernel from 3 mean channels to the 7 classes given
    assert.equal(model.params, 3 * 7 * 9 + 7);
    assert.deepEqual(model.output, [[1, 7, 3, 3]]);
  });

  it("packed sequences: an LSTM reads pack_padded_sequence's data time-major whatever its batch_first", async () => {
    const model = await onlyModel([
      "import torch",
      "import torch.nn as nn",
      "from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence",
      "class Tagger(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.embed = nn.Embedding.from_pretrained(torch.zeros(50, 6))",
      "        self.rnn = nn.GRU(6, 4, batch_first=True)",
      "    def forward(self, x):",
      "        lengths = torch.full((x.shape[0],), x.shape[1])",
      "        packed = pack_padded_sequence(self.embed(x), lengths, batch_first=True, enforce_sorted=False)",
      "        out, h = self.rnn(packed)",
      "        out, lens = pad_packed_sequence(out, batch_first=True)",
      "        return out, h, lens",
    ].join("\n"), { inputs: [{ shape: [3, 9], dtype: "int64" }] });
    assert.equal(model.complete, true);
    assert.deepEqual(model.output, [[3, 9, 4], [1, 3, 4], [3]]);
    // from_pretrained freezes the table by default: 300 of the parameters do not train
    assert.equal(model.params, 50 * 6 + 3 * 4 * (6 + 4) + 2 * 3 * 4);
    assert.equal(model.trainableParams, 3 * 4 * (6 + 4) + 2 * 3 * 4);
    // GRU, counted as its matmuls over every step at full length: 2*T*B*3*H*(I+H)
    assert.equal(model.flops, 2 * 9 * 3 * 3 * 4 * (6 + 4));
  });

  it("nn.Transformer.generate_square_subsequent_mask gives the (sz, sz) float mask", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Decoder(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.attn = nn.MultiheadAttention(8, 2, batch_first=True)",
      "    def forward(self, x):",
      "        mask = nn.Transformer.generate_square_subsequent_mask(x.shape[1])",
      "        return self.attn(x, x, x, attn_mask=mask, need_weights=False)[0], mask",
    ].join("\n"), { inputs: [{ shape: [1, 5, 8], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.deepEqual(model.output, [[1, 5, 8], [5, 5]]);
  });

  it("argparse.Namespace(**values) holds its values, and set_defaults overrides the arguments' defaults", async () => {
    const model = await onlyModel([
      "import argparse",
      "import torch.nn as nn",
      "parser = argparse.ArgumentParser()",
      "parser.set_defaults(width=7)",
      "parser.add_argument('--width', type=int, default=3)",
      "parser.add_argument('--depth', type=int, default=2)",
      "args = parser.parse_args()",
      "class Net(nn.Module):",
      "    def __init__(self, cfg):",
      "        super().__init__()",
      "        self.layers = nn.Sequential(*[nn.Linear(cfg.width, cfg.width) for _ in range(cfg.depth)])",
      "    def forward(self, x):",
      "        return self.layers(x)",
    ].join("\n"), { entry: "Net(argparse.Namespace(width=args.width, depth=args.depth + 1))", inputs: [{ shape: [1, 7], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, 3 * (7 * 7 + 7));
  });

  it("obj.__class__.__name__ picks modules out of a walk; AdaIN weights assigned in forward reach the norm", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class AdaIN(nn.Module):",
      "    def __init__(self, n):",
      "        super().__init__()",
      "        self.num_features = n",
      "        self.weight = None",
      "        self.bias = None",
      "    def forward(self, x):",
      "        return x * self.weight.view(1, -1, 1, 1) + self.bias.view(1, -1, 1, 1)",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.model = nn.Sequential(nn.Conv2d(4, 4, 3, padding=1), AdaIN(4))",
      "        count = sum(2 * m.num_features for m in self.modules() if m.__class__.__name__ == 'AdaIN')",
      "        self.mlp = nn.Linear(2, count)",
      "    def forward(self, x, style):",
      "        p = self.mlp(style)",
      "        for m in self.modules():",
      "            if m.__class__.__name__ == 'AdaIN':",
      "                m.bias = p[:, :m.num_features].contiguous().view(-1)",
      "                m.weight = p[:, m.num_features:2 * m.num_features].contiguous().view(-1)",
      "        return self.model(x)",
    ].join("\n"), { entry: "Net()", inputs: [{ shape: [1, 4, 5, 5], dtype: "float32" }, { shape: [1, 2], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, (4 * 4 * 9 + 4) + (2 * 8 + 8));
    assert.equal(model.flops, 2 * (4 * 25) * 4 * 9 + 2 * 2 * 8);
  });

  it("a plain tensor assigned over a registered parameter raises PyTorch's TypeError, not an internal error", async () => {
    await assert.rejects(
      analyze([
        "import torch",
        "import torch.nn as nn",
        "class Net(nn.Module):",
        "    def __init__(self):",
        "        super().__init__()",
        "        self.conv = nn.Conv2d(2, 2, 1)",
        "        self.conv.weight = torch.zeros(2, 2, 1, 1)",
        "    def forward(self, x):",
        "        return self.conv(x)",
      ].join("\n"), { entry: "Net()", inputs: [{ shape: [1, 2, 3, 3], dtype: "float32" }] }),
      /cannot assign 'torch.FloatTensor' as parameter 'weight'/,
    );
    const cleared = await analyze([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.conv = nn.Conv2d(2, 2, 1)",
      "        self.conv.weight = None",
      "    def forward(self, x):",
      "        return self.conv(x)",
    ].join("\n"), { entry: "Net()", inputs: [{ shape: [1, 2, 3, 3], dtype: "float32" }] });
    assert.equal(cleared.models[0].complete, false);
    assert.match(JSON.stringify(cleared.models[0].unresolved), /weight is None/);
  });
});
