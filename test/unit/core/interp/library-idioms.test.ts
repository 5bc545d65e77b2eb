import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// Python idioms that library code (Hugging Face transformers' configs, registries and outputs) sizes models with.
describe("library idioms", () => {
  it("a base's __init_subclass__ makes subclasses dataclasses whose wrapped __init__ reads fields() and MISSING", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from dataclasses import MISSING, dataclass, fields
from typing import ClassVar

def accept_kwargs(cls):
    def __init__(self, **kwargs):
        for f in fields(cls):
            setattr(self, f.name, kwargs[f.name] if f.name in kwargs else f.default)
        self.__post_init__()
    cls.__init__ = __init__
    return cls

@dataclass
class BaseConfig:
    kind: ClassVar[str] = "base"
    hidden: int = 8

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        custom = "__init__" in cls.__dict__
        cls = dataclass(cls)
        if not custom:
            accept_kwargs(cls)

    def __post_init__(self):
        self.wide = self.hidden * 2

class NetConfig(BaseConfig):
    layers: int = 3

class Net(nn.Module):
    def __init__(self, config=NetConfig(hidden=16)):
        super().__init__()
        assert "kind" not in [f.name for f in fields(config)]
        self.blocks = nn.ModuleList([nn.Linear(config.hidden, config.wide) for _ in range(config.layers)])

    def forward(self, x):
        return x
`);
    assert.equal(m.params, 3 * (16 * 32 + 32));
  });

  it("an attribute_map applied by the class's own __getattribute__ and __setattr__", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Config:
    attribute_map = {"n_embd": "hidden_size"}

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __setattr__(self, key, value):
        if key in super().__getattribute__("attribute_map"):
            key = super().__getattribute__("attribute_map")[key]
        super().__setattr__(key, value)

    def __getattribute__(self, key):
        if key != "attribute_map" and key in super().__getattribute__("attribute_map"):
            key = super().__getattribute__("attribute_map")[key]
        return super().__getattribute__(key)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        config = Config(n_embd=12)
        self.fc = nn.Linear(config.hidden_size, config.n_embd)

    def forward(self, x):
        return self.fc(x)
`);
    assert.equal(m.params, 12 * 12 + 12);
  });

  it("registries built on MutableMapping and OrderedDict subclasses, set unions, __code__ and nn.Buffer", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
from collections import OrderedDict
from collections.abc import MutableMapping

class Interface(MutableMapping):
    _global_mapping = {"a": 1, "b": 2}

    def __init__(self):
        self._local_mapping = {}

    def __getitem__(self, key):
        if key in self._local_mapping:
            return self._local_mapping[key]
        return self._global_mapping[key]

    def __setitem__(self, key, value):
        self._local_mapping.update({key: value})

    def __delitem__(self, key):
        del self._local_mapping[key]

    def __iter__(self):
        return iter({**self._global_mapping, **self._local_mapping})

    def __len__(self):
        return len(self._global_mapping.keys() | self._local_mapping.keys())

class Widths(OrderedDict):
    def __getitem__(self, key):
        return super().__getitem__(key) * 2

def forward_of(x, scale):
    return x

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        table = Interface()
        table["c"] = 5
        keys = list(set(table.keys()) | {"d"})
        assert "c" in table and "z" not in table
        widths = Widths({"fc": table.get("c")})
        argc = forward_of.__code__.co_varnames.index("scale")
        self.fc = nn.Linear(len(keys) + argc, widths["fc"])
        self.position_ids = nn.Buffer(torch.arange(7).expand((1, -1)), persistent=False)

    def forward(self, x):
        return self.fc(x)
`);
    // keys a, b, c, d and scale at position 1: Linear(5, 10); the Buffer is a buffer, not a parameter
    assert.equal(m.params, 5 * 10 + 10);
    assert.equal(m.buffers, 7);
  });

  it("ties weights by name (get_parameter, get_submodule, rsplit) and keeps a class whose field default cannot be worked out", async () => {
    const m = await onlyModel(`
import contextlib
import logging
import torch
import torch.nn as nn
from contextvars import ContextVar
from missing_validators import interval

logger = logging.getLogger(__name__)
_flag = ContextVar("flag", default=3)

class Config:
    vocab: int = 100
    rate: float = interval(min=0.0)(default=0.1)

class Net(nn.Module):
    def __init__(self, config=Config()):
        super().__init__()
        self.shared = nn.Embedding(config.vocab, 8)
        self.encoder = nn.Sequential(nn.Embedding(config.vocab, 8))
        self.head = nn.Linear(8, _flag.get())
        ties = {"encoder.0.weight": "shared.weight"}
        for target, source in dict.fromkeys(ties).items():
            parent_name, name = target.rsplit(".", 1)
            setattr(self.get_submodule(parent_name), name, self.get_parameter(ties[target]))
        logger.warning_once("tied")

    def forward(self, x):
        with contextlib.nullcontext():
            if torch.compiler.is_compiling():
                return x
            return self.head(self.encoder(x))
`);
    // one 100x8 embedding (tied), a Linear(8, 3)
    assert.equal(m.params, 100 * 8 + 8 * 3 + 3);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});
