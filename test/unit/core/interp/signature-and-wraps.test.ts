import { strict as assert } from "node:assert";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

describe("library idioms that size models: inspect.signature, functools.wraps, decorator registries", () => {
  it("a legacy-interface decorator reads keyword-only parameters through inspect.signature behind functools.wraps", async () => {
    // The shape of torchvision's handle_legacy_interface / kwonly_to_pos_or_kw.
    const result = await analyze(`
import functools, inspect
import torch.nn as nn

def kwonly_to_pos_or_kw(fn):
    params = inspect.signature(fn).parameters
    start = next(i for i, p in enumerate(params.values()) if p.kind == p.KEYWORD_ONLY)
    names = tuple(inspect.signature(fn).parameters)[start:]
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        args, extra = args[:start], args[start:]
        kwargs.update(dict(zip(names, extra)))
        return fn(*args, **kwargs)
    return wrapper

def legacy(**weights):
    def outer(builder):
        @kwonly_to_pos_or_kw
        @functools.wraps(builder)
        def inner(*args, **kwargs):
            return builder(*args, **kwargs)
        return inner
    return outer

BUILTIN = {}
def register(fn):
    BUILTIN[fn.__name__] = fn
    return fn

class Net(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(8, width)
    def forward(self, x):
        return self.fc(x)

@register
@legacy(weights=("pretrained", None))
def net(*, weights=None, width=4):
    return Net(width)

# the registry holds the builder under its own name, and signature() sees through both wrappers
default_width = inspect.signature(BUILTIN["net"]).parameters["width"].default
model = BUILTIN["net"](None, default_width * 4)
# greenlight: input=1x8
`);
    const m = modelNamed(result, "model");
    assert.equal(m.params, 8 * 16 + 16);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("inspect.signature of a class is its __init__ without self; of a partial, without the bound arguments", async () => {
    const m = await onlyModel(`
import functools, inspect
import torch.nn as nn

class Block(nn.Module):
    def __init__(self, dim, hidden=32, *, bias=True):
        super().__init__()
        self.fc = nn.Linear(dim, hidden, bias=bias)
    def forward(self, x):
        return self.fc(x)

names = list(inspect.signature(Block).parameters)
bound = functools.partial(Block, len(names) * 8)
params = inspect.signature(bound).parameters
model = bound(hidden=len(params) * 10, bias=params["bias"].default)
# greenlight: input=1x24
`);
    // dim, hidden, bias: partial(Block, 24) leaves hidden and bias, so hidden = 20 and bias = True
    assert.equal(m.params, 24 * 20 + 20);
  });
  it("a class's __module__ names the module that defined it; inspect.getsource of that module is its text", async () => {
    // transformers decides whether a model takes its grouped experts path by searching its module's source
    // (`sys.modules[cls.__module__]`, `inspect.getsource`) for a decorator's name
    const result = await analyze(`
import inspect, sys
import torch.nn as nn
from blocks import Block

source = inspect.getsource(sys.modules[Block.__module__])
wide = nn.Linear(8, 4 if "@wide" in source else 2)
narrow = nn.Linear(8, 4 if "@narrow" in source else 2)
# greenlight: input=1x8
`, { others: { "/project/blocks.py": "import torch.nn as nn\n\n# @wide\nclass Block(nn.Module):\n    pass\n" } });
    assert.equal(modelNamed(result, "wide").params, 8 * 4 + 4);
    assert.equal(modelNamed(result, "narrow").params, 8 * 2 + 2);
  });
});
