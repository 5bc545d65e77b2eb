import { strict as assert } from "node:assert";
import { analyze, onlyModel } from "../../helpers/analyze";

// Small patterns from real model code that the interpreter must evaluate exactly; numbers worked out by hand.
describe("real-world interpreter details", function () {
  this.timeout(20_000);

  it("names submodules with %-formatting and str.format, as Python writes them", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        for i in range(2):",
      "            self.add_module('layer%d' % (i + 1), nn.Linear(4, 4))",
      "            self.add_module('block{}_{:02d}'.format(i, i + 7), nn.Identity())",
      "        self.add_module('%s-%03d|%5.2f' % ('x', 7, 1.5), nn.Identity())",
      "    def forward(self, x):",
      "        return self.layer2(self.layer1(x))",
    ].join("\n"));
    assert.deepEqual(model.layers.map((l) => l.path), ["", "layer1", "block0_07", "layer2", "block1_08", "x-007| 1.50"]);
    assert.equal(model.params, 2 * (16 + 4));
  });

  it("names submodules with f-strings, nested format specs and conversions included", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        w = 6",
      "        for i in range(2):",
      "            self.add_module(f'layer{i + 1}', nn.Linear(4, 4))",
      "        self.add_module(f\"x{w:03d}_{'{'}{{z}}\" '_p{q}' rf'\\d{w!r:>{w}}', nn.Identity())",
      "    def forward(self, x):",
      "        return self.layer2(self.layer1(x))",
    ].join("\n"));
    // Python 3.11 prints the last name as x006_{{z}_p{q}\d     6
    assert.deepEqual(model.layers.map((l) => l.path), ["", "layer1", "layer2", "x006_{{z}_p{q}\\d     6"]);
  });

  it("isinstance with functools.partial, type, types.FunctionType and collections.abc classes", async () => {
    const model = await onlyModel([
      "import collections.abc, functools, types",
      "import torch.nn as nn",
      "def to_pair(x):",
      "    return tuple(x) if isinstance(x, collections.abc.Iterable) and not isinstance(x, str) else (x, x)",
      "def unwrap(layer):",
      "    kwargs = {}",
      "    if isinstance(layer, functools.partial):",
      "        kwargs.update(layer.keywords)",
      "        layer = layer.func",
      "    assert isinstance(layer, (type, types.FunctionType))",
      "    return functools.partial(layer, **kwargs) if kwargs else layer",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        k = to_pair(3) + to_pair([1, 2])",
      "        self.conv = nn.Conv2d(2, 4, k[:2], padding=k[2])",
      "        self.norm = unwrap(functools.partial(nn.BatchNorm2d, eps=1e-3))(4)",
      "        self.flag = nn.Linear(1 + isinstance(nn.BatchNorm2d, type) + isinstance(len, types.FunctionType), 1)",
      "    def forward(self, x):",
      "        return self.norm(self.conv(x))",
    ].join("\n"), { inputs: [{ shape: [1, 2, 5, 5], dtype: "float32" }] });
    // conv 2*4*9+4 = 76; norm 8; flag: Linear(2, 1) = 3 (a class is a type; a builtin is not a FunctionType)
    assert.equal(model.params, 76 + 8 + 3);
    assert.deepEqual(model.output, [[1, 4, 5, 5]]);
  });

  it("runs generators eagerly: yield, yield from, and an endless generator cut at its limit", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "def blocks(n, width):",
      "    for i in range(n):",
      "        yield nn.Linear(width, width)",
      "    yield from [nn.ReLU()]",
      "def count():",
      "    i = 0",
      "    while True:",
      "        yield i",
      "        i += 1",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.body = nn.Sequential(*blocks(3, 4))",
      "        self.extra = nn.Linear(4, next(iter(count())) + 2)",
      "    def forward(self, x):",
      "        return self.extra(self.body(x))",
    ].join("\n"), { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    // three Linear(4, 4) = 60, Linear(4, 2) = 10; FLOPs 3 * 2*4*4 + 2*4*2
    assert.equal(model.params, 70);
    assert.equal(model.flops, 112);
    assert.deepEqual(model.layers.map((l) => l.path).slice(0, 6), ["", "body", "body.0", "body.1", "body.2", "body.3"]);
  });

  it("re.split / re.match / re.sub decode block strings as Python does", async () => {
    const model = await onlyModel([
      "import re",
      "import torch.nn as nn",
      "def decode(block):",
      "    opts = {}",
      "    for op in block.split('_')[1:]:",
      "        key, value = re.split(r'(\\d.*)', op)[:2]",
      "        opts[key] = value",
      "    m = re.match(r'(?P<kind>[a-z]+)_r(\\d)', block)",
      "    return int(opts['r']), int(opts['c']), m.group(1), re.sub(r'_c\\d+', '', block)",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        repeats, chs, kind, rest = decode('ir_r2_k3_c24')",
      "        assert kind == 'ir' and rest == 'ir_r2_k3'",
      "        self.layers = nn.Sequential(*[nn.Linear(chs, chs) for _ in range(repeats + (kind == 'ir') + (rest == 'ir_r2_k3'))])",
      "    def forward(self, x):",
      "        return self.layers(x)",
    ].join("\n"), { inputs: [{ shape: [1, 24], dtype: "float32" }] });
    assert.equal(model.params, 4 * (24 * 24 + 24));
  });

  it("einops: Rearrange/Reduce layers, rearrange/repeat/reduce/einsum functions on shapes", async () => {
    const model = await onlyModel([
      "import torch, torch.nn as nn",
      "from einops import rearrange, repeat, reduce, einsum",
      "from einops.layers.torch import Rearrange, Reduce",
      "class Net(nn.Module):",
      "    def __init__(self, dim=32, p=4):",
      "        super().__init__()",
      "        self.to_patches = nn.Sequential(Rearrange('b c (h p1) (w p2) -> b (h w) (p1 p2 c)', p1=p, p2=p), nn.Linear(p * p * 3, dim))",
      "        self.cls = nn.Parameter(torch.zeros(1, 1, dim))",
      "        self.pool = Reduce('b n d -> b d', 'mean')",
      "        self.head = nn.Linear(dim, 10)",
      "    def forward(self, img):",
      "        x = self.to_patches(img)",
      "        cls = repeat(self.cls, '1 1 d -> b 1 d', b=x.shape[0])",
      "        x = torch.cat((cls, x), dim=1)",
      "        q = rearrange(x, 'b n (h d) -> b h n d', h=4)",
      "        att = einsum(q, q, 'b h i d, b h j d -> b h i j')",
      "        y = rearrange(att @ q, 'b h n d -> b n (h d)')",
      "        return self.head(self.pool(y)) + reduce(y, 'b n d -> b 1', 'max').mean()",
    ].join("\n"), { inputs: [{ shape: [2, 3, 16, 16], dtype: "float32" }] });
    assert.deepEqual(model.unresolved, []);
    assert.equal(model.params, (48 * 32 + 32) + 32 + (32 * 10 + 10));
    // patches: 2x16 tokens x 48 -> 32; two attention matmuls over 17 tokens, 4 heads of 8; head 2 x 32 -> 10
    assert.equal(model.flops, 2 * 2 * 16 * 48 * 32 + 2 * (2 * 2 * 4 * 17 * 17 * 8) + 2 * 2 * 32 * 10);
    assert.deepEqual(model.output, [[2, 10]]);
    assert.ok(model.layers.some((l) => l.path === "to_patches.0" && l.type === "Rearrange"));
  });

  it("`*x.shape, extra` unpacks the shape (the star binds to the whole expression)", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.heads = 3",
      "        self.fc = nn.Linear(4, 4)",
      "    def forward(self, x):",
      "        b, n, _, h = *x.shape, self.heads",
      "        return self.fc(x).view(b, n, h, -1) if False else self.fc(x.view(b * n, 4))",
    ].join("\n"), { inputs: [{ shape: [2, 5, 4], dtype: "float32" }] });
    assert.deepEqual(model.output, [[10, 4]]);
  });

  it("a model that fails to build says why and where, instead of vanishing", async () => {
    const result = await analyze([
      "import torch.nn as nn",
      "CONFIG = {'a': 1}",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(CONFIG['b'], 2)",
      "class Block(nn.Module):",
      "    def __init__(self, dim):",
      "        super().__init__()",
      "        self.fc = nn.Linear(dim, dim)",
    ].join("\n"));
    // the class that needs an argument is listed with what it needs, not as a failure; the broken model is a failure, with its line
    assert.deepEqual(result.models.map((m) => [m.name, m.needs?.required]), [["Block", ["dim"]]]);
    assert.deepEqual(result.notes, ["Net (line 3) could not be built: KeyError: 'b' (at /project/main.py:6)"]);
  });

  it("namedtuple configs: _replace, _asdict, _fields, indexing and unpacking", async () => {
    const model = await onlyModel([
      "import collections",
      "import torch.nn as nn",
      "BlockArgs = collections.namedtuple('BlockArgs', ['in_ch', 'out_ch', 'repeats'])",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        args = BlockArgs(in_ch=4, out_ch=8, repeats=1)",
      "        wide = args._replace(out_ch=args.out_ch * 2, repeats=2)",
      "        a, b, n = wide",
      "        assert wide._fields == ('in_ch', 'out_ch', 'repeats') and wide._asdict()['repeats'] == 2",
      "        self.layers = nn.Sequential(*[nn.Linear(a if i == 0 else b, wide[1]) for i in range(n)])",
      "    def forward(self, x):",
      "        return self.layers(x)",
    ].join("\n"), { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(model.params, (4 * 16 + 16) + (16 * 16 + 16));
  });

  it("a config object filled through self.__dict__.update and read back with __dict__.items()", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class CfgNode:",
      "    def __init__(self, **kwargs):",
      "        self.__dict__.update(kwargs)",
      "    def to_dict(self):",
      "        return {k: v for k, v in self.__dict__.items()}",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        c = CfgNode(n_embd=6, vocab=11)",
      "        c.n_layer = 2",
      "        d = c.to_dict()",
      "        self.emb = nn.Embedding(d['vocab'], c.n_embd)",
      "        self.blocks = nn.ModuleList([nn.Linear(c.n_embd, c.n_embd) for _ in range(len(d) - 1)])",
      "    def forward(self, idx):",
      "        return self.emb(idx)",
    ].join("\n"), { inputs: [{ shape: [1, 3], dtype: "int64" }] });
    assert.equal(model.params, 11 * 6 + 2 * (36 + 6));
  });

  it("a custom torch.autograd.Function runs its static forward through apply", async () => {
    const model = await onlyModel([
      "import torch, torch.nn as nn",
      "class Swish(torch.autograd.Function):",
      "    @staticmethod",
      "    def forward(ctx, i):",
      "        ctx.save_for_backward(i)",
      "        return i * torch.sigmoid(i)",
      "    @staticmethod",
      "    def backward(ctx, g):",
      "        return g",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(4, 3)",
      "    def forward(self, x):",
      "        return Swish.apply(self.fc(x))",
    ].join("\n"), { inputs: [{ shape: [2, 4], dtype: "float32" }] });
    assert.deepEqual(model.unresolved, []);
    assert.deepEqual(model.output, [[2, 3]]);
    assert.equal(model.flops, 2 * 2 * 4 * 3);
  });

  it("LLaMA-style rotary code: torch.polar, view_as_complex, view_as_real", async () => {
    const model = await onlyModel([
      "import torch, torch.nn as nn",
      "def freqs(dim, end, theta=10000.0):",
      "    f = 1.0 / (theta ** (torch.arange(0, dim, 2)[: (dim // 2)].float() / dim))",
      "    f = torch.outer(torch.arange(end), f).float()",
      "    return torch.polar(torch.ones_like(f), f)",
      "def rotate(x, freqs_cis):",
      "    x_ = torch.view_as_complex(x.float().reshape(*x.shape[:-1], -1, 2))",
      "    freqs_cis = freqs_cis.view(1, x_.shape[1], 1, x_.shape[-1])",
      "    return torch.view_as_real(x_ * freqs_cis).flatten(3).type_as(x)",
      "class Attn(nn.Module):",
      "    def __init__(self, dim=64, heads=4, max_len=32):",
      "        super().__init__()",
      "        self.heads = heads",
      "        self.wq = nn.Linear(dim, dim, bias=False)",
      "        self.freqs_cis = freqs(dim // heads, max_len)",
      "    def forward(self, x):",
      "        b, t, _ = x.shape",
      "        q = rotate(self.wq(x).view(b, t, self.heads, -1), self.freqs_cis[:t])",
      "        return q",
      "",
    ].join("\n"), { inputs: [{ shape: [2, 8, 64], dtype: "float32" }] });
    assert.deepEqual(model.unresolved, []);
    assert.deepEqual(model.output, [[2, 8, 4, 16]]);
    assert.equal(model.flops, 2 * 16 * 64 * 64);
  });

  it("F.multi_head_attention_forward with separate projection weights (CLIP's attention pool)", async () => {
    const model = await onlyModel([
      "import torch, torch.nn as nn, torch.nn.functional as F",
      "class Pool(nn.Module):",
      "    def __init__(self, e=16, heads=4, out=8):",
      "        super().__init__()",
      "        self.heads = heads",
      "        self.q = nn.Linear(e, e)",
      "        self.k = nn.Linear(e, e)",
      "        self.v = nn.Linear(e, e)",
      "        self.c = nn.Linear(e, out)",
      "    def forward(self, x):",
      "        x = x.flatten(2).permute(2, 0, 1)",
      "        x = torch.cat([x.mean(dim=0, keepdim=True), x], dim=0)",
      "        y, _ = F.multi_head_attention_forward(query=x[:1], key=x, value=x, embed_dim_to_check=x.shape[-1],",
      "            num_heads=self.heads, q_proj_weight=self.q.weight, k_proj_weight=self.k.weight, v_proj_weight=self.v.weight,",
      "            in_proj_weight=None, in_proj_bias=torch.cat([self.q.bias, self.k.bias, self.v.bias]), bias_k=None, bias_v=None,",
      "            add_zero_attn=False, dropout_p=0, out_proj_weight=self.c.weight, out_proj_bias=self.c.bias,",
      "            use_separate_proj_weight=True, training=self.training, need_weights=False)",
      "        return y.squeeze(0)",
    ].join("\n"), { inputs: [{ shape: [2, 16, 3, 3], dtype: "float32" }] });
    assert.deepEqual(model.unresolved, []);
    assert.deepEqual(model.output, [[2, 8]]);
    // L=1 query, S=10 keys, batch 2: q 2*2*16*16, k and v 2 * 2*20*16*16, attention 4*2*4*1*10*4, out 2*2*16*8
    assert.equal(model.flops, 2 * 2 * 16 * 16 + 2 * (2 * 20 * 16 * 16) + 4 * 2 * 4 * 1 * 10 * 4 + 2 * 2 * 16 * 8);
  });

  it("math.comb / perm / factorial size layers exactly", async () => {
    const model = await onlyModel([
      "import math, torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(math.comb(5, 2) + math.perm(4, 2) + math.factorial(3), 1)",
      "    def forward(self, x):",
      "        return self.fc(x)",
    ].join("\n"), { inputs: [{ shape: [1, 28], dtype: "float32" }] });
    // 10 + 12 + 6 = 28 inputs
    assert.equal(model.params, 29);
  });

  it("drop-path rates from torch.linspace are known: item(), tolist() of split parts, iteration", async () => {
    const model = await onlyModel([
      "import torch, torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self, depths=(2, 3), rate=0.0):",
      "        super().__init__()",
      "        dpr = [x.item() for x in torch.linspace(0, rate, sum(depths))]",
      "        per_stage = [x.tolist() for x in torch.linspace(0, 0.3, sum(depths)).split(depths)]",
      "        steps = torch.arange(0, 10, 3).tolist()",
      "        self.a = nn.ModuleList([nn.Dropout(p) if p > 0 else nn.Identity() for p in dpr])",
      "        self.b = nn.ModuleList([nn.Linear(4, 4) if p > 0 else nn.Identity() for p in per_stage[1]])",
      "        self.c = nn.Linear(4, sum(steps))",
      "    def forward(self, x):",
      "        return self.c(x)",
    ].join("\n"), { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.deepEqual(model.unresolved, []);
    assert.ok(model.layers.filter((l) => l.path.startsWith("a.")).every((l) => l.type === "Identity"));
    // the second stage's rates (0.15, 0.225, 0.3) are all positive: three Linear(4, 4); arange(0, 10, 3) sums to 18
    assert.equal(model.params, 3 * 20 + (4 * 18 + 18));
  });

  it("partial of a partial flattens, functions hash in sets, numbers.Integral", async () => {
    const model = await onlyModel([
      "import functools, numbers, torch.nn as nn",
      "def make_norm(c, eps=1e-5, affine=True):",
      "    return nn.GroupNorm(2, c, eps=eps, affine=affine)",
      "NEEDS_ACT = {make_norm}",
      "layer = functools.partial(functools.partial(make_norm, eps=1e-3), affine=False)",
      "class Net(nn.Module):",
      "    def __init__(self, c=4):",
      "        super().__init__()",
      "        assert layer.func is make_norm and layer.keywords == {'eps': 1e-3, 'affine': False}",
      "        self.norm = layer(c) if layer.func in NEEDS_ACT else nn.Identity()",
      "        self.fc = nn.Linear(c, 2 if isinstance(c, numbers.Integral) and not isinstance(1.5, numbers.Integral) else 1)",
      "    def forward(self, x):",
      "        return self.fc(x)",
    ].join("\n"), { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    // GroupNorm without affine has no parameters; Linear(4, 2) has 10
    assert.ok(model.layers.some((l) => l.path === "norm" && l.type === "GroupNorm"));
    assert.equal(model.params, 10);
  });

  it("torch.nn.init._calculate_fan_in_and_fan_out from the weight's shape (init code that sizes nothing stays exact)", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.conv = nn.Conv2d(3, 8, 5)",
      "        fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(self.conv.weight)",
      "        self.fc = nn.Linear(fan_in, fan_out)",
      "    def forward(self, x):",
      "        return self.conv(x)",
    ].join("\n"), { inputs: [{ shape: [1, 3, 9, 9], dtype: "float32" }] });
    // fan_in 3*25 = 75, fan_out 8*25 = 200
    assert.equal(model.params, (3 * 8 * 25 + 8) + (75 * 200 + 200));
  });

  it("a %-format of an unknown value stays unknown instead of guessing", async () => {
    const result = await analyze([
      "import torch.nn as nn, sys",
      "NAME = 'w%d' % sys.maxsize_unknown",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(2, 2)",
      "    def forward(self, x):",
      "        return self.fc(x)",
    ].join("\n"), { inputs: [{ shape: [1, 2], dtype: "float32" }] });
    assert.equal(result.models[0].params, 6);
  });

  it("reads catalogue layers' constructor arguments as PyTorch stores them", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.conv = nn.Conv2d(3, 8, 5, stride=2)",
      "        k, _ = self.conv.kernel_size",
      "        s = self.conv.stride[1]",
      "        self.fc = nn.Linear(self.conv.out_channels * k * s, 3)",
      "        self.norm = nn.LayerNorm(6)",
      "        self.fc2 = nn.Linear(self.norm.normalized_shape[0], self.fc.out_features)",
      "    def forward(self, x):",
      "        return x",
    ].join("\n"), { inputs: [{ shape: [1, 3, 8, 8], dtype: "float32" }] });
    // conv 3*8*25+8 = 608; fc (8*5*2=80 in) 80*3+3 = 243; norm 12; fc2 6*3+3 = 21
    assert.equal(model.params, 608 + 243 + 12 + 21);
  });

  it("a subclass of a catalogue layer overrides forward and reads its configuration", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "import torch.nn.functional as F",
      "class LayerNorm2d(nn.LayerNorm):",
      "    def forward(self, x):",
      "        x = x.permute(0, 2, 3, 1)",
      "        x = F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)",
      "        return x.permute(0, 3, 1, 2)",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.norm = LayerNorm2d(16, eps=1e-6)",
      "        self.conv = nn.Conv2d(16, 4, 1)",
      "    def forward(self, x):",
      "        return self.conv(self.norm(x))",
    ].join("\n"), { inputs: [{ shape: [1, 16, 5, 5], dtype: "float32" }] });
    assert.deepEqual(model.unresolved, []);
    assert.equal(model.params, 32 + 16 * 4 + 4);
    assert.equal(model.flops, 2 * 16 * 4 * 25);
    assert.deepEqual(model.output, [[1, 4, 5, 5]]);
  });
});
