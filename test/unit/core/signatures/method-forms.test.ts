import assert from "node:assert/strict";
import { publishedOverloads, signatureSource } from "../../../../src/core/signatures/published";
import { onlyModel } from "../../helpers/analyze";

// Methods of nn.Module and of Python's own types bind by their published signatures (torch's module.py and
// container.py, typeshed's builtins.pyi with the methods inherited from typing's ABCs). The fixtures below were run
// with PyTorch 1.13 (Python 3.11): the figures asserted are what PyTorch printed.
describe("published method signatures (nn.Module, str, dict, list, set)", () => {
  it("come from the libraries' own files, inherited methods included", () => {
    assert.deepEqual(publishedOverloads("torch.nn.Module.register_buffer"), [["name", "tensor", "persistent=True"]]);
    assert.deepEqual(publishedOverloads("torch.nn.Module.named_parameters"), [["prefix=''", "recurse=True"]]);
    assert.deepEqual(publishedOverloads("torch.nn.ModuleList.insert"), [["index", "module"]]);
    assert.deepEqual(publishedOverloads("builtins.str.split"), [["sep=None", "maxsplit=-1"]]);
    // dict.setdefault and dict.update are MutableMapping's in typeshed, list.clear MutableSequence's
    assert.match(signatureSource("builtins.dict.setdefault") ?? "", /typing\.pyi$/);
    assert.ok(publishedOverloads("builtins.dict.update")?.some((o) => o.includes("**kwargs")));
    assert.ok(publishedOverloads("builtins.list.clear"));
    assert.match(signatureSource("torch.nn.Module.add_module") ?? "", /^torch 1\.13.*module\.py$/);
  });

  it("bind unusual but legal keyword and positional forms the way Python does", async () => {
    // PyTorch 1.13: 713 parameters, output [1, 12]; gain has 2 + 4 + 3 elements; the head sees one own
    // parameter ('net.gain') and two submodules ('root.conv', 'root.stem'); train(mode=False) skips the repeat.
    const m = await onlyModel(`
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        kind, width, k = "conv-16-3".split(sep="-", maxsplit=2)
        stem = "__stem__".strip("_")
        n = int("layer12".removeprefix("layer"))
        cfg = {}
        depth = cfg.setdefault("depth", 2)
        cfg.update([("heads", 4)], extra=1)
        heads = cfg.pop("heads", None)
        pos = "x-y-z".find("-", 2)
        gated = "relu6".startswith(("gelu", "relu"), 0)
        tags = {"a"}.union(["b"], ("c",))
        self.add_module(module=nn.Conv2d(3, int(width), int(k), padding=1), name=kind)
        self.register_buffer(tensor=torch.zeros(n), name="scale", persistent=False)
        self.register_parameter("gain", param=nn.Parameter(torch.ones(depth + heads + pos)))
        self.add_module(stem, nn.Linear(int(width) * (cfg.get("extra") + len(cfg)), len(tags) + gated))
        own = [name for name, _ in self.named_parameters(prefix="net", recurse=False)]
        below = [name for name, _ in self.named_modules(prefix="root") if name.startswith("root.")]
        self.head = nn.Linear(len(tags) + gated, len(own) * 10 + len(below))
        self.train(mode=False)

    def forward(self, x):
        y = self.conv(x).mean(dim=(2, 3))
        y = torch.cat([y, y, y], dim=1)
        y = self.head(self.stem(y))
        if self.training:
            y = y.repeat(1, 2)
        return y
`, { inputs: [{ shape: [1, 3, 8, 8], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 713);
    assert.deepEqual(m.output, [[1, 12]]);
    assert.equal(m.buffers, 12, "the non-persistent buffer is still a buffer");
  });

  it("resolve torch.nn.modules.utils' argument normalisers", async () => {
    // PyTorch 1.13: Conv2d(3, 8, kernel_size=(3, 5), stride=(2, 2), padding=(1, 2)), 698 parameters, output [1, 10];
    // FLOPs 2·8·3·15·8·8 (conv) + 2·32·10 (fc) = 46,720
    const m = await onlyModel(`
import torch.nn as nn
from torch.nn.modules.utils import _pair, _ntuple, _reverse_repeat_tuple

_4tuple = _ntuple(4, "_4tuple")


class SplitConv(nn.Module):
    def __init__(self, c_in, c_out, kernel_size, stride=1):
        super().__init__()
        kh, kw = _pair(kernel_size)
        sh, sw = _pair(stride)
        pad = _reverse_repeat_tuple((kh // 2, kw // 2), 2)
        self.conv = nn.Conv2d(c_in, c_out, (kh, kw), (sh, sw), padding=(pad[2], pad[0]))
        self.widths = _4tuple(c_out)
        self.fc = nn.Linear(sum(self.widths), 10)

    def forward(self, x):
        return self.fc(self.conv(x).mean((2, 3)).repeat(1, 4))

model = SplitConv(3, 8, (3, 5), stride=2)
`, { inputs: [{ shape: [1, 3, 16, 16], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 698);
    assert.equal(m.flops, 46720);
    assert.deepEqual(m.output, [[1, 10]]);
  });
});
